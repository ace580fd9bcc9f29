import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Partnership } from '../domain/partnership.js';
import { csvSheet } from '../importer/csv.read.js';
import { readSheets } from '../importer/sheet.read.js';
import { validateResult } from '../importer/validate.js';
import { readWorkbook } from '../importer/workbook.read.js';
import { csvExporter, photosCsvExporter } from './csv.js';
import { EVENT_HEADERS } from './sheet-rows.js';
import { writeWorkbook } from './xlsx.js';

/** Events in the years an era changed (1989, 2019), dated to the day, to the month, or not at all. */
const changes: Partnership = {
  home: '佐世保市', partner: '光州広域市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [],
  events: [
    { year: 1989, date: '1989-01', direction: 'dispatch', text: '昭和から平成にまたがる月の訪問', line: null },
    { year: 1989, date: '1989-02-25', direction: 'reception', text: '水原市訪問団が来訪', line: null },
    { year: 2019, date: '2019-04-04', direction: 'dispatch', text: 'バッファロー市を訪問', line: null },
    { year: 2019, date: '2019-05', direction: 'mutual', text: '改元の月の相互書簡', line: null },
    { year: 2019, date: '2019-11-23', direction: 'reception', text: '光州広域市の代表団が来訪', line: null },
    { year: 2019, date: null, direction: 'unknown', text: '日付のない交流', line: null },
    // Under a fiscal year, a date of the next calendar year: the row's 和暦 names its year, not the date's.
    { year: 2019, date: '2020-02-10', direction: 'dispatch', text: '年度末の訪問', line: null },
  ],
  records: [],
};

const ERA = EVENT_HEADERS.indexOf('和暦');

describe('the 和暦 column of the event table', () => {
  it('follows the event’s date when it has one, as the event page does, and names the year otherwise', () => {
    const rows = csvExporter.write([changes]).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1).map((l) => l.split(','));
    assert.deepEqual(rows.map((r) => r[ERA]), ['昭和64年/平成元年', '平成元年', '平成31年', '令和元年', '令和元年', '平成31年/令和元年', '平成31年/令和元年']);
  });

  it('reads back as each event’s year, from the CSV and the XLSX, without YearMismatch', async () => {
    const csv = validateResult(readSheets([csvSheet('e.csv', csvExporter.write([changes])), csvSheet('e.photos.csv', photosCsvExporter.write([changes]))], { home: '佐世保市' }));
    const xlsx = validateResult(readSheets(await readWorkbook(await writeWorkbook([changes])), { home: '佐世保市' }));
    for (const back of [csv, xlsx]) {
      assert.deepEqual(back.diagnostics, []);
      assert.deepEqual(back.partnerships[0]!.events.map((e) => [e.year, e.date]), changes.events.map((e) => [e.year, e.date]));
    }
  });

  it('is read alone as the year (a sheet without 年（西暦）), 令和元年 and 平成元年 among them', () => {
    const csv = csvExporter.write([changes]).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
    const year = header!.indexOf('年（西暦）');
    const without = [header!.filter((_, i) => i !== year), ...rows.map((r) => r.filter((_, i) => i !== year))].map((r) => r.join(',')).join('\r\n');
    const back = validateResult(readSheets([csvSheet('e.csv', without)], { home: '佐世保市' }));
    assert.deepEqual(back.diagnostics, []);
    assert.deepEqual(back.partnerships[0]!.events.map((e) => e.year), [1989, 1989, 2019, 2019, 2019, 2019, 2019]);
  });
});
