import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { openSampleStore } from '../../../test/support/sample-store.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import type { Store } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { searchKeys } from '../search.repository.js';
import { migrationsFor } from './index.js';

/** How PostgreSQL stores search_postings.ids: 'x' compressed when long (the default), 'e' out of line as it is. */
async function idsStorage(store: Store): Promise<string> {
  const { rows } = await sql<{ storage: string }>`
    select a.attstorage as storage from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where c.relname = 'search_postings' and n.nspname = current_schema() and a.attname = 'ids'`.execute(store.db);
  return rows[0]!.storage;
}

describeOnEachStore('migration 2026112901-postings-uncompressed', (openFresh) => {
  it('keeps PostgreSQL from compressing posting lists, both ways, and the search finds the same', async () => {
    const store = await openSampleStore(openFresh);
    try {
      const queries = ['大連', '市長', '交流', '訪'];
      const found = await Promise.all(queries.map((q) => searchKeys(store.db, q)));
      assert.ok(found.every((keys) => keys.length > 0));
      if (store.kind === 'postgres') assert.equal(await idsStorage(store), 'e');
      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.capabilities) } });
      assert.equal((await migrator.migrateTo('2026112801-search-text-once')).error, undefined);
      if (store.kind === 'postgres') assert.equal(await idsStorage(store), 'x');
      assert.deepEqual(await Promise.all(queries.map((q) => searchKeys(store.db, q))), found);
      await migrateToLatest(store.db, store.capabilities);
      if (store.kind === 'postgres') assert.equal(await idsStorage(store), 'e');
      assert.deepEqual(await Promise.all(queries.map((q) => searchKeys(store.db, q))), found);
    } finally {
      await store.close();
    }
  });
});
