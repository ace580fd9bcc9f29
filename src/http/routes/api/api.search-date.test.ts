import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
/** A partnership whose exchanges have a day and a month, in koryu/1. */
const dated = JSON.stringify({
  format: 'koryu/1',
  partnerships: [
    {
      home: '金沢市',
      partner: 'ナンシー市',
      kind: '姉妹都市',
      affiliatedOn: '1973-11-19',
      noExchangeYears: [],
      events: [
        { year: 2010, date: '2010-05-03', direction: 'dispatch', text: '市長が訪問し記念式典に出席', line: 1 },
        { year: 2011, date: '2011-06', direction: 'reception', text: '市民訪問団が来訪', line: 2 },
      ],
      records: [{ year: 2010, caption: '市長の訪問', event: 0, line: 3 }],
      agreements: [],
    },
  ],
});

describeOnEachStore('/api/search gives each exchange its date, as /api/events does', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    await importDocuments(store, [{ name: 'nancy.json', bytes: Buffer.from(dated) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('dates every event hit as its event is dated, and gives photo records null', async () => {
    const found = (await app.inject(`/api/search?q=${encodeURIComponent('市')}&limit=100`)).json() as { items: { kind: string; id: number; date: string | null }[] };
    const events = found.items.filter((i) => i.kind === 'event');
    assert.ok(events.length > 10);
    let datedHits = 0;
    for (const hit of events) {
      const event = (await app.inject(`/api/events/${hit.id}`)).json() as { date: string | null };
      assert.ok('date' in hit, `event ${hit.id} has a date field`);
      assert.equal(hit.date, event.date, `event ${hit.id}`);
      if (hit.date !== null) datedHits++;
    }
    assert.ok(datedHits >= 2, 'the dated exchanges are found with their dates');
    for (const record of found.items.filter((i) => i.kind === 'record')) assert.equal(record.date, null);
    const openapi = (await app.inject('/api/openapi.json')).json();
    const schema = JSON.stringify(openapi);
    assert.match(schema, /"date":\{"type":\["string","null"\],"description":"An exchange’s date/);
  });
});
