import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** When an event became public, and when it last changed (an edit, or a re-import changing it). */
export interface EventTimes {
  publishedAt: string;
  updatedAt: string;
}

/**
 * When each event became public and when it last changed, by event id. Today every stored event is public from the
 * moment it was first saved (`created_at`); when events get a draft state, this is the one query to change (to the
 * time of publication, leaving drafts out). Every change of an event's own values or translations sets its
 * `updated_at` (editing.repository.ts, partnership.repository.ts).
 */
export async function findEventPublications(db: Kysely<Database>, eventIds: readonly number[]): Promise<Map<number, EventTimes>> {
  const found = new Map<number, EventTimes>();
  for (let i = 0; i < eventIds.length; i += 500) {
    const chunk = eventIds.slice(i, i + 500);
    const rows = await db.selectFrom('events').select(['id', 'created_at', 'updated_at']).where('id', 'in', chunk).execute();
    for (const r of rows) found.set(r.id, { publishedAt: r.created_at, updatedAt: r.updated_at });
  }
  return found;
}

/**
 * The newest published events of published partnerships, newest first (by publication time, then by id, as the
 * Atom feed orders them): their ids and partnerships. One pass over the events, not a read of the record.
 */
export async function findNewestPublications(db: Kysely<Database>, limit: number): Promise<{ id: number; partnershipId: number }[]> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
    .select(['e.id', 'e.partnership_id'])
    .where('e.status', '=', 'published')
    .where('p.status', '=', 'published')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, partnershipId: r.partnership_id }));
}

/** The home municipalities of the published partnerships, in the record's order. */
export async function findPublishedHomes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('partnerships').select('home').distinct().where('status', '=', 'published').orderBy('home').execute();
  return rows.map((r) => r.home);
}
