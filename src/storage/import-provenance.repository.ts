import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Where a partnership's items stood before an import, which no history entry holds: the file it was last imported
 * from, and each event's and photo record's place in the record's order and line in that file (the import moves and
 * renumbers items it keeps unchanged). Kept on the import's log row (imports.kept) for an undo to give back.
 */
export interface ImportProvenance {
  source: string | null;
  /** [id, position, line] of each event, then of each photo record. */
  events: [number, number, number | null][];
  records: [number, number, number | null][];
}

export async function findProvenance(db: Kysely<Database>, partnershipId: number): Promise<ImportProvenance> {
  const p = await db.selectFrom('partnerships').select('source').where('id', '=', partnershipId).executeTakeFirst();
  const events = await db.selectFrom('events').select(['id', 'position', 'line']).where('partnership_id', '=', partnershipId).orderBy('id').execute();
  const records = await db.selectFrom('photo_records').select(['id', 'position', 'line']).where('partnership_id', '=', partnershipId).orderBy('id').execute();
  return { source: p?.source ?? null, events: events.map((e) => [e.id, e.position, e.line]), records: records.map((r) => [r.id, r.position, r.line]) };
}

/** The provenance an import kept (imports.kept), if it kept one. */
export async function findImportProvenance(db: Kysely<Database>, importId: number): Promise<ImportProvenance | undefined> {
  const row = await db.selectFrom('imports').select('kept').where('id', '=', importId).executeTakeFirst();
  return row?.kept ? (JSON.parse(row.kept) as ImportProvenance) : undefined;
}

/** Gives the partnership's items that exist their kept place and line back, and the partnership its source file. */
export async function restoreProvenance(db: Kysely<Database>, partnershipId: number, kept: ImportProvenance): Promise<void> {
  await db.updateTable('partnerships').set({ source: kept.source }).where('id', '=', partnershipId).execute();
  const now = await findProvenance(db, partnershipId);
  for (const [table, was, is] of [['events', kept.events, now.events], ['photo_records', kept.records, now.records]] as const) {
    const current = new Map(is.map(([id, position, line]) => [id, `${position}:${line}`]));
    for (const [id, position, line] of was) {
      const stored = current.get(id);
      if (stored === undefined || stored === `${position}:${line}`) continue;
      await db.updateTable(table).set({ position, line }).where('id', '=', id).where('partnership_id', '=', partnershipId).execute();
    }
  }
}
