import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Migrator } from 'kysely';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { recordImport } from '../import.repository.js';
import { migrateToLatest } from '../migrate.js';
import { migrationsFor } from './index.js';

const summary = {
  home: '金沢市',
  partner: '大連市',
  created: true,
  detailsChanged: false,
  added: { events: 60, records: 14, years: 0 },
  changed: { events: 0, records: 0, years: 0 },
  removed: { events: 0, records: 0, years: 0 },
};

describeOnEachStore('migration 2026120203-import-actor', (openFresh) => {
  it('adds who made each import, null for the imports logged before, and takes it away again', async () => {
    const store = await openFresh();
    try {
      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.capabilities) }, ...(store.kind === 'postgres' ? { migrationTableSchema: store.schema } : {}) });
      await recordImport(store.db, 'web.txt', summary, 'sato');
      assert.equal((await migrator.migrateTo('2026120202-photo-index')).error, undefined);
      const before = await store.db.selectFrom('imports').selectAll().execute();
      assert.equal(before.length, 1);
      assert.ok(!('actor' in before[0]!), 'the column is gone');
      await migrateToLatest(store.db, store.capabilities, store.kind === 'postgres' ? { schema: store.schema } : {});
      const after = await store.db.selectFrom('imports').select(['source', 'actor']).execute();
      assert.deepEqual(after, [{ source: 'web.txt', actor: null }]);
    } finally {
      await store.close();
    }
  });
});
