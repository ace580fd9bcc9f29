import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { toKoryuDocument } from '../domain/koryu-format.js';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { parseDocument, parseText } from '../importer/parse-document.js';
import { jsonExporter } from './json.js';
import { textExporter } from './text.js';

const seed = parseDocument(readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)), { home: '金沢市' });

/** koryu/1 JSON with source lines set aside: they name lines of the document each record was read from. */
function withoutLines(partnerships: readonly Partnership[]): string {
  const doc = toKoryuDocument(partnerships);
  for (const p of doc.partnerships) {
    for (const e of p.events) e.line = null;
    for (const r of p.records) r.line = null;
  }
  return JSON.stringify(doc);
}

describe('the text export (the document layout)', () => {
  it('recreates the seed so that it parses back to the identical koryu/1 JSON', () => {
    const text = textExporter.write(seed.partnerships);
    const back = parseText(text, { home: '金沢市' });
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(seed.partnerships));
  });

  it('writes each event on the line its re-import reports', () => {
    const text = textExporter.write(seed.partnerships);
    const lines = text.split('\n');
    const back = parseText(text, { home: '金沢市' }).partnerships[0]!;
    for (const e of back.events) assert.ok(lines[e.line! - 1]!.includes(e.text), `line ${e.line} should hold ${e.text}`);
    for (const r of back.records) assert.ok(lines[r.line! - 1]!.includes(r.caption), `line ${r.line} should hold ${r.caption}`);
  });

  it('writes the layout the city uses: title, affiliation line with its era, header, era years, `—` years', () => {
    const lines = textExporter.write(seed.partnerships).split('\n');
    assert.equal(lines[0], '友好交流都市大連市との歩み 交流年表');
    assert.equal(lines[2], '友好交流都市提携：2006年（平成18年）11月24日');
    assert.equal(lines[4], '年\t\t交流内容');
    assert.ok(lines.includes('2021年 (令和3年)\t—\t—'));
    assert.ok(lines.some((l) => l.startsWith('2019年 (平成31年/令和元年)\t派遣\t')));
    assert.ok(lines.includes('大連市交流の記録'));
  });

  it('round-trips dates, mutual and unknown directions, interleaved directions and several partnerships', () => {
    const partnerships: Partnership[] = [
      {
        home: '金沢市',
        partner: 'ナンシー市',
        kind: '姉妹都市',
        affiliatedOn: '1973-10-12',
        noExchangeYears: [1989],
        events: [
          { year: 1973, date: '1973-10-12', direction: 'dispatch', text: '姉妹都市提携調印式に市長が出席', line: null },
          { year: 1973, date: null, direction: 'reception', text: 'ナンシー市長が来沢', line: null },
          { year: 1973, date: '1973-11', direction: 'dispatch', text: '市民訪問団を派遣', line: null },
          { year: 2019, date: '2019-05-01', direction: 'mutual', text: '令和改元記念の相互書簡交換', line: null },
          { year: 2020, date: null, direction: 'unknown', text: 'オンライン交流会', line: null },
        ],
        records: [{ year: 1973, caption: '提携調印式 ナンシー市庁舎にて', event: null, line: null }],
      },
      {
        home: '金沢市',
        partner: '蘇州市',
        kind: '友好都市',
        affiliatedOn: null,
        noExchangeYears: [],
        events: [{ year: 1981, date: null, direction: 'reception', text: '蘇州市代表団が来訪', line: null }],
        records: [],
      },
    ];
    const back = parseText(textExporter.write(partnerships), { home: '金沢市' });
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(partnerships));
  });

  it('keeps an event whose text holds a space as one event, the space written as an ideographic space', () => {
    const p: Partnership = {
      home: '金沢市', partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [], records: [],
      events: [
        { year: 2005, date: null, direction: 'dispatch', text: '市長がゲント市を訪問 記念植樹', line: null },
        { year: 2005, date: null, direction: 'dispatch', text: '青少年交流団を派遣', line: null },
      ],
    };
    const back = parseText(textExporter.write([p]), { home: '金沢市' }).partnerships[0]!;
    assert.deepEqual(back.events.map((e) => e.text), ['市長がゲント市を訪問\u3000記念植樹', '青少年交流団を派遣']);
  });

  it('writes an event or a caption holding a line break on one row, so that no part of it is lost on re-import', () => {
    const p: Partnership = {
      home: '金沢市', partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [],
      events: [
        { year: 2005, date: null, direction: 'dispatch', text: '市長がゲント市を訪問\n記念植樹を実施', line: null },
        { year: 2005, date: '2005-06-01', direction: 'dispatch', text: '青少年交流団を派遣\r\n（10名）', line: null },
        { year: 2006, date: null, direction: 'reception', text: 'ゲント市長が来訪\r歓迎会', line: null },
      ],
      records: [{ year: 2005, caption: '記念植樹\nゲント市庁舎前にて', event: null, line: null }],
    };
    const written = textExporter.write([p]);
    assert.equal(written.split('\n').filter((l) => /\t(派遣|受入)\t/.test(l)).length, 2, written);
    assert.ok(!written.includes('\r'));
    const back = parseText(written, { home: '金沢市' });
    assert.deepEqual(back.diagnostics, []);
    assert.deepEqual(back.partnerships[0]!.events.map((e) => [e.date, e.text]), [
      [null, '市長がゲント市を訪問\u3000記念植樹を実施'],
      ['2005-06-01', '青少年交流団を派遣\u3000（10名）'],
      [null, 'ゲント市長が来訪\u3000歓迎会'],
    ]);
    assert.deepEqual(back.partnerships[0]!.records.map((r) => r.caption), ['記念植樹 ゲント市庁舎前にて']);
  });

  it('puts on rows of their own the events the reader would join across a space, so that each comes back alone', () => {
    const texts = ['「Kanazawa Week 2019', 'はしご車をナンシー市に寄贈', 'ナンシー市のJazz Band来訪', 'ALT2名が着任', 'Kanazawa 2019', '2020年度の計画を協議', 'を含む三件', 'のと鉄道を視察'];
    const p: Partnership = {
      home: '金沢市', partner: 'ナンシー市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [], records: [],
      events: texts.map((text) => ({ year: 2019, date: null, direction: 'dispatch' as const, text, line: null })),
    };
    const written = textExporter.write([p]);
    const back = parseText(written, { home: '金沢市' }).partnerships[0]!;
    assert.deepEqual(back.events.map((e) => e.text), texts.map((t) => t.replace(/ /g, '\u3000')));
    assert.ok(written.split('\n').filter((l) => l.includes('\t派遣\t')).length < texts.length, 'events the reader keeps apart share a row');
  });
});

describe('the JSON export', () => {
  it('is koryu/1 with the documented keys, and reads back to the same partnerships', () => {
    const json = jsonExporter.write(seed.partnerships);
    const doc = JSON.parse(json);
    assert.equal(doc.format, 'koryu/1');
    assert.deepEqual(Object.keys(doc), ['format', 'partnerships', 'organizations', 'diagnostics']);
    assert.deepEqual(Object.keys(doc.partnerships[0]), ['home', 'partner', 'kind', 'affiliatedOn', 'noExchangeYears', 'events', 'records', 'agreements']);
    assert.deepEqual(Object.keys(doc.partnerships[0].agreements[0]), ['year', 'title', 'parties', 'event']);
    assert.deepEqual(Object.keys(doc.organizations[0]), ['name', 'aliases', 'events']);
    assert.deepEqual(Object.keys(doc.partnerships[0].events[0]), ['year', 'date', 'direction', 'text', 'line']);
    assert.deepEqual(Object.keys(doc.partnerships[0].records[0]), ['year', 'caption', 'event', 'line']);
    const back = parseText(json, { home: '金沢市' });
    assert.deepEqual(back.partnerships, seed.partnerships);
  });

  const licence = { ...LICENCE_PRESETS['pdl-1.0']!, attribution: '金沢市 国際交流の記録' };

  it('begins with the licence and credit line the CSV and JSON carry, which the importer passes over', () => {
    const text = textExporter.write(seed.partnerships, { licence });
    const lines = text.split('\n');
    assert.equal(lines[0], '出典：金沢市 国際交流の記録／利用条件：公共データ利用規約 第1.0版 (PDL1.0) https://www.digital.go.jp/resources/open_data/public_data_license_v1.0');
    assert.equal(lines[2], '友好交流都市大連市との歩み 交流年表');
    const back = parseText(text, { home: '金沢市' });
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(seed.partnerships));
    assert.ok(!textExporter.write(seed.partnerships).startsWith('出典'), 'without a licence, no line');
  });

  it('names the home of each partnership when the record holds several, and reads each back under its home', () => {
    const dalian = seed.partnerships[0]!;
    const toyama: Partnership = { ...dalian, home: '富山市', affiliatedOn: null, records: [], events: dalian.events.slice(0, 3), noExchangeYears: [] };
    const nancy: Partnership = {
      home: '金沢市',
      partner: 'ナンシー市',
      kind: '姉妹都市',
      affiliatedOn: '1973-10-12',
      noExchangeYears: [],
      events: [{ year: 1973, date: '1973-10-12', direction: 'dispatch', text: '姉妹都市提携調印式に市長が出席', line: null }],
      records: [],
    };
    // The record's order: by home, then partner; 富山市's 大連市 follows 金沢市's.
    const partnerships = [dalian, nancy, toyama];
    const text = textExporter.write(partnerships, { licence });
    const blocks = text.split('\n\n\n');
    assert.deepEqual(blocks.map((b) => b.split('\n').find((l) => l.startsWith('自治体：'))), ['自治体：金沢市', '自治体：金沢市', '自治体：富山市']);
    const back = parseText(text, { home: '金沢市' });
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(partnerships));
    assert.deepEqual(parseText(text, { home: '高岡市' }).partnerships.map((p) => p.home), ['金沢市', '金沢市', '富山市'], 'whatever home the import is given');

    assert.ok(!textExporter.write([dalian, nancy]).includes('自治体：'), 'a record of one home names none');
    assert.ok(textExporter.write([toyama], { homes: ['金沢市', '富山市'] }).startsWith('自治体：富山市\n'), 'part of a record of several homes names its home');
  });
});
