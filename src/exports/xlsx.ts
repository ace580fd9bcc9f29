import type ExcelJS from 'exceljs';
import { licenceNotice } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { LICENCE_SHEET, RECORDS_SHEET } from '../domain/sheet-columns.js';
import type { ExportContext, Exporter } from './exporter.js';
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

function addTable(wb: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly Cell[][], wrapped: readonly string[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: columnWidth(h, rows, i) }));
  for (const row of rows) ws.addRow(row.map((c) => c ?? null));
  const top = ws.getRow(1);
  top.font = { bold: true };
  top.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  top.alignment = { vertical: 'middle' };
  header.forEach((h, i) => {
    if (wrapped.includes(h)) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
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
  if (context.licence) {
    const ws = wb.addWorksheet(LICENCE_SHEET);
    ws.columns = [{ width: 16 }, { width: 90 }];
    ws.addRows([
      ['出典', context.licence.attribution],
      ['利用条件', context.licence.name],
      ['URL', context.licence.url],
      ['表示例', licenceNotice(context.licence)],
    ]);
    ws.getColumn(1).font = { bold: true };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const xlsxExporter: Exporter = {
  format: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  label: 'Excel (XLSX)',
  write: writeWorkbook,
};
