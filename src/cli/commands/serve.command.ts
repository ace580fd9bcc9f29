import { KoryuError } from '../../errors.js';
import { sharedCreditWarning } from '../../services/export.service.js';
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
      const docs = [{ name: deps.sample.name, bytes: await deps.sample.read() }];
      if (deps.sample.names) docs.push({ name: deps.sample.names.name, bytes: await deps.sample.names.read() });
      const report = await importDocuments(store, docs, importOptions(deps.config, undefined));
      for (const change of report.changes) io.err(`sample: ${formatChange(change)}\n`);
    }
    const server = await deps.startServer(store, { host: values.host ?? deps.config.host, port });
    io.err(`Koryu is serving ${server.url}\n`);
    const credit = await sharedCreditWarning(store, deps.config.home, deps.config.licence);
    if (credit) io.err(credit);
    // The first SIGINT or SIGTERM stops the server once the requests under way are answered; a second one while it
    // waits stops it at once. Either way the log lines it holds are written first.
    let stopping = false;
    const onSignal = () => {
      if (stopping) return server.abandon();
      stopping = true;
      io.err('Koryu is stopping: waiting for the requests under way (a second signal stops it at once)\n');
      stopped();
    };
    let stopped!: () => void;
    await new Promise<void>((resolve) => {
      stopped = resolve;
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
    try {
      await server.close();
      await store.close();
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return EXIT_OK;
  },
};
