import type { ImportEntry } from '../../domain/import-log.js';
import type { UndoItems, UndoPlan } from '../../domain/import-undo.js';
import { KoryuError } from '../../errors.js';
import { importLog } from '../../services/import-log.service.js';
import { planUndo, undoImport } from '../../services/import-undo.service.js';
import { readArgs } from '../args.js';
import { EXIT_OK, type CliDeps, type Command } from '../cli-io.js';
import { commandLineUser } from './import.command.js';

const USAGE = ['koryu imports [list] [--limit N] [--home NAME --partner NAME]', '       koryu imports undo ID [--dry-run]'].join('\n');

/** Rows `imports list` prints when no --limit is given. */
const DEFAULT_LIMIT = 50;

export const importsCommand: Command = {
  name: 'imports',
  summary: [
    'The import log. list (the default): logged imports newest first, with their ids, who imported, the file, and what',
    '      each added, changed and removed (an undone one says by which row). undo ID: undo that import in one transaction',
    '      (what it added is removed, what it changed or removed is put back; a partnership it created is removed); only',
    '      a partnership\'s latest import with no edit since can be undone (exit 1 otherwise, saying why). --dry-run: say',
    '      what the undo would do; write nothing.',
  ].join('\n'),
  usage: USAGE,
  async run(args, io, deps) {
    const [first, ...rest] = args;
    const sub = first === undefined || first.startsWith('-') ? 'list' : first;
    const given = sub === first ? rest : args;
    if (sub === 'list') {
      const { values, positionals } = readArgs(given, { limit: { type: 'string' }, home: { type: 'string' }, partner: { type: 'string' } });
      if (positionals.length > 0) throw new KoryuError('UsageError', 'imports list takes no arguments but its options.');
      const limit = values.limit === undefined ? DEFAULT_LIMIT : positiveInteger(values.limit, '--limit');
      if ((values.home === undefined) !== (values.partner === undefined)) throw new KoryuError('UsageError', 'imports list takes --home NAME and --partner NAME together.');
      const partnership = values.home !== undefined && values.partner !== undefined ? { home: values.home, partner: values.partner } : undefined;
      const entries = await withStore(deps, (store) => importLog(store, limit, partnership));
      for (const e of entries) io.out(`${formatEntry(e)}\n`);
      io.err(`${entries.length} logged import${entries.length === 1 ? '' : 's'} (newest first${entries.length === limit ? `, at most ${limit}; --limit N for more` : ''})\n`);
      return EXIT_OK;
    }
    if (sub === 'undo') {
      const { values, positionals } = readArgs(given, { 'dry-run': { type: 'boolean' } });
      if (positionals.length !== 1) throw new KoryuError('UsageError', 'imports undo needs exactly one import ID (see koryu imports).');
      const id = positiveInteger(positionals[0]!.replace(/^#/, ''), 'ID');
      if (values['dry-run']) {
        const plan = await withStore(deps, (store) => planUndo(store.db, id));
        io.out(`${describePlan(plan, 'would')}\nDry run: nothing was written.\n`);
        return EXIT_OK;
      }
      const result = await withStore(deps, (store) => undoImport(store, id, { name: `koryu imports undo (${commandLineUser()})` }));
      io.out(`${describePlan(result.plan, 'did')}\nLogged as import #${result.logged.id}.\n`);
      return EXIT_OK;
    }
    throw new KoryuError('UsageError', `unknown imports command "${sub}" (list, undo).`);
  },
};

async function withStore<T>(deps: CliDeps, fn: (store: Awaited<ReturnType<CliDeps['openStore']>>) => Promise<T>): Promise<T> {
  const store = await deps.openStore();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function positiveInteger(text: string, name: string): number {
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new KoryuError('UsageError', `${name} must be a positive whole number, not "${text}".`);
  return Number(text);
}

const counts = (c: { events: number; records: number }) => `${c.events}/${c.records}`;

/** One row of the log: `#ID  TIME  ACTOR  FILE  HOME–PARTNER  +added ~changed -removed (events/records)  STATE`. */
export function formatEntry(e: ImportEntry): string {
  const state = e.undoes !== null ? `undo of #${e.undoes}` : e.undoneBy !== null ? `undone by #${e.undoneBy}` : '';
  const cells = [`#${e.id}`, e.importedAt, e.actor ?? '(command line)', e.source, `${e.home}–${e.partner}`, `+${counts(e.added)} ~${counts(e.changed)} -${counts(e.removed)}`];
  return [...cells, ...(state ? [state] : [])].join('\t');
}

/** What an undo did (or would do), an item a line. */
function describePlan(plan: UndoPlan, mood: 'did' | 'would'): string {
  const { entry } = plan;
  const verb = (done: string, todo: string) => (mood === 'did' ? done : `would ${todo}`);
  const lines = [`Undo of import #${entry.id} (${entry.source} into ${entry.home}–${entry.partner}, ${entry.importedAt}):`];
  if (plan.removesPartnership) lines.push(`  the import created the partnership: ${verb('removed', 'remove')} it with everything it holds`);
  const list = (label: string, items: UndoItems) => {
    if (items.events.length + items.records.length === 0) return;
    lines.push(`  ${label}: ${items.events.length} event${items.events.length === 1 ? '' : 's'}, ${items.records.length} photo record${items.records.length === 1 ? '' : 's'}`);
    for (const e of items.events) lines.push(`    event #${e.id}\t${e.year}\t${e.text}`);
    for (const r of items.records) lines.push(`    record #${r.id}\t${r.year}\t${r.text}`);
  };
  list(verb('removed', 'remove'), plan.remove);
  list(verb('put back', 'put back'), plan.putBack);
  list(verb('restored', 'restore'), plan.restore);
  if (plan.partnershipChanged) lines.push(`  the partnership's own details ${verb('were put back', 'be put back')}`);
  return lines.join('\n');
}
