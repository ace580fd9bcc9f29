import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { sql } from 'kysely';
import type { Store } from '../../src/storage/database.js';
import { openPostgresStore, redact } from '../../src/storage/postgres/connect.js';
import { openSqliteStore } from '../../src/storage/sqlite/connect.js';

export const TEST_DATABASE_URL = process.env.KORYU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when the test PostgreSQL answers, otherwise why not. */
export async function postgresUnreachable(url = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL not reachable at ${redact(url)} (set KORYU_TEST_DATABASE_URL): ${String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, empty store per call: a new SQLite file, or a new PostgreSQL schema; all removed after the tests. */
export type OpenFreshStore = () => Promise<Store>;

const pgReason = await postgresUnreachable();

/**
 * Runs `suite` once on SQLite and once on PostgreSQL. Under CI=true an unreachable PostgreSQL fails the run;
 * elsewhere it is reported as skipped with the reason.
 */
export function describeOnEachStore(title: string, suite: (open: OpenFreshStore) => void): void {
  describe(`${title} (sqlite)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'koryu-test-'));
    let n = 0;
    after(() => rmSync(dir, { recursive: true, force: true }));
    suite(() => openSqliteStore(join(dir, `store-${++n}.db`)));
  });
  describe(`${title} (postgres)`, () => {
    if (pgReason !== null) {
      if (process.env.CI === 'true') it('connects to PostgreSQL', () => assert.fail(`${pgReason} — PostgreSQL is required when CI=true`));
      else it('connects to PostgreSQL', { skip: pgReason }, () => {});
      return;
    }
    const schemas: string[] = [];
    after(async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
      } finally {
        await client.end();
      }
    });
    suite(() => {
      const schema = `koryu_test_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return openPostgresStore(TEST_DATABASE_URL, { schema });
    });
  });
}

/** Every foreign key of the store's tables, one line each (table, columns, referenced table, on delete), in order. */
export async function foreignKeys(store: Store): Promise<string[]> {
  const { rows } =
    store.kind === 'postgres'
      ? await sql<{ def: string }>`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace order by 1`.execute(store.db)
      : await sql<{ def: string }>`select m.name || ' ' || f."from" || ' ' || f."table" || ' ' || f.on_delete as def from sqlite_master m, pragma_foreign_key_list(m.name) f where m.type = 'table' order by 1`.execute(store.db);
  return rows.map((r) => r.def);
}
