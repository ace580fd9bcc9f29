import { writeFile } from 'node:fs/promises';
import { KoryuError } from '../../errors.js';
import { listPartnerships } from '../../services/record.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

const LANGS = ['ja', 'en', 'zh'];

/**
 * Renders the yearbook through the web application, on a server of its own on a free loopback port, so that the
 * book is made by exactly the route, views and browser of /partnerships/ID/yearbook.pdf, photos included.
 */
export const yearbookCommand: Command = {
  name: 'yearbook',
  summary: 'Write the yearbook of one partnership (cover, timeline pages, photo pages with captions; A4, page numbers) as a PDF. --lang en or zh for the partner\'s edition.',
  usage: 'koryu yearbook --partner NAME --out FILE.pdf [--lang ja|en|zh] [--home NAME]',
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { partner: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string', default: 'ja' }, home: { type: 'string' } });
    if (positionals.length > 0) throw new KoryuError('UsageError', `yearbook takes no FILE argument (use --out ${positionals[0]}).`);
    if (!values.partner) throw new KoryuError('UsageError', '--partner is required.');
    if (!values.out) throw new KoryuError('UsageError', '--out FILE.pdf is required.');
    if (!LANGS.includes(values.lang)) throw new KoryuError('UsageError', `--lang must be ${LANGS.join(', ')}.`);
    const store = await deps.openStore();
    try {
      const [p] = await listPartnerships(store, { partner: values.partner, home: values.home ?? deps.config.home });
      const server = await deps.startServer(store, { host: '127.0.0.1', port: 0, quiet: true });
      try {
        const res = await fetch(`${server.url}/${values.lang}/partnerships/${p!.id}/yearbook.pdf`);
        const body = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200) throw new KoryuError('PdfUnavailable', new TextDecoder().decode(body).replace(/^\w+: /, ''));
        await writeFile(values.out, body);
        io.err(`koryu yearbook: wrote ${values.out} (${body.length} bytes)\n`);
      } finally {
        await server.close();
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
