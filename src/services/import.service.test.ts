import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { importDocuments, type SourceDocument } from './import.service.js';
import { findPlaceNames } from '../storage/place-name.repository.js';
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

  it('reads each event CSV with the photo-record CSV named after it, and refuses two event CSVs of one partnership', async () => {
    const events = (partner: string, text: string) => `相手都市,年（西暦）,区分,交流内容,No.\n${partner},2019年,派遣,${text},1\n`;
    const photos = (partner: string, caption: string) => `相手都市,年（西暦）,写真説明,交流 No.\n${partner},2019年,${caption},1\n`;
    const pair = [
      doc('jinzhou.csv', events('錦州市', '市長が錦州市を訪問')),
      doc('jinzhou.photos.csv', photos('錦州市', '錦州市長との会談')),
      doc('gent.csv', events('ゲント市', '市長がゲント市を訪問')),
      doc('gent.photos.csv', photos('ゲント市', 'ゲント市庁舎前で')),
    ];
    const report = await importDocuments(store, pair, options);
    assert.deepEqual(report.documents.map((d) => d.source), ['jinzhou.csv + jinzhou.photos.csv', 'gent.csv + gent.photos.csv']);
    const stored = (await listPartnerships(store)).filter((p) => p.partner === '錦州市' || p.partner === 'ゲント市');
    assert.deepEqual(stored.map((p) => [p.partner, p.records.map((r) => [r.caption, r.event === null ? null : p.events[r.event]!.text])]).sort(), [
      ['ゲント市', [['ゲント市庁舎前で', '市長がゲント市を訪問']]],
      ['錦州市', [['錦州市長との会談', '市長が錦州市を訪問']]],
    ]);
    const versions = [doc('jinzhou-old.csv', events('錦州市', '市長が錦州市を訪問（誤り）')), doc('jinzhou-new.csv', events('錦州市', '市長が錦州市を訪問'))];
    await assert.rejects(importDocuments(store, versions, options), /jinzhou-old\.csv and jinzhou-new\.csv both hold 金沢市 – 錦州市/);
  });

  it('creates a partnership whose sheet has no 種別 column as 交流都市, and keeps a stored kind such a sheet is imported over', async () => {
    const sheet = (partner: string) => doc(`${partner}.csv`, `相手都市,年（西暦）,区分,交流内容\n${partner},2019年,派遣,市長が${partner}を訪問\n`);
    await importDocuments(store, [sheet('ナンシー市')], options);
    await importDocuments(store, [doc('nancy.txt', '姉妹都市ナンシー市との歩み\n\n2019年\n市長がナンシー市を訪問\n')], options);
    const report = await importDocuments(store, [sheet('ナンシー市'), sheet('蘇州市')], options);
    const kinds = (await listPartnerships(store)).filter((p) => ['ナンシー市', '蘇州市'].includes(p.partner)).map((p) => [p.partner, p.kind]);
    assert.deepEqual(kinds.sort(), [['ナンシー市', '姉妹都市'], ['蘇州市', '交流都市']]);
    assert.deepEqual(report.changes.map((c) => [c.partner, c.created, c.detailsChanged]), [['ナンシー市', false, false], ['蘇州市', true, false]]);
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

describeOnEachStore('translations in koryu/1 through a store', (openFresh) => {
  it('JSON with translations → import into an empty store → export is identical', async () => {
    const store = await openFresh();
    try {
      const events = [
        { year: 2006, date: null, direction: 'dispatch', text: '市英語教育研修参加派遣団が訪問', translations: { en: 'The city English training delegation visited' }, line: 8 },
        {
          year: 2006,
          date: '2006-11-24',
          direction: 'reception',
          text: '夏市長が来訪し合意書に署名',
          translations: { en: 'Mayor Xia visited and signed the agreement', zh: '夏市长来访并签署协议书' },
          line: 9,
        },
        { year: 2007, date: '2007-05', direction: 'dispatch', text: '山出市長がサミットで講演', line: 10 },
      ];
      const records = [
        { year: 2006, caption: '友好交流都市協定の締結', translations: { zh: '缔结友好交流城市协定' }, event: 1, line: 50 },
        { year: 2007, caption: '大連国際マラソン大会', event: null, line: 51 },
      ];
      const document = {
        format: 'koryu/1',
        partnerships: [
          { home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', noExchangeYears: [2021], events, records, agreements: [] },
        ],
        organizations: [],
        diagnostics: [],
      };
      const text = `${JSON.stringify(document, null, 2)}\n`;
      const report = await importDocuments(store, [doc('translated.json', text)], options);
      assert.deepEqual(report.changes[0]!.added, { events: 3, records: 2, years: 1 });
      // The export adds what the store gave: each event's id, and beside a record's event index that event's id.
      const ids = (await listPartnerships(store))[0]!.events.map((e) => e.id);
      const exported = `${JSON.stringify(
        { ...document, partnerships: [{ ...document.partnerships[0], events: events.map((e, i) => ({ id: ids[i], ...e })), records: records.map(({ line, ...r }) => ({ ...r, ...(r.event === null ? {} : { eventId: ids[r.event] }), line })) }] },
        null,
        2,
      )}\n`;
      assert.equal(await exportRecord(store, 'json'), exported);

      // A re-import of the timeline the translations were made for keeps them.
      const untranslated = JSON.stringify({ ...document, partnerships: [{ ...document.partnerships[0], events: events.map(({ translations: _t, ...e }) => e) }] });
      assert.ok(isUnchanged((await importDocuments(store, [doc('untranslated.json', untranslated)], options)).changes[0]!));
      assert.equal(await exportRecord(store, 'json'), exported);
    } finally {
      await store.close();
    }
  });
});

describeOnEachStore('place names in koryu/1 through a store', (openFresh) => {
  const seedNames = readFileSync(new URL('../../samples/kanazawa-dalian.names.json', import.meta.url));

  it('the sample with its names → export carries them → import into an empty store → export is identical', async () => {
    const first = await openFresh();
    const second = await openFresh();
    try {
      await importDocuments(first, [seed, { name: 'kanazawa-dalian.names.json', bytes: seedNames }], options);
      const exported = await exportRecord(first, 'json');
      const doc0 = JSON.parse(exported) as Record<string, unknown>;
      assert.deepEqual(Object.keys(doc0), ['format', 'partnerships', 'organizations', 'names', 'diagnostics']);
      assert.deepEqual(doc0.names, { 大連市: { en: 'Dalian', zh: '大连市' }, 金沢市: { en: 'Kanazawa', zh: '金泽市' } });
      await importDocuments(second, [doc('export.json', exported)], options);
      assert.equal(await exportRecord(second, 'json'), exported);
      assert.deepEqual(Object.fromEntries(await findPlaceNames(second.db)), doc0.names);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('a document of names alone sets them, locale by locale, and a partnership’s export carries only its own places', async () => {
    const store = await openFresh();
    try {
      await importDocuments(store, [seed, doc('names.json', JSON.stringify({ format: 'koryu/1', partnerships: [], names: { 金沢市: { en: 'Kanazawa' }, 富山市: { en: 'Toyama' } } }))], options);
      await importDocuments(store, [doc('zh.json', JSON.stringify({ format: 'koryu/1', partnerships: [], names: { 金沢市: { zh: '金泽市' } } }))], options);
      assert.deepEqual(Object.fromEntries(await findPlaceNames(store.db)), { 富山市: { en: 'Toyama' }, 金沢市: { en: 'Kanazawa', zh: '金泽市' } });
      const exported = JSON.parse(await exportRecord(store, 'json', { partner: '大連市' })) as { names?: unknown };
      assert.deepEqual(exported.names, { 金沢市: { en: 'Kanazawa', zh: '金泽市' } }, 'no name of a place the export does not hold');
      await assert.rejects(importDocuments(store, [doc('empty.json', JSON.stringify({ format: 'koryu/1', partnerships: [], names: {} }))], options), /holds no exchange/);
    } finally {
      await store.close();
    }
  });
});
