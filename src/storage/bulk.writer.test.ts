import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { after, before, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describeOnEachStore, foreignKeys, TEST_DATABASE_URL } from '../../test/support/test-stores.js';
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

  it('writes a load with a rollback journal when nothing else has the SQLite file open, and puts the log back after', async (t) => {
    const labels = async () => (await sql<{ n: number }>`select count(*) as n from bulk_kinds where label like 'once %'`.execute(store.db)).rows[0]!.n;
    const journal = async () => ({
      mode: (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db)).rows[0]!.journal_mode,
      synchronous: (await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db)).rows[0]!.synchronous,
    });
    if (store.kind !== 'sqlite') {
      const restore = await store.bulk.writeOnce(store.db);
      await store.transaction((trx) => kinds(trx, [[900, 1, 0.5, 'once on PostgreSQL']]));
      await restore();
      assert.equal(Number(await labels()), 1);
      return t.diagnostic('PostgreSQL: its log is left as it is');
    }
    assert.deepEqual(await journal(), { mode: 'wal', synchronous: 1 });
    const restore = await store.bulk.writeOnce(store.db);
    assert.deepEqual(await journal(), { mode: 'delete', synchronous: 2 });
    assert.equal(existsSync(`${store.file!}-wal`), false, 'the log is gone while the load writes');
    await store.transaction((trx) => kinds(trx, Array.from({ length: 5000 }, (_, i) => [1000 + i, i, i / 2, `once ${i}`])));
    // A load that fails is undone from the rollback journal.
    await assert.rejects(
      store.transaction(async (trx) => {
        await kinds(trx, Array.from({ length: 5000 }, (_, i) => [7000 + i, i, i / 2, `once more ${i}`]));
        throw new Error('refused by the test');
      }),
      /refused by the test/,
    );
    await restore();
    assert.deepEqual(await journal(), { mode: 'wal', synchronous: 1 });
    assert.equal(await labels(), 5000);

    // Another connection with the file open (a server, a reader) keeps the log: the load goes on with it.
    const reader = new BetterSqlite3(store.file!, { readonly: true });
    try {
      assert.equal((reader.prepare(`select count(*) as n from bulk_kinds where label like 'once %'`).get() as { n: number }).n, 5000);
      const kept = await store.bulk.writeOnce(store.db);
      assert.deepEqual(await journal(), { mode: 'wal', synchronous: 1 });
      await store.transaction((trx) => kinds(trx, [[20_000, 1, 0.5, 'once beside a reader']]));
      await kept();
      assert.deepEqual(await journal(), { mode: 'wal', synchronous: 1 });
      assert.equal((reader.prepare(`select count(*) as n from bulk_kinds where label like 'once %'`).get() as { n: number }).n, 5001);
    } finally {
      reader.close();
    }
  });
});

describeOnEachStore('the bulk writer, on the store tables', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
  });
  after(async () => {
    await store?.close();
  });

  const now = '2026-11-26T00:00:00.000Z';
  const addPartnership = (db: Kysely<Database>, partner: string) =>
    db
      .insertInto('partnerships')
      .values({ home: '金沢市', partner, kind: 'sister', affiliated_on: null, source: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.id));
  const EVENT: BulkColumn[] = [['id', 'integer'], ['partnership_id', 'integer'], ['position', 'integer'], ['year', 'integer'], ['direction', 'text'], ['text', 'text'], ['created_at', 'text'], ['updated_at', 'text']];
  const event = (id: number, partnershipId: number) => [id, partnershipId, 0, 2006, 'dispatch', `催し ${id}`, now, now];
  const countEvents = async () => Number((await sql<{ n: number }>`select count(*) as n from events`.execute(store.db)).rows[0]!.n);
  const referenceDefinitions = () => foreignKeys(store);

  it('reserves the ids the next rows would get, and the database goes on after them', async () => {
    const first = await addPartnership(store.db, '大連市');
    const reserved = await store.transaction((trx) => store.bulk.reserveIds(trx, 'partnerships', 3));
    assert.deepEqual(reserved, [first + 1, first + 2, first + 3]);
    await store.transaction((trx) =>
      store.bulk.insert(trx, 'partnerships', [['id', 'integer'], ['home', 'text'], ['partner', 'text'], ['kind', 'text'], ['created_at', 'text'], ['updated_at', 'text']],
        reserved.map((id) => [id, '金沢市', `相手 ${id}`, 'friendship', now, now])),
    );
    assert.equal(await addPartnership(store.db, '蘇州市'), first + 4);
    assert.deepEqual(await store.transaction((trx) => store.bulk.reserveIds(trx, 'partnerships', 0)), []);
    // One id: the next row still comes after it.
    await store.transaction(async (trx) => {
      const [id] = await store.bulk.reserveIds(trx, 'partnerships', 1);
      assert.equal(id, first + 5);
      await store.bulk.insert(trx, 'partnerships', [['id', 'integer'], ['home', 'text'], ['partner', 'text'], ['kind', 'text'], ['created_at', 'text'], ['updated_at', 'text']], [[id, '金沢市', '無錫市', 'friendship', now, now]]);
    });
    assert.equal(await addPartnership(store.db, '南京市'), first + 6);
  });

  it('reserves ascending ids that no row holds when the database numbers rows unevenly', async () => {
    // PostgreSQL: a sequence stepping by 2 (the ids are then sent one by one); SQLite: a row with a larger id.
    if (store.kind === 'postgres') await sql`alter table events alter column id set increment by 2`.execute(store.db);
    else await store.bulk.insert(store.db, 'events', EVENT, [event(5_000, await addPartnership(store.db, '青島市'))]);
    try {
      const ids = await store.transaction((trx) => store.bulk.reserveIds(trx, 'events', 4));
      const step = store.kind === 'postgres' ? 2 : 1;
      assert.equal(ids.length, 4);
      for (let i = 1; i < ids.length; i++) assert.equal(ids[i]! - ids[i - 1]!, step, `ids ${ids.join(', ')}`);
      const held = await store.db.selectFrom('events').select('id').where('id', '>=', ids[0]!).execute();
      assert.deepEqual(held, []);
    } finally {
      if (store.kind === 'postgres') await sql`alter table events alter column id set increment by 1`.execute(store.db);
    }
  });

  it('lifts the references of the tables of a load and puts the same ones back, which hold afterwards', async () => {
    const before = await referenceDefinitions();
    assert.ok(before.length >= 4, before.join('\n'));
    const partnershipId = await addPartnership(store.db, '全州市');
    const eventsBefore = await countEvents();
    await store.transaction(async (trx) => {
      const restore = await store.bulk.suspendReferences(trx, ['events', 'photo_records', 'photo_links']);
      const ids = await store.bulk.reserveIds(trx, 'events', 2);
      await store.bulk.insert(trx, 'events', EVENT, ids.map((id) => event(id, partnershipId)));
      await restore();
    });
    assert.equal(await countEvents(), eventsBefore + 2);
    assert.deepEqual(await referenceDefinitions(), before);
    // The reference is checked again row by row.
    await assert.rejects(store.db.insertInto('events').values({ partnership_id: 999_999, position: 0, year: 2006, direction: 'dispatch', text: 'x', created_at: now, updated_at: now }).execute());
  });

  it('refuses a load with a row that breaks a reference, and keeps nothing of it', async () => {
    const before = await referenceDefinitions();
    const eventsBefore = await countEvents();
    let reached = 'start';
    await assert.rejects(
      store.transaction(async (trx) => {
        const restore = await store.bulk.suspendReferences(trx, ['events']);
        const ids = await store.bulk.reserveIds(trx, 'events', 2);
        await store.bulk.insert(trx, 'events', EVENT, [event(ids[0]!, 999_999), event(ids[1]!, 999_998)]);
        reached = 'restore';
        await restore();
      }),
      /foreign key/i,
    );
    // PostgreSQL takes the rows while the reference is lifted and refuses them when it is put back; SQLite checks each row.
    assert.equal(reached, store.kind === 'postgres' ? 'restore' : 'start');
    assert.equal(await countEvents(), eventsBefore);
    assert.deepEqual(await referenceDefinitions(), before);
  });

  it('takes its tables only when no other session holds any of them, so a reader of two tables does not deadlock with it', async (t) => {
    if (store.kind !== 'postgres') return t.diagnostic('SQLite: nothing is lifted, nothing locked');
    const reader = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await reader.connect();
    try {
      await reader.query(`set search_path to "${store.schema!}"`);
      await reader.query('begin');
      await reader.query('select count(*) from photo_records');
      const partnershipId = await addPartnership(store.db, '昆明市');
      let suspended = false;
      const load = store.transaction(async (trx) => {
        const restore = await store.bulk.suspendReferences(trx, ['events', 'photo_records', 'photo_links']);
        suspended = true;
        const ids = await store.bulk.reserveIds(trx, 'events', 1);
        await store.bulk.insert(trx, 'events', EVENT, [event(ids[0]!, partnershipId)]);
        // The tries left no savepoint open: having written, the transaction holds its own id and no subtransaction's.
        const { rows } = await sql<{ n: string }>`select count(*) as n from pg_locks where locktype = 'transactionid' and pid = pg_backend_pid()`.execute(trx);
        assert.equal(Number(rows[0]!.n), 1);
        await restore();
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(suspended, false, 'the load waits while the reader holds photo_records');
      // The reader goes on to another table the load needs: it must not find it taken.
      await reader.query('select count(*) from events');
      await reader.query('commit');
      await load;
      assert.equal(suspended, true);
    } finally {
      await reader.end();
    }
  });

});
