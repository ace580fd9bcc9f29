import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Migrator, sql } from 'kysely';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import type { Store } from '../database.js';
import { insertHistory } from '../history.repository.js';
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

async function historyIndexes(store: Store): Promise<string[]> {
  const { rows } =
    store.kind === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'history' order by 1`.execute(store.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'history' order by 1`.execute(store.db);
  return rows.map((r) => r.name);
}

describeOnEachStore('migration 2026120301-import-undo', (openFresh) => {
  it('links history entries to their import (indexed), notes undos on both tables, keeps rows logged before unlinked, and takes it all away again', async () => {
    const store = await openFresh();
    try {
      const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrationsFor(store.capabilities) }, ...(store.kind === 'postgres' ? { migrationTableSchema: store.schema } : {}) });
      assert.ok((await historyIndexes(store)).includes('history_import_idx'));
      const logged = await recordImport(store.db, 'web.txt', summary, 'sato');
      await insertHistory(store.db, { kind: 'partnership', itemId: 1, partnershipId: 1, version: 1, action: 'import', actor: 'sato', at: '2026-12-01T00:00:00.000Z', before: null, after: null, importId: logged.id });
      assert.equal((await migrator.migrateTo('2026120204-photo-year-index')).error, undefined);
      assert.ok(!(await historyIndexes(store)).includes('history_import_idx'));
      const [history] = await store.db.selectFrom('history').selectAll().execute();
      assert.ok(!('import_id' in history!) && !('kept' in history!) && !('undoes' in history!), 'the columns are gone');
      const [imported] = await store.db.selectFrom('imports').selectAll().execute();
      assert.ok(!('undoes' in imported!) && !('undone_by' in imported!) && !('kept' in imported!));
      await migrateToLatest(store.db, store.capabilities, store.kind === 'postgres' ? { schema: store.schema } : {});
      assert.deepEqual(await store.db.selectFrom('history').select(['import_id', 'kept', 'undoes']).execute(), [{ import_id: null, kept: null, undoes: null }]);
      assert.deepEqual(await store.db.selectFrom('imports').select(['source', 'undoes', 'undone_by', 'kept']).execute(), [{ source: 'web.txt', undoes: null, undone_by: null, kept: null }]);
    } finally {
      await store.close();
    }
  });
});
