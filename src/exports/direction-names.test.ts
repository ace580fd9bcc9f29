import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIRECTION_NAMES_JA } from '../domain/direction.js';
import type { Partnership } from '../domain/partnership.js';
import { csvSheet } from '../importer/csv.read.js';
import { readSheets } from '../importer/sheet.read.js';
import { validateResult } from '../importer/validate.js';
import { readWorkbook } from '../importer/workbook.read.js';
import { COMMON } from '../views/i18n/common.messages.js';
import { writeAtom } from './atom.js';
import { csvExporter, photosCsvExporter } from './csv.js';
import { EVENT_HEADERS } from './sheet-rows.js';
import { writeWorkbook } from './xlsx.js';

const online: Partnership = {
  home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [],
  events: [
    { year: 2020, date: null, direction: 'unknown', text: 'オンライン交流会', line: null },
    { year: 2020, date: null, direction: 'dispatch', text: '市長が訪問', line: null },
  ],
  records: [],
};

const LABEL = EVENT_HEADERS.indexOf('区分');

describe('an event of no direction in the data', () => {
  it('is named 区分なし as the pages name it, in the CSV, the XLSX and the Atom feed, not —', async () => {
    assert.equal(DIRECTION_NAMES_JA.unknown, COMMON.ja.unknown, 'the web’s word');
    const row = csvExporter.write([online]).split('\r\n')[1]!.split(',');
    assert.deepEqual([row[LABEL - 1], row[LABEL]], ['unknown', '区分なし']);
    const sheets = await readWorkbook(await writeWorkbook([online]));
    assert.equal(sheets[0]!.rows[1]!.cells[LABEL], '区分なし');
    const atom = writeAtom([online], { generatedAt: '2026-11-28T00:00:00Z' });
    assert.match(atom, /<category term="unknown" label="区分なし"\/>/);
    assert.match(atom, /2020年 区分なし（金沢市・大連市）オンライン交流会/);
    assert.doesNotMatch(atom, /label="—"/);
  });

  it('reads back as no direction from the CSV and the XLSX, and from a 区分 cell alone (no 区分コード)', async () => {
    const csv = validateResult(readSheets([csvSheet('e.csv', csvExporter.write([online])), csvSheet('e.photos.csv', photosCsvExporter.write([online]))], { home: '金沢市' }));
    const xlsx = validateResult(readSheets(await readWorkbook(await writeWorkbook([online])), { home: '金沢市' }));
    for (const back of [csv, xlsx]) {
      assert.deepEqual(back.diagnostics, []);
      assert.deepEqual(back.partnerships[0]!.events.map((e) => e.direction), ['unknown', 'dispatch']);
    }
    const typed = validateResult(readSheets([csvSheet('t.csv', '相手都市,年,区分,交流内容\r\n大連市,2020,区分なし,オンライン交流会\r\n')], { home: '金沢市' }));
    assert.deepEqual(typed.diagnostics, [], 'no UnknownDirection');
    assert.equal(typed.partnerships[0]!.events[0]!.direction, 'unknown');
  });
});
