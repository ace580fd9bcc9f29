import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import type { Store } from '../storage/database.js';
import { exportFiles } from './export.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord } from './record.service.js';

const options = { home: '金沢市', maxDocumentBytes: 1e7 };

/** A record whose texts Excel would run as formulas if its CSV gave them as they are. */
const formulas = JSON.stringify({
  format: 'koryu/1',
  partnerships: [{
    partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', noExchangeYears: [2021],
    events: [
      { year: 2006, date: null, direction: 'dispatch', text: '=HYPERLINK("http://x","y")', translations: { en: '@SUM(1+1)' }, line: null },
      { year: 2007, date: '2007-05', direction: 'reception', text: "'=already guarded by hand", line: null },
      { year: 2008, date: null, direction: 'mutual', text: '-10℃の中で雪灯籠を制作', line: null },
    ],
    records: [{ year: 2006, caption: '+記念撮影', event: 0, line: null }],
  }],
});

describeOnEachStore('the CSV of a record whose texts look like formulas', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'dalian.json', bytes: Buffer.from(formulas) }], options);
  });
  after(async () => store?.close());

  it('is written with each such text after an apostrophe, and its re-import changes nothing', async () => {
    // The source lines aside: a re-import gives each item the line of the file it was read from.
    const record = async () => (await exportRecord(store, 'json')).replace(/"line": (\d+|null)/g, '"line": null');
    const before = await record();
    const [events, photos] = await exportFiles(store, 'csv');
    const csv = String(events!.body);
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"",""y"")"`), csv);
    assert.ok(csv.includes(",''=already guarded by hand,") && csv.includes(",'-10℃の中で雪灯籠を制作,") && csv.includes(",'@SUM(1+1),"));
    assert.ok(String(photos!.body).includes(",'+記念撮影,"));
    const report = await importDocuments(store, [{ name: 'koryu.csv', bytes: Buffer.from(csv) }, { name: 'koryu.photos.csv', bytes: Buffer.from(String(photos!.body)) }], options);
    assert.deepEqual(report.documents.flatMap((d) => d.diagnostics), []);
    assert.ok(report.changes.every(isUnchanged), JSON.stringify(report.changes));
    assert.equal(await record(), before);
  });
});
