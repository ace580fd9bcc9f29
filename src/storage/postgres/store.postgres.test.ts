import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, it } from 'node:test';
import pg from 'pg';
import { runStoreContract } from '../store.contract.js';
import { openPostgresStore, redact } from './connect.js';

const url = process.env.KORYU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `koryu_test_${randomBytes(6).toString('hex')}`;

/** Null when PostgreSQL answers, otherwise why not. */
async function unreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const detail = error instanceof AggregateError ? error.errors.map(String).join('; ') : String(error);
    return `PostgreSQL not reachable at ${redact(url)} (set KORYU_TEST_DATABASE_URL): ${detail}`;
  } finally {
    await client.end().catch(() => {});
  }
}

const reason = await unreachable();
if (reason === null) {
  after(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  runStoreContract('postgres', () => openPostgresStore(url, { schema }));
} else if (process.env.CI === 'true') {
  it('store contract: postgres', () => assert.fail(`${reason} — PostgreSQL is required when CI=true`));
} else {
  it('store contract: postgres', { skip: reason }, () => {});
}
