import { writeFile } from 'node:fs/promises';
import { KoryuError } from '../../errors.js';
import type { Exporter } from '../../exports/exporter.js';
import { EXPORTERS } from '../../exports/exporters.js';
import { writeRecordFile } from '../../services/downloads.service.js';
import { exporterFor, exportFiles } from '../../services/export.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

/** Where a companion file goes: beside --out, with the main format's extension replaced by its own (a.csv → a.photos.csv). */
export function companionPath(out: string, main: Exporter, companion: Exporter): string {
  const stem = out.endsWith(`.${main.extension}`) ? out.slice(0, -main.extension.length - 1) : out;
  return `${stem}.${companion.extension}`;
}

const FORMATS = EXPORTERS.filter((e) => !EXPORTERS.some((m) => m.companions?.includes(e.format))).map((e) => e.format);

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Write the record, or one partnership, in a format: koryu/1 JSON, the document layout, CSV, Excel, JSON-LD or an Atom feed. ' +
    'csv writes two files: --out FILE.csv (one row per event) and FILE.photos.csv (the photo records).',
  usage: `koryu export --format ${FORMATS.join('|')} [--partner NAME] [--home NAME] [--out FILE]`,
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, {
      format: { type: 'string' },
      partner: { type: 'string' },
      home: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) throw new KoryuError('UsageError', `export takes no FILE argument (use --out ${positionals[0]}).`);
    if (!values.format) throw new KoryuError('UsageError', `--format is required (${FORMATS.join(', ')}).`);
    const main = exporterFor(values.format);
    if (!values.out && main.companions?.length) {
      throw new KoryuError('UsageError', `${main.format} writes ${main.companions.length + 1} files; name the first with --out FILE.${main.extension}.`);
    }
    const store = await deps.openStore();
    try {
      const filter = { ...(values.partner ? { partner: values.partner } : {}), ...(values.home ? { home: values.home } : {}) };
      const settings = { licence: deps.config.licence, siteHome: deps.config.home, generatedAt: new Date().toISOString(), ...(deps.config.siteUrl ? { siteUrl: deps.config.siteUrl } : {}) };
      if (values.out && !values.partner && !values.home) {
        // The whole record to files: written as the download files are, a part of the record at a time, every
        // file from one snapshot (the records' CSV names the events of the events' CSV).
        const exporters = [main, ...(main.companions ?? []).map(exporterFor)];
        const paths = exporters.map((e, i) => (i === 0 ? values.out! : companionPath(values.out!, main, e)));
        await store.snapshot(async (reader) => {
          for (const [i, e] of exporters.entries()) await writeRecordFile(reader, e, settings, paths[i]!);
        });
        if (paths.length > 1) io.err(`koryu export: wrote ${paths.join(' and ')}\n`);
        return EXIT_OK;
      }
      const files = await store.snapshot((reader) => exportFiles(reader, values.format!, filter, settings));
      if (!values.out) {
        const body = files[0]!.body;
        if (typeof body !== 'string') throw new KoryuError('UsageError', `${main.format} is a binary format; write it to a file with --out FILE.${main.extension}.`);
        io.out(body);
        return EXIT_OK;
      }
      const out = values.out;
      const paths = files.map((f, i) => (i === 0 ? out : companionPath(out, main, f.exporter)));
      for (const [i, f] of files.entries()) await writeFile(paths[i]!, f.body);
      if (paths.length > 1) io.err(`koryu export: wrote ${paths.join(' and ')}\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
