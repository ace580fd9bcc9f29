import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import type { Store } from '../storage/database.js';
import { findPartnerships } from '../storage/partnership.repository.js';
import { exportFiles } from './export.service.js';
import { importDocuments } from './import.service.js';

const options = { home: '金沢市', maxDocumentBytes: 1e7 };

/**
 * A record as the tester left it: a photo record of 2019 that shows no event (縦位置の写真, photo X), and one of
 * 2024 that shows an event of 2019 (市長訪問時の記念撮影, photo Y). The events CSV lists the second in its event's
 * row, under that event's year, and the first nowhere.
 */
const record = JSON.stringify({
  format: 'koryu/1',
  partnerships: [{
    partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [],
    events: [
      { year: 2019, date: '2019-05-20', direction: 'dispatch', text: '市長がゲント市を訪問', line: null },
      { year: 2024, date: null, direction: 'reception', text: '州立大学の学生が来訪', line: null },
    ],
    records: [
      { year: 2024, caption: '市長訪問時の記念撮影', event: 0, line: null },
      { year: 2019, caption: '縦位置の写真', event: null, line: null },
    ],
  }],
});

const photosOf = async (store: Store) => {
  const [p] = await findPartnerships(store.db, { partner: 'ゲント市' });
  return p!.records
    .map((r) => ({ year: r.year, caption: r.caption, photo: r.photo ?? null, event: r.event === null ? null : p!.events[r.event]!.text }))
    .sort((a, b) => a.caption.localeCompare(b.caption, 'ja'));
};

describeOnEachStore('importing a partnership’s events CSV alone', (openFresh) => {
  let store: Store;
  let eventsCsv: string;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'gent.json', bytes: Buffer.from(record) }], options);
    await store.db.updateTable('photo_records').set({ photo: 'Y.jpg' }).where('caption', '=', '市長訪問時の記念撮影').execute();
    await store.db.updateTable('photo_records').set({ photo: 'X.jpg' }).where('caption', '=', '縦位置の写真').execute();
    const [events] = await exportFiles(store, 'csv');
    eventsCsv = String(events!.body);
  });
  after(async () => store?.close());

  it('changes no photo record: each keeps its caption, year, photo and link, and none is removed', async () => {
    const before = await photosOf(store);
    assert.ok(eventsCsv.includes('市長訪問時の記念撮影'), eventsCsv);
    const preview = await importDocuments(store, [{ name: 'koryu.csv', bytes: Buffer.from(eventsCsv) }], { ...options, dryRun: true });
    assert.ok(preview.changes.every(isUnchanged), JSON.stringify(preview.changes));
    const report = await importDocuments(store, [{ name: 'koryu.csv', bytes: Buffer.from(eventsCsv) }], options);
    assert.ok(report.changes.every(isUnchanged), JSON.stringify(report.changes));
    assert.deepEqual(await photosOf(store), before);
  });

  it('adds a caption written into an event’s cell as a record of that event, and still removes none', async () => {
    // The photo column of the second event's row gets a caption.
    const lines = eventsCsv.split('\r\n');
    const at = lines.findIndex((l) => l.includes('州立大学の学生が来訪'));
    const cells = lines[at]!.split(',');
    cells[lines[0]!.split(',').indexOf('交流の記録（写真）')] = '学生との交流会';
    lines[at] = cells.join(',');
    const report = await importDocuments(store, [{ name: 'koryu.csv', bytes: Buffer.from(lines.join('\r\n')) }], options);
    assert.deepEqual(report.changes.map((c) => [c.added.records, c.changed.records, c.removed.records]), [[1, 0, 0]]);
    const expected = [
      { year: 2024, caption: '市長訪問時の記念撮影', photo: 'Y.jpg', event: '市長がゲント市を訪問' },
      { year: 2019, caption: '縦位置の写真', photo: 'X.jpg', event: null },
      { year: 2024, caption: '学生との交流会', photo: null, event: '州立大学の学生が来訪' },
    ];
    assert.deepEqual(await photosOf(store), expected.sort((a, b) => a.caption.localeCompare(b.caption, 'ja')));
  });
});
