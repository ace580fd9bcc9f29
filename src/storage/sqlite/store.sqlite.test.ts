import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { runStoreContract } from '../store.contract.js';
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
