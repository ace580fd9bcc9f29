import { KoryuError } from '../../errors.js';
import { importDocuments } from '../../services/import.service.js';
import { isStoreEmpty } from '../../services/record.service.js';
import { readArgs } from '../args.js';
import { importOptions } from '../import-options.js';
import { EXIT_OK, type Command } from '../cli-io.js';
import { formatChange } from '../report.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the record on the web. On first start, an empty store receives the bundled sample.',
  usage: 'koryu serve [--port N] [--host ADDRESS] [--no-sample]',
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { port: { type: 'string' }, host: { type: 'string' }, 'no-sample': { type: 'boolean' } });
    if (positionals.length > 0) throw new KoryuError('UsageError', 'serve takes no arguments.');
    const port = values.port === undefined ? deps.config.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KoryuError('UsageError', '--port must be a port number.');
    const store = await deps.openStore();
    if (!values['no-sample'] && (await isStoreEmpty(store))) {
      const bytes = await deps.sample.read();
      const report = await importDocuments(store, [{ name: deps.sample.name, bytes }], importOptions(deps.config, undefined));
      for (const change of report.changes) io.err(`sample: ${formatChange(change)}\n`);
    }
    const server = await deps.startServer(store, { host: values.host ?? deps.config.host, port });
    io.err(`Koryu is serving ${server.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await store.close();
    return EXIT_OK;
  },
};
