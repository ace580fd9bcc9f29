import { KoryuError } from '../../errors.js';
import { linkPhotoRecord, loadKnowledge } from '../../services/knowledge.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

const USAGE = 'koryu photos [list|unlinked|link RECORD_ID EVENT_ID|none]';

export const photosCommand: Command = {
  name: 'photos',
  summary: 'List the photo records with the event each shows and the confidence of the link, list the unlinked captions, or confirm a link.',
  usage: USAGE,
  async run(args, io, deps) {
    const { positionals } = readArgs(args, {});
    const [action = 'list', ...rest] = positionals;
    const store = await deps.openStore();
    try {
      if (action === 'list' || action === 'unlinked') {
        for (const k of (await loadKnowledge(store)).partnerships) {
          k.partnership.records.forEach((r, i) => {
            const link = k.links[i]!;
            const event = r.event === null ? undefined : k.partnership.events[r.event];
            if (action === 'unlinked' && event) return;
            const how = link.confirmed ? 'confirmed' : link.confidence.toFixed(2);
            io.out(`${r.id}\t${r.year}\t${k.partnership.partner}\t${r.caption}\t${event ? `${event.id}\t${how}\t${event.text}` : '-\t-\t-'}\n`);
          });
        }
        return EXIT_OK;
      }
      if (action !== 'link') throw new KoryuError('UsageError', `Unknown action "${action}". Usage: ${USAGE}`);
      const [record, event] = rest;
      if (rest.length !== 2 || !/^\d{1,15}$/.test(record!) || !(event === 'none' || /^\d{1,15}$/.test(event!))) {
        throw new KoryuError('UsageError', `photos link needs a record id and an event id (or none). Usage: ${USAGE}`);
      }
      await linkPhotoRecord(store, Number(record), event === 'none' ? null : Number(event));
      io.err(`photo record ${record}: ${event === 'none' ? 'shows no event' : `shows event ${event}`} (confirmed)\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
