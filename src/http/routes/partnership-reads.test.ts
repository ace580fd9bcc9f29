import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { RowCounter } from '../../../test/support/row-counter.js';
import { importSampleAndCorpus } from '../../../test/support/sample-and-corpus.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { totalsOf, yearSpan } from '../../domain/partnership.js';
import { listPartnerships } from '../../services/record.service.js';
import type { Store } from '../../storage/database.js';
import { buildApp } from '../app.js';


/**
 * The addresses about one partnership read that partnership's rows, and the list of partnerships reads totals
 * counted by the database: none of them reads the whole record, which at a country's scale (a million events)
 * took 8–10 s a request. Rows returned by the database are counted; the other partnerships hold many more.
 */
describeOnEachStore('addresses of one partnership, and the list of partnerships', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const counter = new RowCounter();
  let dalian: { id: number; rows: number };
  let allEvents = 0;

  before(async () => {
    store = await openFresh();
    await importSampleAndCorpus(store, { partnerships: 4, years: 30, seed: 'partnership-reads' });
    const all = await listPartnerships(store);
    const p = all.find((x) => x.partner === '大連市')!;
    allEvents = all.reduce((n, x) => n + x.events.length, 0);
    dalian = { id: p.id, rows: p.events.length + p.records.length + p.noExchangeYears.length };
    assert.ok(allEvents > 6 * dalian.rows, `the other partnerships hold ${allEvents} events, Dalian ${dalian.rows} rows`);
    app = await buildApp({ store: { ...store, db: store.db.withPlugin(counter) }, home: '金沢市' });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  /** The response, and the rows the database returned for it. */
  const read = async (url: string) => {
    counter.reset();
    const response = await app.inject({ method: 'GET', url });
    return { response, rows: counter.rows };
  };

  for (const path of ['', '/years', '/events', '/records']) {
    it(`GET /api/partnerships/ID${path} reads that partnership alone`, async () => {
      const { response, rows } = await read(`/api/partnerships/${dalian.id}${path}`);
      assert.equal(response.statusCode, 200, response.body);
      assert.ok(rows <= dalian.rows + 20, `${rows} rows read for a partnership of ${dalian.rows}`);
    });
  }

  for (const format of ['csv', 'json', 'xlsx']) {
    it(`GET /partnerships/ID/downloads/${format} reads that partnership alone`, async () => {
      const { response, rows } = await read(`/partnerships/${dalian.id}/downloads/${format}`);
      assert.equal(response.statusCode, 200, response.body);
      // The partnership is read once, for its address and its export (CSV, JSON and XLSX need no publication times).
      assert.ok(rows <= dalian.rows + 40, `${rows} rows read for a partnership of ${dalian.rows}`);
    });
  }

  it('GET /api/partnerships reads the totals once while the store is unchanged', async () => {
    await read('/api/partnerships');
    const again = await read('/api/partnerships?offset=1');
    assert.equal(again.response.statusCode, 200);
    assert.ok(again.rows <= 1, `${again.rows} rows read`); // the generation row, when its watch reads it
  });

  it('an unknown or unpublished id is still 404', async () => {
    assert.equal((await read('/api/partnerships/999999')).response.statusCode, 404);
    assert.match((await read('/api/partnerships/999999')).response.json().message, /999999/);
    assert.equal((await read('/partnerships/999999/downloads/csv')).response.statusCode, 404);
    await store.db.updateTable('partnerships').set({ status: 'draft' }).where('id', '=', dalian.id).execute();
    try {
      assert.equal((await read(`/api/partnerships/${dalian.id}`)).response.statusCode, 404);
      assert.equal((await read(`/partnerships/${dalian.id}/downloads/csv`)).response.statusCode, 404);
    } finally {
      await store.db.updateTable('partnerships').set({ status: 'published' }).where('id', '=', dalian.id).execute();
    }
  });

  it('GET /api/partnerships gives the totals of each partnership read whole, without reading the events', async () => {
    const { response, rows } = await read('/api/partnerships?limit=100');
    assert.equal(response.statusCode, 200, response.body);
    const expected = (await listPartnerships(store)).map(totalsOf);
    assert.deepEqual(response.json().items, JSON.parse(JSON.stringify(expected)));
    assert.ok(rows < allEvents / 3, `${rows} rows read for ${allEvents} events`);
  });

  it('totals leave out draft events and records, and count a partnership without events as empty', async () => {
    const [event] = await store.db.selectFrom('events').select('id').where('partnership_id', '=', dalian.id).limit(1).execute();
    await store.db.updateTable('events').set({ status: 'draft' }).where('id', '=', event!.id).execute();
    await store.db.updateTable('photo_records').set({ status: 'draft' }).where('partnership_id', '=', dalian.id).execute();
    const emptied = (await listPartnerships(store)).find((p) => p.id !== dalian.id)!;
    await store.db.updateTable('events').set({ status: 'draft' }).where('partnership_id', '=', emptied.id).execute();
    await store.transaction(async () => {}); // as an editor's write does, it advances the store's generation
    try {
      const listed = (await read('/api/partnerships?limit=100')).response.json().items as { id: number; events: number; records: number }[];
      const whole = (await listPartnerships(store)).map(totalsOf);
      assert.deepEqual(listed, JSON.parse(JSON.stringify(whole)));
      assert.equal(listed.find((p) => p.id === dalian.id)!.records, 0);
      // Its years are those of its photo records and years without exchange, as its page shows them.
      const span = yearSpan({ events: [], records: emptied.records, noExchangeYears: emptied.noExchangeYears });
      assert.deepEqual(listed.find((p) => p.id === emptied.id), { ...listed.find((p) => p.id === emptied.id), events: 0, firstYear: span?.first ?? null, lastYear: span?.last ?? null });
      const one = (await read(`/api/partnerships/${dalian.id}`)).response.json();
      assert.deepEqual(one, listed.find((p) => p.id === dalian.id));
    } finally {
      await store.db.updateTable('events').set({ status: 'published' }).where('id', '=', event!.id).execute();
      await store.db.updateTable('photo_records').set({ status: 'published' }).where('partnership_id', '=', dalian.id).execute();
      await store.db.updateTable('events').set({ status: 'published' }).where('partnership_id', '=', emptied.id).execute();
      await store.transaction(async () => {});
    }
  });
});
