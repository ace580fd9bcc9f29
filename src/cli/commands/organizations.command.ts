import { KoryuError } from '../../errors.js';
import { addOrganizationAlias, confirmOrganization, loadKnowledge, rejectOrganization } from '../../services/knowledge.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

const USAGE = 'koryu organizations [list|confirm NAME [--office]|alias ALIAS NAME|reject NAME]';

export const organizationsCommand: Command = {
  name: 'organizations',
  summary: 'List the organisations and office holders Koryu found in the events (suggested or confirmed), and confirm, alias or reject them.',
  usage: USAGE,
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { office: { type: 'boolean' } });
    const [action = 'list', ...rest] = positionals;
    const need = (n: number) => {
      if (rest.length !== n) throw new KoryuError('UsageError', `organizations ${action} needs ${n === 1 ? 'a name' : 'an alias and a name'}. Usage: ${USAGE}`);
    };
    const store = await deps.openStore();
    try {
      switch (action) {
        case 'list':
        case 'suggest': {
          need(0);
          for (const o of (await loadKnowledge(store)).organizations) {
            const years = [...new Set(o.mentions.map((m) => m.year))].join(',');
            io.out(`${o.name}\t${o.kind}\t${o.status}\t${o.aliases.join('、') || '-'}\t${o.mentions.length}\t${years}\n`);
          }
          return EXIT_OK;
        }
        case 'confirm':
          need(1);
          await confirmOrganization(store, rest[0]!, values.office ? 'office' : 'organization');
          io.err(`confirmed ${rest[0]}\n`);
          return EXIT_OK;
        case 'alias': {
          need(2);
          const org = await addOrganizationAlias(store, rest[0]!, rest[1]!);
          io.err(`${rest[0]} is ${org.name} (aliases: ${org.aliases.join('、')}; ${org.mentions.length} events)\n`);
          return EXIT_OK;
        }
        case 'reject':
          need(1);
          await rejectOrganization(store, rest[0]!);
          io.err(`rejected ${rest[0]}\n`);
          return EXIT_OK;
        default:
          throw new KoryuError('UsageError', `Unknown action "${action}". Usage: ${USAGE}`);
      }
    } finally {
      await store.close();
    }
  },
};
