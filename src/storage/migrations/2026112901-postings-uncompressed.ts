import { sql, type Kysely, type Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';

/**
 * PostgreSQL stores a posting list longer than about 2 KB out of line and first tries to compress it. The lists are
 * ascending ids written as varint gaps (search.postings.ts), which do not compress: 111.4 MB of lists took
 * 111.2 MB stored at a million events. `storage external` keeps them out of line without the attempt, which the
 * server made for every such list it wrote. It applies to the lists written from then on (every write of a list
 * writes it anew); those stored before stay as they are. SQLite never compresses: nothing to do there.
 */
export function postingsUncompressed(capabilities: StoreCapabilities): Migration {
  const postgres = capabilities.binaryType === 'bytea';
  return {
    async up(db: Kysely<unknown>) {
      if (postgres) await sql`alter table search_postings alter column ids set storage external`.execute(db);
    },

    async down(db: Kysely<unknown>) {
      if (postgres) await sql`alter table search_postings alter column ids set storage extended`.execute(db);
    },
  };
}
