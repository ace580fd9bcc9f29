import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { BulkColumn, Database, Store } from './database.js';

describeOnEachStore('the bulk writer', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await sql`create table bulk_check (id integer primary key, label text, data ${sql.raw(store.capabilities.binaryType)})`.execute(store.db);
    await sql`create table bulk_kinds (id integer primary key, n integer, share real, label text not null)`.execute(store.db);
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

  const KIND_COLUMNS: BulkColumn[] = [['id', 'integer'], ['n', 'integer'], ['share', 'real'], ['label', 'text']];
  const kinds = (trx: Kysely<Database>, rows: unknown[][]) => store.bulk.insert(trx, 'bulk_kinds' as keyof Database, KIND_COLUMNS, rows);

  it('writes integers, reals and texts as given: negative and null numbers, empty texts, tabs, backslashes and CJK', async () => {
    const labels = ['', '金沢市\t大連市', 'tab\there\nnewline\\backslash', '𠮷野家 🎌', 'x'.repeat(70_000)];
    const rows = labels.map((label, i) => [i + 1, i === 2 ? null : -(2 ** 31) + i, i === 3 ? null : i / 4, label]);
    await store.transaction((trx) => kinds(trx, rows));
    const { rows: stored } = await sql<{ id: number; n: number | null; share: number | null; label: string }>`select id, n, share, label from bulk_kinds order by id`.execute(store.db);
    assert.deepEqual(
      stored.map((r) => [r.id, r.n, r.share === null ? null : Number(r.share), r.label]),
      rows,
    );
  });

  it('rolls the whole transaction back when a row breaks a constraint, and the store goes on working', async () => {
    const before = await sql<{ n: number }>`select count(*) as n from bulk_kinds`.execute(store.db);
    await assert.rejects(
      store.transaction(async (trx) => {
        await kinds(trx, [[100, 1, 0.5, 'first']]);
        await kinds(trx, [[101, 1, 0.5, 'second'], [101, 2, 0.5, 'the same id again']]);
      }),
    );
    const after = await sql<{ n: number }>`select count(*) as n from bulk_kinds`.execute(store.db);
    assert.equal(Number(after.rows[0]!.n), Number(before.rows[0]!.n));
    await store.transaction((trx) => kinds(trx, [[102, 3, 0.25, 'after the failure']]));
    const { rows } = await sql<{ label: string }>`select label from bulk_kinds where id = 102`.execute(store.db);
    assert.deepEqual(rows, [{ label: 'after the failure' }]);
  });
});
