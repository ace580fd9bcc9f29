import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { runStoreContract } from '../store.contract.js';
import { deletePartnership, findPartnership, savePartnership } from '../partnership.repository.js';
import { buildPartnership } from '../test-factories.js';
import { openSqliteStore } from './connect.js';

const dir = mkdtempSync(join(tmpdir(), 'koryu-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// A subfolder that does not exist yet: opening creates it.
runStoreContract('sqlite', () => openSqliteStore(join(dir, 'data', 'koryu.db')));

test('a SQLite store is opened in WAL mode, with its foreign keys on; only its write transactions keep temporary files in memory', async () => {
  const store = await openSqliteStore(join(dir, 'settings', 'koryu.db'));
  try {
    const setting = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(store.db)).rows[0] as object)[0];
    assert.equal(await setting('journal_mode'), 'wal');
    assert.equal(await setting('foreign_keys'), 1);
    assert.equal(await setting('synchronous'), 1); // NORMAL
    assert.equal(await setting('temp_store'), 0); // DEFAULT: files
    const inside = await store.transaction(async (trx) => Object.values((await sql.raw('pragma temp_store').execute(trx)).rows[0] as object)[0]);
    assert.equal(inside, 2); // MEMORY
    assert.equal(await setting('temp_store'), 0);
    await assert.rejects(store.transaction(async () => { throw new Error('rolled back'); }), /rolled back/);
    assert.equal(await setting('temp_store'), 0);
  } finally {
    await store.close();
  }
});

test('an in-memory store reads a snapshot on its one connection, in a transaction that others wait for', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    await store.transaction((trx) => savePartnership(trx, buildPartnership(), null));
    let written = false;
    const seen = await store.snapshot(async (reader) => {
      // A write started meanwhile waits for the snapshot to end.
      const write = store.transaction((trx) => deletePartnership(trx, '金沢市', '大連市')).then(() => (written = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await assert.rejects(reader.transaction(async () => 'never'), /only reads/);
      const found = await findPartnership(reader.db, '金沢市', '大連市');
      return { found: found !== undefined, writtenMeanwhile: written, write };
    });
    assert.deepEqual({ found: seen.found, writtenMeanwhile: seen.writtenMeanwhile }, { found: true, writtenMeanwhile: false });
    await seen.write;
    assert.equal(await findPartnership(store.db, '金沢市', '大連市'), undefined);
  } finally {
    await store.close();
  }
});
