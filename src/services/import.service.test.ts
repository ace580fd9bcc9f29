import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { importDocuments, type SourceDocument } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';

const seedText = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
const seed: SourceDocument = { name: 'kanazawa-dalian.txt', bytes: Buffer.from(seedText) };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };
const doc = (name: string, text: string): SourceDocument => ({ name, bytes: Buffer.from(text) });

describeOnEachStore('importing documents', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
  });
  after(async () => {
    await store?.close();
  });

  it('imports the seed: 60 events, 14 records, 2021 without exchange', async () => {
    const report = await importDocuments(store, [seed], options);
    assert.equal(report.changes.length, 1);
    assert.deepEqual(report.changes[0]!.added, { events: 60, records: 14, years: 1 });
    const [p] = await listPartnerships(store);
    assert.equal(p!.events.length, 60);
    assert.equal(p!.records.length, 14);
    assert.deepEqual(p!.noExchangeYears, [2021]);
  });

  it('changes nothing when the same document is imported again', async () => {
    const before = await exportRecord(store, 'json');
    const idsBefore = (await listPartnerships(store))[0]!.events.map((e) => e.id);
    const report = await importDocuments(store, [seed], options);
    assert.ok(isUnchanged(report.changes[0]!));
    assert.equal(await exportRecord(store, 'json'), before);
    assert.deepEqual((await listPartnerships(store))[0]!.events.map((e) => e.id), idsBefore);
  });

  it('updates a corrected version in place and reports what was added, changed and removed', async () => {
    const corrected = seedText
      .replace('金沢美大訪問団が大連工大学を表敬訪問', '金沢美大訪問団が大連工業大学を表敬訪問')
      .replace('2021年 (令和3年)\t—\t—', '2021年 (令和3年)\t派遣\t市長がオンラインで新年のあいさつ')
      .replace(' 金沢マラソン参加団が来訪\n2016', '\n2016');
    const untouched = (await listPartnerships(store))[0]!.events.find((e) => e.text === '市英語教育研修参加派遣団が訪問')!;
    const report = await importDocuments(store, [doc('kanazawa-dalian-v2.txt', corrected)], options);
    const s = report.changes[0]!;
    assert.equal(s.created, false);
    assert.deepEqual([s.added.events, s.changed.events, s.removed.events], [1, 1, 1]);
    assert.deepEqual([s.added.years, s.removed.years], [0, 1]);
    const [p] = await listPartnerships(store);
    assert.equal(p!.events.length, 60);
    assert.deepEqual(p!.noExchangeYears, []);
    assert.ok(p!.events.some((e) => e.text === '金沢美大訪問団が大連工業大学を表敬訪問'));
    assert.equal(p!.events.find((e) => e.text === untouched.text)!.id, untouched.id, 'untouched events keep their identity');
  });

  it('writes nothing when any document of an import is bad: all documents are one transaction', async () => {
    const before = await exportRecord(store, 'json');
    const other = '姉妹都市ナンシー市との歩み\n\n年\t\t交流内容\n1973年 (昭和48年)\t派遣\t市長がナンシー市を訪問\n';
    await assert.rejects(
      importDocuments(store, [doc('nancy.txt', other), doc('empty.txt', '')], options),
      (e: unknown) => e instanceof KoryuError && e.code === 'ImportRejected' && /empty\.txt: The document is empty/.test(e.message),
    );
    assert.equal(await exportRecord(store, 'json'), before);
  });
});

describeOnEachStore('the koryu/1 round trip through a store', (openFresh) => {
  it('export → import into an empty store → export is identical', async () => {
    const first = await openFresh();
    const second = await openFresh();
    try {
      await importDocuments(first, [seed], options);
      const exported = await exportRecord(first, 'json');
      await importDocuments(second, [doc('export.json', exported)], options);
      assert.equal(await exportRecord(second, 'json'), exported);
      assert.equal(JSON.parse(exported).partnerships[0].events.length, 60);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
