import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KoryuError } from '../../errors.js';
import { buildApp } from '../../http/app.js';
import { buildStaticSite } from '../../http/static-site.js';
import { writeRecordFile } from '../../services/downloads.service.js';
import { exporterFor, sharedCreditWarning } from '../../services/export.service.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

export const publishCommand: Command = {
  name: 'publish',
  summary: 'Write the public site as static files (pages in ja/en/zh, style sheet, downloads, feed, and a search that runs in the browser) into an empty or new DIR, servable from any sub-path.',
  usage: 'koryu publish --out DIR',
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { out: { type: 'string' } });
    if (positionals.length > 0 || !values.out) throw new KoryuError('UsageError', 'publish needs --out DIR (and no other argument).');
    const out = values.out;
    const existing = await readdir(out).catch(() => undefined);
    if (existing && existing.length > 0) throw new KoryuError('UsageError', `${out} is not empty; publish writes into a new or empty folder.`);
    const opened = await deps.openStore();
    try {
      const { config } = deps;
      // Every page and download of the site from one snapshot: a record edited while it is written is in none of them.
      const site = await opened.snapshot(async (store) => {
        // With the stored photos, so that the copy holds the photos its pages show.
        const app = await buildApp({ store, home: config.home, licence: config.licence, photos: photoFilesIn(config.dataDir), ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}) });
        try {
          const settings = { licence: config.licence, siteHome: config.home, ...(config.siteUrl ? { siteUrl: config.siteUrl } : {}) };
          const place = async (file: string) => {
            const path = join(out, ...file.split('/'));
            await mkdir(dirname(path), { recursive: true });
            return path;
          };
          return await buildStaticSite(app, store, {
            write: async (file, body) => writeFile(await place(file), body),
            writeRecord: async (file, format) => void (await writeRecordFile(store, exporterFor(format), settings, await place(file))),
          }, config.home);
        } finally {
          await app.close();
        }
      });
      io.err(`koryu publish: wrote ${site.files.length} files to ${out}\n`);
      const credit = await sharedCreditWarning(opened, config.home, config.licence);
      if (credit) io.err(`koryu publish: ${credit}`);
      if (site.missing.length > 0) {
        const list = site.missing.map((m) => `  ${m.url} (linked from ${m.from})\n`).join('');
        io.err(`koryu publish: ${site.missing.length} links lead to no page (the server answered 404); they are broken in the copy:\n${list}`);
      }
      return EXIT_OK;
    } finally {
      await opened.close();
    }
  },
};
