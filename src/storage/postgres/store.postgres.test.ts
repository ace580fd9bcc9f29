import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, it } from 'node:test';
import pg from 'pg';
import { postgresUnreachable, TEST_DATABASE_URL as url } from '../../../test/support/test-stores.js';
import { runStoreContract } from '../store.contract.js';
import { openPostgresStore } from './connect.js';

const schema = `koryu_test_${randomBytes(6).toString('hex')}`;
const reason = await postgresUnreachable();
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
