import { writeFile } from 'node:fs/promises';
import { KoryuError } from '../../errors.js';
import { EXPORTERS } from '../../exports/exporters.js';
import { exportRecord } from '../../services/record.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write the record, or one partnership, as koryu/1 JSON or in the document layout.',
  usage: `koryu export --format ${EXPORTERS.map((e) => e.format).join('|')} [--partner NAME] [--home NAME] [--out FILE]`,
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, {
      format: { type: 'string' },
      partner: { type: 'string' },
      home: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) throw new KoryuError('UsageError', `export takes no FILE argument (use --out ${positionals[0]}).`);
    if (!values.format) throw new KoryuError('UsageError', '--format is required.');
    const store = await deps.openStore();
    try {
      const filter = { ...(values.partner ? { partner: values.partner } : {}), ...(values.home ? { home: values.home } : {}) };
      const output = await exportRecord(store, values.format, filter);
      if (values.out) await writeFile(values.out, output);
      else io.out(output);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
