import { DIRECTION_LABELS_JA } from '../../domain/direction.js';
import { KoryuError } from '../../errors.js';
import { MAX_SEARCH_LIMIT, searchRecord } from '../../services/search.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type Command } from '../cli-io.js';

export const searchCommand: Command = {
  name: 'search',
  summary: 'Find every event and photo caption containing the words (full- and half-width forms alike).',
  usage: `koryu search WORDS [--partner NAME] [--limit N (at most ${MAX_SEARCH_LIMIT})] [--offset N]`,
  async run(args, io, deps) {
    const { values, positionals } = readArgs(args, { partner: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } });
    if (positionals.length === 0) throw new KoryuError('UsageError', 'search needs the words to find.');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    const offset = values.offset === undefined ? 0 : Number(values.offset);
    if (!Number.isInteger(limit) || limit < 1) throw new KoryuError('UsageError', '--limit must be a whole number from 1.');
    if (!Number.isInteger(offset) || offset < 0) throw new KoryuError('UsageError', '--offset must be a whole number from 0.');
    const store = await deps.openStore();
    try {
      const result = await searchRecord(store, positionals.join(' '), { limit, offset, ...(values.partner ? { partner: values.partner } : {}) });
      if (result.readAs !== undefined) io.err(`Nothing holds "${positionals.join(' ')}"; searched for "${result.readAs}" (its kana in the other script).\n`);
      for (const hit of result.hits) {
        const label = hit.kind === 'record' ? '写真' : DIRECTION_LABELS_JA[hit.direction ?? 'unknown'];
        io.out(`${hit.year}\t${hit.partner}\t${label}\t${hit.text}\n`);
      }
      io.err(`${result.total} found${result.total > offset + result.hits.length ? ` (showing ${offset + 1}–${offset + result.hits.length})` : ''}\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
