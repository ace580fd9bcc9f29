import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Partnership } from '../domain/partnership.js';
import { parseDocument } from './parse-document.js';
import { readSheets } from './sheet.read.js';
import { readWorkbook } from './workbook.read.js';

/** C0 control characters other than tab, line feed and carriage return: what no stored text may hold. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Every text of the partnerships, as the store would be given them. */
const textsOf = (partnerships: readonly Partnership[]): string[] =>
  partnerships.flatMap((p) => [p.home, p.partner, p.kind, ...p.events.flatMap((e) => [e.text, ...Object.values(e.translations ?? {})]), ...p.records.map((r) => r.caption)]);

const parse = (text: string) => parseDocument(Buffer.from(text), { home: '金沢市' });

describe('control characters in an imported document', () => {
  it('a table document copied from a PDF: a form feed in an event text (or at a page break) is a space', () => {
    const text = [
      '友好交流都市大連市との歩み 交流年表',
      '',
      '年\t\t交流内容',
      '2006年 (平成18年)\t派遣\t市英語教育研修参加派遣団が\x0c訪問',
      '\x0c2007年 (平成19年)\t受入\t大連市長が来訪し\x0c会談',
      '',
    ].join('\n');
    const { partnerships, diagnostics } = parse(text);
    assert.deepEqual(diagnostics.filter((d) => d.severity !== 'info'), []);
    assert.deepEqual(partnerships[0]!.events.map((e) => [e.year, e.text]), [
      [2006, '市英語教育研修参加派遣団が'],
      [2006, '訪問'],
      [2007, '大連市長が来訪し'],
      [2007, '会談'],
    ], 'read as the PDF text with a space there would be');
    for (const t of textsOf(partnerships)) assert.doesNotMatch(t, CONTROL, JSON.stringify(t));
  });

  it('a koryu/1 document: an escaped control character (\\u0001, \\f) in any string is a space', () => {
    const doc = String.raw`{
  "format": "koryu/1",
  "partnerships": [{
    "partner": "大連\u0001市", "kind": "友好交流都市", "affiliatedOn": null, "noExchangeYears": [],
    "events": [{ "year": 2006, "date": null, "direction": "dispatch", "text": "市長が訪問\f会談", "translations": { "en": "Mayor\b visited" }, "line": null }],
    "records": [{ "year": 2006, "caption": "調印式\u001f", "event": 0, "line": null }]
  }]
}`;
    const { partnerships, diagnostics } = parse(doc);
    assert.deepEqual(diagnostics, []);
    assert.equal(partnerships[0]!.partner, '大連 市');
    assert.equal(partnerships[0]!.events[0]!.text, '市長が訪問 会談');
    assert.deepEqual(partnerships[0]!.events[0]!.translations, { en: 'Mayor  visited' });
    for (const t of textsOf(partnerships)) assert.doesNotMatch(t, CONTROL, JSON.stringify(t));
  });

  it('a CSV table and an XLSX workbook (which writes a form feed as _x000C_): a control character in a cell is a space', async () => {
    const csv = parse('相手都市,年（西暦）,区分,交流内容,交流内容（英語）\r\n大連市,2006,派遣,市長が訪問\x0c会談,Mayor\x01visited\r\n');
    assert.deepEqual(csv.diagnostics, []);
    assert.deepEqual(csv.partnerships[0]!.events.map((e) => [e.text, e.translations]), [['市長が訪問 会談', { en: 'Mayor visited' }]]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大連');
    ws.addRow(['相手都市', '年（西暦）', '区分', '交流内容', '交流の記録（写真）']);
    ws.addRow(['大連市', 2006, '派遣', '市長が訪問_x000C_会談', '調印式_x0001_']);
    ws.addRow([null, null, '受入', { richText: [{ text: '代表団が' }, { text: '来訪_x000B_' }] }, null]);
    const sheets = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const { partnerships, diagnostics } = readSheets(sheets, { home: '金沢市' });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(partnerships[0]!.events.map((e) => e.text), ['市長が訪問 会談', '代表団が来訪']);
    assert.deepEqual(partnerships[0]!.records.map((r) => r.caption), ['調印式']);
    for (const t of textsOf(partnerships)) assert.doesNotMatch(t, CONTROL, JSON.stringify(t));
  });
});
