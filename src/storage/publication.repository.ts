import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * When each event became public, by event id. Today every stored event is public from the moment it was first
 * saved (`created_at`); when events get a draft state, this is the one query to change (to the time of
 * publication, leaving drafts out).
 */
export async function findEventPublications(db: Kysely<Database>, eventIds: readonly number[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let i = 0; i < eventIds.length; i += 500) {
    const chunk = eventIds.slice(i, i + 500);
    const rows = await db.selectFrom('events').select(['id', 'created_at']).where('id', 'in', chunk).execute();
    for (const r of rows) found.set(r.id, r.created_at);
  }
  return found;
}
