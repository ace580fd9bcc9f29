import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { generateCorpus } from '../exports/corpus.generator.js';
import { importDocuments } from '../services/import.service.js';
import { refreshStatistics } from './statistics.js';

describeOnEachStore('refreshStatistics', (openFresh) => {
  it('gives the planner row counts of the record’s tables', async () => {
    const store = await openFresh();
    try {
      const docs = [...generateCorpus({ partnerships: 2, years: 5, seed: 'statistics' })].map((d) => ({ name: d.path, bytes: Buffer.from(d.text), home: d.home }));
      await importDocuments(store, docs, { home: '', maxDocumentBytes: 1 << 24 });
      const events = Number((await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      assert.ok(events > 0);
      await refreshStatistics(store);
      if (store.kind === 'postgres') {
        const row = await sql<{ n: number }>`select reltuples::int as n from pg_class where oid = to_regclass('events')`.execute(store.db);
        assert.equal(row.rows[0]!.n, events, 'the planner knows how many events there are');
      } else {
        const rows = await sql<{ tbl: string; stat: string }>`select tbl, stat from sqlite_stat1 where tbl = 'events'`.execute(store.db);
        assert.ok(rows.rows.length > 0, 'sqlite_stat1 describes the events table');
        assert.equal(Number(rows.rows[0]!.stat.split(' ')[0]), events);
      }
    } finally {
      await store.close();
    }
  });
});
