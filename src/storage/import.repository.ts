import type { Kysely, Selectable } from 'kysely';
import type { ImportEntry } from '../domain/import-log.js';
import type { ChangeSummary } from '../domain/partnership.js';

export type { ImportCounts, ImportEntry } from '../domain/import-log.js';
import type { BulkWriter, Database, ImportTable } from './database.js';
import type { ImportProvenance } from './import-provenance.repository.js';
import { partnershipKey } from './partnership.bulk.js';

export async function recordImport(db: Kysely<Database>, source: string, summary: ChangeSummary, actor: string | null = null, undoes: number | null = null): Promise<ImportEntry> {
  const row = await db
    .insertInto('imports')
    .values({
      source,
      home: summary.home,
      partner: summary.partner,
      imported_at: new Date().toISOString(),
      added_events: summary.added.events,
      changed_events: summary.changed.events,
      removed_events: summary.removed.events,
      added_records: summary.added.records,
      changed_records: summary.changed.records,
      removed_records: summary.removed.records,
      actor,
      undoes,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToImport(row);
}

/**
 * Logs many imports at once, in the order given (as recordImport one after the other would). Answers the ids of
 * the rows by partnership (partnershipKey), for an import's history entries to be linked to them.
 */
export async function recordImports(
  db: Kysely<Database>,
  writer: BulkWriter,
  entries: readonly { source: string; summary: ChangeSummary; kept?: ImportProvenance | undefined }[],
  actor: string | null = null,
): Promise<Map<string, number>> {
  const at = new Date().toISOString();
  const before = await db.selectFrom('imports').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  const after = before?.m === null || before?.m === undefined ? 0 : Number(before.m);
  await writer.insert(
    db,
    'imports',
    [
      ['source', 'text'], ['home', 'text'], ['partner', 'text'], ['imported_at', 'text'], ['added_events', 'integer'], ['changed_events', 'integer'],
      ['removed_events', 'integer'], ['added_records', 'integer'], ['changed_records', 'integer'], ['removed_records', 'integer'], ['actor', 'text'], ['kept', 'text'],
    ],
    entries.map(({ source, summary: s, kept }) => [
      source, s.home, s.partner, at, s.added.events, s.changed.events, s.removed.events, s.added.records, s.changed.records, s.removed.records, actor,
      kept === undefined ? null : JSON.stringify(kept),
    ]),
  );
  // The rows just written: this transaction's, of this moment (another import committing meanwhile has its own moment
  // or its own partnerships; a partnership is written by one import at a time).
  const rows = await db.selectFrom('imports').select(['id', 'home', 'partner']).where('id', '>', after).where('imported_at', '=', at).orderBy('id').execute();
  return new Map(rows.map((r) => [partnershipKey(r), r.id]));
}

export async function findImport(db: Kysely<Database>, id: number): Promise<ImportEntry | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToImport(row) : undefined;
}

/** The newest logged import (or undo) of a partnership, by its home and partner. */
export async function findLatestImportId(db: Kysely<Database>, home: string, partner: string): Promise<number | undefined> {
  const row = await db.selectFrom('imports').select('id').where('home', '=', home).where('partner', '=', partner).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id;
}

/** Notes on an import's row that the row `undoneBy` undid it. */
export async function markImportUndone(db: Kysely<Database>, id: number, undoneBy: number): Promise<void> {
  await db.updateTable('imports').set({ undone_by: undoneBy }).where('id', '=', id).execute();
}

/** Imports, newest first; of one partnership (home and partner) when given. */
export async function listImports(db: Kysely<Database>, options: { limit?: number; home?: string; partner?: string } = {}): Promise<ImportEntry[]> {
  let q = db
    .selectFrom('imports')
    .selectAll()
    .$if(options.home !== undefined, (q) => q.where('home', '=', options.home!))
    .$if(options.partner !== undefined, (q) => q.where('partner', '=', options.partner!))
    .orderBy('id', 'desc');
  if (options.limit !== undefined) q = q.limit(options.limit);
  return (await q.execute()).map(rowToImport);
}

export function rowToImport(row: Selectable<ImportTable>): ImportEntry {
  return {
    id: row.id,
    source: row.source,
    home: row.home,
    partner: row.partner,
    importedAt: row.imported_at,
    added: { events: row.added_events, records: row.added_records },
    changed: { events: row.changed_events, records: row.changed_records },
    removed: { events: row.removed_events, records: row.removed_records },
    actor: row.actor,
    undoes: row.undoes ?? null,
    undoneBy: row.undone_by ?? null,
  };
}
