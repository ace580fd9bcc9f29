import { sql } from 'kysely';
import type { Store } from './database.js';

/**
 * Rows an import must add before the query planner's statistics are refreshed. Until then PostgreSQL plans the
 * search on the figures of the empty tables the migrations made; autovacuum catches up only later.
 */
export const STATISTICS_REFRESH_ROWS = 10_000;

/** The tables whose statistics the search and the pages are planned on. */
const TABLES = ['partnerships', 'events', 'photo_records', 'search_postings'] as const;

/**
 * Refreshes the planner's statistics of the record's tables: `analyze` on PostgreSQL; on SQLite an `analyze`
 * limited to a sample of each index (`analysis_limit`), so it stays quick on a large file.
 */
export async function refreshStatistics(store: Store): Promise<void> {
  if (store.kind === 'postgres') {
    await sql`analyze ${sql.join(TABLES.map((t) => sql.table(t)))}`.execute(store.db);
    return;
  }
  await sql`pragma analysis_limit = 1000`.execute(store.db);
  for (const table of TABLES) await sql`analyze ${sql.table(table)}`.execute(store.db);
}
