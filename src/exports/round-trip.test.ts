import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { toKoryuDocument } from '../domain/koryu-format.js';
import { LICENCE_PRESETS, type Licence } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { csvSheet } from '../importer/csv.read.js';
import { parseDocument, parseText } from '../importer/parse-document.js';
import { readSheets } from '../importer/sheet.read.js';
import { validateResult } from '../importer/validate.js';
import { readWorkbook } from '../importer/workbook.read.js';
import { csvExporter, photosCsvExporter } from './csv.js';
import { jsonExporter } from './json.js';
import { writeWorkbook } from './xlsx.js';

const seed = parseDocument(readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)), { home: '金沢市' }).partnerships;
const licence: Licence = { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市 国際交流の記録' };

/** Partnerships with everything koryu/1 holds: dates and months, every direction, translations, links, no-exchange years. */
const rich: Partnership[] = [
  {
    home: '金沢市', partner: 'ナンシー市', kind: '姉妹都市', affiliatedOn: '1973-10-12', noExchangeYears: [1972, 1989, 2030],
    events: [
      { year: 1973, date: '1973-10-12', direction: 'dispatch', text: '姉妹都市提携調印式に市長が出席', translations: { en: 'The mayor attended the signing', zh: '市长出席缔结仪式' }, line: null },
      { year: 1973, date: null, direction: 'reception', text: 'ナンシー市長が来沢, "歓迎会"を開催', line: null },
      { year: 1973, date: '1973-11', direction: 'dispatch', text: '市民訪問団を派遣', line: null },
      { year: 2019, date: '2019-05-01', direction: 'mutual', text: '令和改元記念の相互書簡交換', line: null },
      { year: 2020, date: null, direction: 'unknown', text: 'オンライン交流会', line: null },
    ],
    records: [
      { year: 1973, caption: '提携調印式 ナンシー市庁舎にて', translations: { en: 'Signing at Nancy city hall' }, event: 0, line: null },
      { year: 1973, caption: '市長来沢の歓迎会', event: 1, line: null },
      { year: 2019, caption: '記念の書簡', event: null, line: null },
    ],
  },
  {
    home: '金沢市', partner: '蘇州市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [],
    events: [{ year: 1981, date: null, direction: 'reception', text: '蘇州市代表団が来訪', line: null }],
    records: [],
  },
];

/** Texts Excel would run as formulas if a CSV gave them as they are (CSV injection), and one already guarded by hand. */
const formulas: Partnership[] = [
  {
    home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', noExchangeYears: [],
    events: [
      { year: 2006, date: null, direction: 'dispatch', text: '=HYPERLINK("http://x","y")', translations: { en: '@SUM(1+1)', zh: '-1' }, line: null },
      { year: 2006, date: '2006-11-24', direction: 'reception', text: '+81 76 220 2075 に問い合わせ', line: null },
      { year: 2007, date: null, direction: 'mutual', text: "'=already guarded by hand", line: null },
      { year: 2007, date: null, direction: 'dispatch', text: "市長が訪問 =1+1 'quoted'", line: null },
    ],
    records: [
      { year: 2006, caption: '=cmd|\' /C calc\'!A0', event: 0, line: null },
      { year: 2007, caption: '@記念写真', translations: { en: '+photo' }, event: 2, line: null },
    ],
  },
];

/** koryu/1 JSON with source lines set aside: they name the lines of whatever file an item was read from. */
function withoutLines(partnerships: readonly Partnership[]): string {
  const doc = toKoryuDocument(partnerships);
  for (const p of doc.partnerships) {
    for (const e of p.events) e.line = null;
    for (const r of p.records) r.line = null;
  }
  return JSON.stringify(doc, null, 1);
}

function csvRoundTrip(partnerships: Partnership[]) {
  const events = csvExporter.write(partnerships, { licence });
  const photos = photosCsvExporter.write(partnerships, { licence });
  return validateResult(readSheets([csvSheet('events.csv', events), csvSheet('events.photos.csv', photos)], { home: '金沢市' }));
}

async function xlsxRoundTrip(partnerships: Partnership[]) {
  return validateResult(readSheets(await readWorkbook(await writeWorkbook(partnerships, { licence })), { home: '金沢市' }));
}

describe('CSV export and import', () => {
  it('round-trips the seed losslessly (event CSV with the photo-record CSV)', () => {
    const back = csvRoundTrip(seed);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(seed));
  });

  it('round-trips dates, months, directions, translations, quotes and commas, links and no-exchange years of two partnerships', () => {
    const back = csvRoundTrip(rich);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(rich));
  });

  it('writes a text Excel would run as a formula after an apostrophe, and reads it back without it', () => {
    const events = csvExporter.write(formulas);
    assert.ok(events.includes(`,"'=HYPERLINK(""http://x"",""y"")",`), events);
    assert.ok(events.includes(",'@SUM(1+1),'-1,"));
    assert.ok(events.includes(",'+81 76 220 2075 に問い合わせ,"));
    assert.ok(events.includes(",''=already guarded by hand,"));
    assert.ok(events.includes(",市長が訪問 =1+1 'quoted',"));
    const photos = photosCsvExporter.write(formulas);
    assert.ok(photos.includes(",'=cmd|' /C calc'!A0,") && photos.includes(",'@記念写真,'+photo,"), photos);
    assert.ok(photos.includes(`,"'=HYPERLINK(""http://x"",""y"")",`), 'the related event’s text too');
    const back = csvRoundTrip(formulas);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(formulas));
  });

  it('starts with a BOM, ends lines with CRLF, and writes one row per event plus one per no-exchange year', () => {
    const csv = csvExporter.write(seed, { licence });
    assert.ok(csv.startsWith('\uFEFFNo.,自治体,相手都市,提携種別,提携日,年（西暦）,和暦,年度,日付,区分コード,区分,交流内容,'));
    const lines = csv.slice(1).split('\r\n').filter((l) => l !== '');
    assert.equal(lines.length, 1 + seed[0]!.events.length + seed[0]!.noExchangeYears.length);
    assert.ok(lines.some((l) => l.includes(',2006,平成18年,') && l.includes(',dispatch,派遣,市英語教育研修参加派遣団が訪問,')));
    assert.ok(lines.some((l) => l.includes(',2021,令和3年,,,none,交流なし,')));
    assert.ok(lines.every((l, i) => i === 0 || l.includes('CC BY 4.0')), 'every row carries the licence');
  });

  it('gives the fiscal year (年度) of dated events: March belongs to the year before', () => {
    const p: Partnership = { ...rich[1]!, events: [{ year: 2020, date: '2020-03-31', direction: 'dispatch', text: '年度末の訪問', line: null }] };
    const row = csvExporter.write([p]).split('\r\n')[1]!;
    assert.match(row, /,2020,令和2年,2019,2020-03-31,dispatch,派遣,年度末の訪問,/);
  });

  it('reads the event CSV alone, taking photo records from its photo column, through parseText', () => {
    const back = parseText(csvExporter.write(rich), { home: '金沢市' });
    assert.deepEqual(back.diagnostics, []);
    const linked = rich.map((p) => ({ ...p, records: p.records.filter((r) => r.event !== null).map((r) => ({ ...r, translations: undefined })) }));
    assert.deepEqual(back.partnerships[0]!.records.map((r) => [r.caption, r.event]), linked[0]!.records.map((r) => [r.caption, r.event]));
    assert.equal(back.partnerships[0]!.events.length, 5);
  });

  it('refuses the photo-record CSV alone, so stored events are not replaced by none', () => {
    const back = validateResult(readSheets([csvSheet('x.photos.csv', photosCsvExporter.write(rich))], { home: '金沢市' }));
    assert.deepEqual(back.partnerships, []);
    assert.ok(back.diagnostics.some((d) => d.code === 'RecordsWithoutEvents' && d.severity === 'error'));
  });
});

describe('XLSX export and import', () => {
  it('round-trips the seed losslessly', async () => {
    const back = await xlsxRoundTrip(seed);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(seed));
  });

  it('round-trips every field of two partnerships', async () => {
    const back = await xlsxRoundTrip(rich);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(rich));
  });

  it('stores a text that looks like a formula as text, not a formula, and reads it back as it was', async () => {
    const sheets = await readWorkbook(await writeWorkbook(formulas));
    assert.equal(sheets[0]!.rows[1]!.cells[11], '=HYPERLINK("http://x","y")', 'a string cell, not a formula (whose value would be its result)');
    const back = await xlsxRoundTrip(formulas);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(withoutLines(back.partnerships), withoutLines(formulas));
  });

  it('leaves out the characters XML 1.0 forbids, so the workbook stays readable', async () => {
    const p: Partnership = { ...rich[1]!, events: [{ year: 1981, date: null, direction: 'reception', text: '蘇州市代表団が\uffff来訪\x0c\ud800', line: null }] };
    const back = await xlsxRoundTrip([p]);
    assert.deepEqual(back.diagnostics, []);
    assert.equal(back.partnerships[0]!.events[0]!.text, '蘇州市代表団が来訪');
  });
});

describe('JSON (koryu/1) export and import', () => {
  it('round-trips the seed and the rich record exactly, lines included, with the licence beside the data', () => {
    for (const data of [seed, rich]) {
      const json = jsonExporter.write(data, { licence });
      assert.deepEqual(JSON.parse(json).licence, licence);
      const back = parseText(json, { home: '金沢市' });
      assert.deepEqual(back.diagnostics, []);
      assert.deepEqual(back.partnerships, data.map((p) => ({ ...p, noExchangeYears: [...p.noExchangeYears].sort((a, b) => a - b) })));
    }
  });
});
