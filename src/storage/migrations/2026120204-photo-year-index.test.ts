import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import type { Store } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { migrationsFor } from './index.js';

/** The names of the photo records' indexes. */
async function photoIndexes(store: Store): Promise<string[]> {
  const { rows } =
    store.kind === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'photo_records' order by 1`.execute(store.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'photo_records' order by 1`.execute(store.db);
  return rows.map((r) => r.name);
}

describeOnEachStore('migration 2026120204-photo-year-index', (openFresh) => {
  it('indexes the photo records by year and partnership, and takes the index away again', async () => {
    const store = await openFresh();
    try {
      assert.ok((await photoIndexes(store)).includes('photo_records_year_idx'));
      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.capabilities) }, ...(store.kind === 'postgres' ? { migrationTableSchema: store.schema } : {}) });
      assert.equal((await migrator.migrateTo('2026120203-import-actor')).error, undefined);
      assert.ok(!(await photoIndexes(store)).includes('photo_records_year_idx'));
      await migrateToLatest(store.db, store.capabilities, store.kind === 'postgres' ? { schema: store.schema } : {});
      assert.ok((await photoIndexes(store)).includes('photo_records_year_idx'));
    } finally {
      await store.close();
    }
  });
});
