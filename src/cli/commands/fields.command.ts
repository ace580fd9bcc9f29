import { EXCHANGE_FIELDS } from '../../domain/exchange-field.js';
import { KoryuError } from '../../errors.js';
import { loadKnowledge, setEventFields } from '../../services/knowledge.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

const USAGE = `koryu fields [EVENT_ID [FIELD…|--none]]   (fields: ${EXCHANGE_FIELDS.join(', ')})`;

export const fieldsCommand: Command = {
  name: 'fields',
  summary: 'List each event with its fields of exchange, or set the fields of one event (an editor’s choice, kept across imports).',
  usage: USAGE,
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { none: { type: 'boolean' } });
    const store = await deps.openStore();
    try {
      if (positionals.length === 0) {
        if (values.none) throw new KoryuError('UsageError', `--none needs an event id. Usage: ${USAGE}`);
        for (const k of (await loadKnowledge(store)).partnerships) {
          k.partnership.events.forEach((e, i) => io.out(`${e.id}\t${e.year}\t${k.partnership.partner}\t${k.fields[i]!.join(',') || '-'}\t${e.text}\n`));
        }
        return EXIT_OK;
      }
      const [id, ...fields] = positionals;
      if (!/^\d{1,15}$/.test(id!)) throw new KoryuError('UsageError', `"${id}" is not an event id. Usage: ${USAGE}`);
      if (fields.length === 0 && !values.none) throw new KoryuError('UsageError', `Name the fields, or --none for no field. Usage: ${USAGE}`);
      if (fields.length > 0 && values.none) throw new KoryuError('UsageError', 'Give fields or --none, not both.');
      const set = await setEventFields(store, Number(id), fields.flatMap((f) => f.split(',')).filter((f) => f !== ''));
      io.err(`event ${id}: ${set.join(', ') || 'no field'}\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
