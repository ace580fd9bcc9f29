import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toKoryuDocument } from '../domain/koryu-format.js';
import { readKoryuJson } from './koryu-json.js';

const HOME = '金沢市';

/** A koryu/1 document of one partnership with the given events and records. */
function documentWith(events: unknown[], records: unknown[] = []): string {
  return JSON.stringify({
    format: 'koryu/1',
    partnerships: [{ home: HOME, partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', noExchangeYears: [], events, records }],
    diagnostics: [],
  });
}

const event = (extra: Record<string, unknown> = {}) => ({ year: 2006, date: null, direction: 'dispatch', text: '市英語教育研修参加派遣団が訪問', ...extra, line: 8 });
const record = (extra: Record<string, unknown> = {}) => ({ year: 2006, caption: '友好交流都市協定の締結', ...extra, event: 0, line: 50 });

/** The one InvalidJson message reading the document gives. */
function problemOf(text: string): string {
  const result = readKoryuJson(text, HOME);
  assert.deepEqual(result.partnerships, [], 'a document with a problem imports nothing');
  assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
  const [d] = result.diagnostics;
  assert.equal(d!.code, 'InvalidJson');
  assert.equal(d!.severity, 'error');
  return `${d!.excerpt} | ${d!.message}`;
}

describe('koryu/1 translations', () => {
  it('reads translations of events and records', () => {
    const text = documentWith(
      [event({ translations: { en: 'The city English training delegation visited', zh: '市英语教育研修派遣团访问' } }), event({ text: '市長が訪問' })],
      [record({ translations: { zh: '签署友好交流城市协议' } })],
    );
    const result = readKoryuJson(text, HOME);
    assert.deepEqual(result.diagnostics, []);
    const [p] = result.partnerships;
    assert.deepEqual(p?.events[0]?.translations, { en: 'The city English training delegation visited', zh: '市英语教育研修派遣团访问' });
    assert.ok(!('translations' in p!.events[1]!), 'an event without translations has no property');
    assert.deepEqual(p?.records[0]?.translations, { zh: '签署友好交流城市协议' });
  });

  it('reads an empty translations object as an item with none', () => {
    const result = readKoryuJson(documentWith([event({ translations: {} })]), HOME);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.partnerships[0]?.events[0]?.translations, {});
  });

  it('rejects a key that is not a translation locale, naming its path', () => {
    assert.match(
      problemOf(documentWith([event(), event({ text: '別の行事', translations: { en: 'Another event', fr: 'Un autre événement' } })])),
      /^partnerships\[0\]\.events\[1\]\.translations\.fr \| partnerships\[0\]\.events\[1\]\.translations\.fr: is not a translation locale: must be en or zh$/,
    );
    assert.match(problemOf(documentWith([event()], [record({ translations: { ja: 'そのまま' } })])), /^partnerships\[0\]\.records\[0\]\.translations\.ja \| .*must be en or zh/);
    assert.match(problemOf(documentWith([event({ translations: { 'zh-CN': '访问' } })])), /^partnerships\[0\]\.events\[0\]\.translations\["zh-CN"\] \| /);
  });

  it('rejects an empty, blank or non-string translation, naming its path', () => {
    for (const bad of ['', '   ', 3, null, ['Visited']]) {
      assert.match(
        problemOf(documentWith([event({ translations: { en: 'Visited', zh: bad } })])),
        /^partnerships\[0\]\.events\[0\]\.translations\.zh \| partnerships\[0\]\.events\[0\]\.translations\.zh: must be a non-empty string$/,
        JSON.stringify(bad),
      );
    }
    assert.match(problemOf(documentWith([event()], [record({ translations: { en: '' } })])), /^partnerships\[0\]\.records\[0\]\.translations\.en \| .*must be a non-empty string$/);
  });

  it('rejects translations that are not an object, naming its path', () => {
    for (const bad of ['Visited', ['Visited'], null, 1]) {
      assert.match(
        problemOf(documentWith([event({ translations: bad })])),
        /^partnerships\[0\]\.events\[0\]\.translations \| partnerships\[0\]\.events\[0\]\.translations: must be an object mapping en or zh to a translated text$/,
        JSON.stringify(bad),
      );
    }
    assert.match(problemOf(documentWith([event()], [record({ translations: 'caption' })])), /^partnerships\[0\]\.records\[0\]\.translations \| /);
  });

  it('writes translations after the text or caption, in locale order, and only when there are any', () => {
    const doc = toKoryuDocument([
      {
        home: HOME,
        partner: '大連市',
        kind: '友好交流都市',
        affiliatedOn: null,
        noExchangeYears: [],
        events: [
          { year: 2006, date: null, direction: 'dispatch', text: '訪問', line: 1, translations: { zh: '访问', en: 'Visit' } },
          { year: 2006, date: null, direction: 'dispatch', text: '来訪', line: 2, translations: {} },
          { year: 2006, date: null, direction: 'dispatch', text: '交流', line: 3 },
        ],
        records: [
          { year: 2006, caption: '調印式', event: 0, line: 4, photo: 'a.jpg', translations: { en: 'Signing' } },
          { year: 2006, caption: '記念撮影', event: null, line: 5 },
        ],
      },
    ]);
    const [p] = doc.partnerships;
    assert.deepEqual(Object.keys(p!.events[0]!), ['year', 'date', 'direction', 'text', 'translations', 'line']);
    assert.deepEqual(Object.keys(p!.events[0]!.translations!), ['en', 'zh']);
    assert.deepEqual(Object.keys(p!.events[1]!), ['year', 'date', 'direction', 'text', 'line']);
    assert.deepEqual(Object.keys(p!.events[2]!), ['year', 'date', 'direction', 'text', 'line']);
    assert.deepEqual(Object.keys(p!.records[0]!), ['year', 'caption', 'translations', 'event', 'line']);
    assert.deepEqual(Object.keys(p!.records[1]!), ['year', 'caption', 'event', 'line']);

    const reread = readKoryuJson(JSON.stringify(doc), HOME);
    assert.deepEqual(reread.diagnostics, []);
    assert.deepEqual(reread.partnerships[0]?.events[0]?.translations, { en: 'Visit', zh: '访问' });
  });
});

describe('readKoryuJson: agreements and organizations', () => {
  const signing = event({ text: '山野市長が訪問、「スポーツ交流の推進に関する合意書」に調印' });

  it('reads a document with the derived keys back to the same partnerships, and recomputes them on writing', () => {
    const first = readKoryuJson(documentWith([signing]), HOME);
    const written = toKoryuDocument(first.partnerships);
    assert.deepEqual(written.partnerships[0]!.agreements, [{ year: 2006, title: 'スポーツ交流の推進に関する合意書', parties: ['金沢市', '大連市'], event: 0 }]);
    const again = readKoryuJson(JSON.stringify(written), HOME);
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.partnerships, first.partnerships);
  });

  it('rejects agreements that are not a list of objects with their keys', () => {
    const withAgreements = (agreements: unknown) => {
      const doc = JSON.parse(documentWith([signing]));
      doc.partnerships[0].agreements = agreements;
      return JSON.stringify(doc);
    };
    assert.equal(problemOf(withAgreements({})), 'partnerships[0].agreements | partnerships[0].agreements: must be a list');
    assert.equal(problemOf(withAgreements([{ year: 2016, title: 'x', parties: [] }])), 'partnerships[0].agreements[0].event | partnerships[0].agreements[0].event: is missing');
  });

  it('rejects organizations that are not a list', () => {
    const doc = JSON.parse(documentWith([signing]));
    doc.organizations = 'none';
    assert.equal(problemOf(JSON.stringify(doc)), 'organizations | organizations: must be a list');
  });
});

describe('koryu/1 place names', () => {
  it('reads the names of places in en and zh, trimmed, and leaves them out when the document has none', () => {
    const text = JSON.stringify({ ...JSON.parse(documentWith([event()])), names: { 大連市: { en: ' Dalian ', zh: '大连市' }, 金沢市: { en: 'Kanazawa' } } });
    const result = readKoryuJson(text, HOME);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual([...(result.names ?? [])], [['大連市', { en: 'Dalian', zh: '大连市' }], ['金沢市', { en: 'Kanazawa' }]]);
    assert.equal(readKoryuJson(documentWith([event()]), HOME).names, undefined);
  });

  it('refuses names that are not an object of en and zh lines, naming where', () => {
    const withNames = (names: unknown) => JSON.stringify({ ...JSON.parse(documentWith([event()])), names });
    assert.equal(problemOf(withNames(['Dalian'])), 'names | names: must be an object mapping a place name to its names in en and zh');
    assert.equal(problemOf(withNames({ 大連市: 'Dalian' })), 'names["大連市"] | names["大連市"]: must be an object mapping en or zh to a name');
    assert.equal(problemOf(withNames({ 大連市: { fr: 'Dalian' } })), 'names["大連市"].fr | names["大連市"].fr: is not a translation locale: must be en or zh');
    assert.equal(problemOf(withNames({ 大連市: { en: 'Da\nlian' } })), 'names["大連市"].en | names["大連市"].en: must be a non-empty line of at most 100 characters');
    assert.equal(problemOf(withNames({ ' ': { en: 'Dalian' } })), 'names[" "] | names[" "]: a place name must be a non-empty string');
  });
});
