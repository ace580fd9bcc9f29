import type { Kysely, Selectable } from 'kysely';
import type { ChangeSummary } from '../domain/partnership.js';
import type { BulkWriter, Database, ImportTable } from './database.js';

export interface ImportCounts {
  events: number;
  records: number;
}

/** One import of a document into one partnership, as logged. */
export interface ImportEntry {
  id: number;
  source: string;
  home: string;
  partner: string;
  importedAt: string;
  added: ImportCounts;
  changed: ImportCounts;
  removed: ImportCounts;
}

export async function recordImport(db: Kysely<Database>, source: string, summary: ChangeSummary): Promise<ImportEntry> {
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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToImport(row);
}

/** Logs many imports at once, in the order given (as recordImport one after the other would). */
export async function recordImports(db: Kysely<Database>, writer: BulkWriter, entries: readonly { source: string; summary: ChangeSummary }[]): Promise<void> {
  const at = new Date().toISOString();
  await writer.insert(
    db,
    'imports',
    [
      ['source', 'text'], ['home', 'text'], ['partner', 'text'], ['imported_at', 'text'], ['added_events', 'integer'], ['changed_events', 'integer'],
      ['removed_events', 'integer'], ['added_records', 'integer'], ['changed_records', 'integer'], ['removed_records', 'integer'],
    ],
    entries.map(({ source, summary: s }) => [
      source, s.home, s.partner, at, s.added.events, s.changed.events, s.removed.events, s.added.records, s.changed.records, s.removed.records,
    ]),
  );
}

/** Imports, newest first. */
export async function listImports(db: Kysely<Database>, options: { limit?: number } = {}): Promise<ImportEntry[]> {
  let q = db.selectFrom('imports').selectAll().orderBy('id', 'desc');
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
  };
}
