import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { findPartnerships } from '../storage/partnership.repository.js';
import { exportOne } from './export.service.js';
import { importDocuments } from './import.service.js';

const options = { home: '金沢市', maxDocumentBytes: 1e7 };
const record = JSON.stringify({
  format: 'koryu/1',
  partnerships: [{
    partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [],
    events: [
      { year: 2017, date: '2017-05-20', direction: 'reception', text: '市民交流団がゲント市を訪問', line: null },
      { year: 2018, date: null, direction: 'mutual', text: '工芸品展を両市で開催', line: null },
    ],
    records: [],
  }],
});

/** The exported workbook with one cell changed, as a member of staff edits it in Excel. */
async function edited(bytes: Uint8Array, heading: string, text: string, value: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('ゲント市') ?? wb.worksheets[0]!;
  let column = 0;
  let headerRow = 0;
  ws.eachRow((row, n) => row.eachCell((cell, c) => {
    if (cell.text === heading && headerRow === 0) [column, headerRow] = [c, n];
  }));
  assert.ok(column > 0, `no column ${heading}`);
  ws.eachRow((row) => {
    if (row.values && (row.values as unknown[]).includes(text)) row.getCell(column).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeOnEachStore('an exported workbook whose 区分 cell is edited in Excel', (openFresh) => {
  let store: Store;
  let workbook: Uint8Array;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'gent.json', bytes: Buffer.from(record) }], options);
    workbook = (await exportOne(store, 'xlsx')).body as Uint8Array;
  });
  after(async () => store?.close());

  it('imports the direction the 区分 cell says, with a warning naming the row and both cells', async () => {
    const bytes = await edited(workbook, '区分', '市民交流団がゲント市を訪問', '派遣');
    const report = await importDocuments(store, [{ name: 'koryu.xlsx', bytes }], options);
    const warnings = report.documents[0]!.diagnostics;
    assert.deepEqual(warnings.map((d) => [d.code, d.severity]), [['DirectionMismatch', 'warning']]);
    assert.ok(warnings[0]!.line! > 1);
    assert.match(warnings[0]!.message, /区分 "派遣".*区分コード "reception"/);
    const [p] = await findPartnerships(store.db, { partner: 'ゲント市' });
    assert.deepEqual(p!.events.map((e) => [e.text, e.direction]), [['市民交流団がゲント市を訪問', 'dispatch'], ['工芸品展を両市で開催', 'mutual']]);
  });
});
