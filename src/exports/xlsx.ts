import { once, type EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { dropNonXmlCharacters } from '../domain/control-characters.js';
import { licenceNotice, type Licence } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { LICENCE_SHEET, RECORDS_SHEET } from '../domain/sheet-columns.js';
import type { ExportContext, Exporter, PartnershipHeading } from './exporter.js';
import { EVENT_HEADERS, eventRows, RECORD_HEADERS, recordRows, type Cell } from './sheet-rows.js';

/** Columns Excel shows as one character wide count 1; Japanese and other wide characters count 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** A width that fits the header and the widest line of any cell, within bounds; long text wraps. */
function columnWidth(header: string, rows: readonly Cell[][], index: number): number {
  let widest = displayWidth(header);
  for (const row of rows) {
    const v = row[index];
    if (v === null || v === undefined) continue;
    for (const line of String(v).split('\n')) widest = Math.max(widest, displayWidth(line));
  }
  return Math.min(Math.max(widest + 2, MIN_WIDTH), MAX_WIDTH);
}

/** Excel forbids \ / ? * [ ] : in sheet names and allows 31 characters; names must also differ. */
function sheetName(p: Partnership, taken: Set<string>, several: boolean): string {
  const base = (several ? `${p.partner}（${p.home}）` : p.partner).replace(/[\\/?*[\]:]/g, '_').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name) || name === RECORDS_SHEET || name === LICENCE_SHEET; n++) name = `${base.slice(0, 27)}_${n}`;
  taken.add(name);
  return name;
}

/** Adds a sheet of the table; in a streamed workbook the sheet is then written out and its rows let go. */
function addTable(wb: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly Cell[][], wrapped: readonly string[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: columnWidth(h, rows, i) }));
  // A text cell is stored as a string, never as a formula, so `=HYPERLINK(…)` is shown and not run; the characters
  // XML 1.0 forbids (a form feed from a PDF) are left out, or the sheet's XML would not be well-formed.
  for (const row of rows) ws.addRow(row.map((c) => (typeof c === 'string' ? dropNonXmlCharacters(c) : c)));
  const top = ws.getRow(1);
  top.font = { bold: true };
  top.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  top.alignment = { vertical: 'middle' };
  header.forEach((h, i) => {
    if (wrapped.includes(h)) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  if (streamed.has(wb)) ws.commit();
}

/** Workbooks being written out as they are made (exceljs's streaming writer), whose sheets are committed when complete. */
const streamed = new WeakSet<ExcelJS.Workbook>();

function addLicenceSheet(wb: ExcelJS.Workbook, licence: Licence): void {
  const ws = wb.addWorksheet(LICENCE_SHEET);
  ws.columns = [{ width: 16 }, { width: 90 }];
  for (const row of [
    ['出典', licence.attribution],
    ['利用条件', licence.name],
    ['URL', licence.url],
    ['表示例', licenceNotice(licence)],
  ]) {
    ws.addRow(row);
  }
  ws.getColumn(1).font = { bold: true };
  if (streamed.has(wb)) ws.commit();
}

const WRAPPED = ['交流内容', '交流内容（英語）', '交流内容（中国語）', '交流の記録（写真）', '写真説明', '写真説明（英語）', '写真説明（中国語）', '関連する交流'];

/** The workbook: one sheet per partnership, one sheet of every photo record, and the terms of use. */
export async function writeWorkbook(partnerships: readonly Partnership[], context: ExportContext = {}): Promise<Uint8Array> {
  // exceljs is large: loaded on the first workbook, not when the server starts.
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'Koryu';
  wb.created = new Date(context.generatedAt ?? Date.now());
  const taken = new Set<string>();
  const several = new Set(partnerships.map((p) => p.home)).size > 1;
  for (const p of partnerships) addTable(wb, sheetName(p, taken, several), EVENT_HEADERS, eventRows(p, context.licence), WRAPPED);
  addTable(wb, RECORDS_SHEET, RECORD_HEADERS, partnerships.flatMap((p) => recordRows(p, context.licence)), WRAPPED);
  if (context.licence) addLicenceSheet(wb, context.licence);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Sheets left waiting for the zip at most, when a batch is done. */
const ZIP_QUEUE_SHEETS = 8;

/**
 * The same workbook written to `out` as it is made, the partnerships arriving a batch at a time: exceljs's
 * streaming writer holds one sheet's rows at a time, not the workbook, which for a country's record (a million
 * events) did not fit in the server's memory. The photo records, a few per partnership, are kept until their sheet.
 */
export async function streamWorkbook(
  out: Writable,
  headings: readonly PartnershipHeading[],
  read: () => AsyncIterable<readonly Partnership[]>,
  context: ExportContext = {},
): Promise<void> {
  const { default: excel } = await import('exceljs');
  const wb = new excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  streamed.add(wb);
  wb.creator = 'Koryu';
  wb.created = new Date(context.generatedAt ?? Date.now());
  const taken = new Set<string>();
  const several = new Set(headings.map((p) => p.home)).size > 1;
  const records: Cell[][] = [];
  // A committed sheet waits in the zip's queue, uncompressed, until the zip takes it: after each batch, wait until
  // the zip has taken all but a few, or the whole workbook waits there (a million events: peak RSS 1,196 MiB
  // without the wait, 534 MiB with it).
  // exceljs keeps its zip (an archiver) as `zip`; without it (another version), the sheets are not waited for.
  const zip = (wb as unknown as { zip?: EventEmitter }).zip;
  let zipped = 0;
  zip?.on('entry', () => (zipped += 1));
  let sheets = 0;
  for await (const batch of read()) {
    for (const p of batch) {
      addTable(wb, sheetName(p, taken, several), EVENT_HEADERS, eventRows(p, context.licence), WRAPPED);
      sheets += 1;
      for (const row of recordRows(p, context.licence)) records.push(row);
    }
    while (zip && sheets - zipped > ZIP_QUEUE_SHEETS) await once(zip, 'entry');
  }
  addTable(wb, RECORDS_SHEET, RECORD_HEADERS, records, WRAPPED);
  if (context.licence) addLicenceSheet(wb, context.licence);
  await wb.commit();
}

export const xlsxExporter: Exporter = {
  format: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  label: 'Excel (XLSX)',
  write: writeWorkbook,
  stream: streamWorkbook,
};
