import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Whether the stored photo `name` (UUID.EXT) is shown to the public: the photo of a published photo record of a
 * published partnership. A photo replaced or removed since, one only a draft or an old version has, and one uploaded
 * but never given to a record are not.
 */
export async function isPhotoPublished(db: Kysely<Database>, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('photo_records as r')
    .innerJoin('partnerships as p', 'p.id', 'r.partnership_id')
    .select('r.id')
    .where('r.photo', '=', name)
    .where('r.status', '=', 'published')
    .where('p.status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
