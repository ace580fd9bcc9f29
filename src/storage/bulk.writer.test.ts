import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Database, Store } from './database.js';

describeOnEachStore('the bulk writer', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await sql`create table bulk_check (id integer primary key, label text, data ${sql.raw(store.capabilities.binaryType)})`.execute(store.db);
  });
  after(async () => {
    await store?.close();
  });

  it('writes binary values byte for byte, empty and missing ones too, over several statements', async () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => [
      i,
      `row ${i}`,
      i % 1000 === 7 ? null : Uint8Array.from({ length: i % 5 }, (_v, k) => (i * 31 + k * 7) % 256),
    ]);
    await store.transaction((trx) => store.bulk.insert(trx, 'bulk_check' as keyof Database, [['id', 'integer'], ['label', 'text'], ['data', 'binary']], rows));
    const { rows: stored } = await sql<{ id: number; label: string; data: Uint8Array | null }>`select id, label, data from bulk_check order by id`.execute(store.db);
    assert.equal(stored.length, rows.length);
    for (const [i, row] of stored.entries()) {
      const [, label, data] = rows[i]!;
      assert.equal(row.label, label);
      if (data === null) assert.equal(row.data, null, `row ${i}`);
      else assert.deepEqual(Uint8Array.from(row.data!), data, `row ${i}`);
    }
  });
});
