import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { postgresUnreachable, TEST_DATABASE_URL as url } from '../../../test/support/test-stores.js';
import { allowCopy, copyStatement, CopyRows } from './copy.js';
import { nameStatements, STATEMENT_NAMING } from './statement.names.js';

const reason = await postgresUnreachable();

/** A client with statement naming (and COPY on top, as the store's pool makes them), closed after `fn`. */
async function withClient(fn: (client: pg.Client, prepared: () => Promise<string[]>) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  nameStatements(client);
  allowCopy(client);
  // Without parameters this query is never named itself.
  const prepared = async () => (await client.query<{ statement: string }>('select statement from pg_prepared_statements order by statement')).rows.map((r) => r.statement);
  try {
    await fn(client, prepared);
  } finally {
    await client.end();
  }
}

if (reason === null) {
  describe('named PostgreSQL statements', () => {
    it('prepares a text with parameters on its second use, and answers each call with its own values', async () => {
      await withClient(async (client, prepared) => {
        const text = 'select $1::int * 2 as n';
        assert.deepEqual((await client.query(text, [1])).rows, [{ n: 2 }]);
        assert.deepEqual(await prepared(), [], 'a text used once is not kept');
        assert.deepEqual((await client.query(text, [2])).rows, [{ n: 4 }]);
        assert.deepEqual(await prepared(), [text]);
        assert.deepEqual((await client.query(text, [3])).rows, [{ n: 6 }]);
        assert.deepEqual(await prepared(), [text], 'prepared once');
      });
    });

    it('never names texts without parameters or longer than the bound', async () => {
      await withClient(async (client, prepared) => {
        for (let i = 0; i < 3; i++) await client.query('select 1 as n', []);
        const long = `select $1::int as n -- ${'x'.repeat(STATEMENT_NAMING.upToChars)}`;
        for (let i = 0; i < 3; i++) assert.deepEqual((await client.query(long, [i])).rows, [{ n: i }]);
        assert.deepEqual(await prepared(), []);
      });
    });

    it('names at most the bound per connection and runs the texts after it unnamed', async () => {
      await withClient(async (client, prepared) => {
        const texts = Array.from({ length: STATEMENT_NAMING.named + 2 }, (_, i) => `select $1::int + ${i} as n`);
        for (const text of texts) for (const value of [10, 20]) await client.query(text, [value]);
        assert.equal((await prepared()).length, STATEMENT_NAMING.named);
        const last = texts.at(-1)!;
        assert.deepEqual((await client.query(last, [5])).rows, [{ n: 5 + texts.length - 1 }]);
      });
    });

    it('keeps a named statement usable after one of its calls fails, and inside a transaction rolled back', async () => {
      await withClient(async (client, prepared) => {
        const text = 'select 10 / $1::int as n';
        await client.query(text, [1]);
        await client.query(text, [2]);
        await assert.rejects(client.query(text, [0]), /division by zero/);
        await client.query('begin');
        await assert.rejects(client.query(text, [0]), /division by zero/);
        await client.query('rollback');
        assert.deepEqual((await client.query(text, [5])).rows, [{ n: 2 }]);
        assert.deepEqual(await prepared(), [text]);
      });
    });

    it('leaves COPY to the client made ready for it', async () => {
      await withClient(async (client) => {
        await client.query('create temporary table copied (id integer, label text)');
        const columns = [['id', 'integer'], ['label', 'text']] as const;
        for (const rows of [[[1, 'a']], [[2, 'b'], [3, 'c']]]) await client.query(copyStatement('copied', columns), [new CopyRows(columns, rows)]);
        assert.deepEqual((await client.query('select id, label from copied order by id')).rows, [{ id: 1, label: 'a' }, { id: 2, label: 'b' }, { id: 3, label: 'c' }]);
      });
    });
  });
} else if (process.env.CI === 'true') {
  it('named PostgreSQL statements', () => assert.fail(`${reason} — PostgreSQL is required when CI=true`));
} else {
  it('named PostgreSQL statements', { skip: reason }, () => {});
}
