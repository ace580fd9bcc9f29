import type ExcelJS from 'exceljs';
import { replaceControlCharacters } from '../domain/control-characters.js';
import type { Sheet, SheetCell } from './sheet.js';

/** True when the bytes are a ZIP archive, as every XLSX workbook is. */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** True when a ZIP archive is a Word document (.docx): it holds word/document.xml, whose name a ZIP stores as it is. */
export function isWordDocument(bytes: Uint8Array): boolean {
  return looksLikeWorkbook(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml');
}

/** A cell's value as the sheet reader takes it: rich text, formulas (their result) and links become plain values. */
function plain(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  // Excel writes a control character as _x000C_, which exceljs reads back: a space, as in any other document.
  if (typeof value === 'string') return replaceControlCharacters(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return replaceControlCharacters(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : plain(value.text as ExcelJS.CellValue);
  return null;
}

/**
 * The worksheets of an XLSX workbook as plain rows, in the workbook's order. Reads the bytes given; no file.
 * Rejects (throws) when the bytes are not a workbook exceljs can read.
 */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  const { default: excel } = await import('exceljs'); // large: loaded only when a workbook is read
  const wb = new excel.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: Sheet['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = plain(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows.push({ line: number, cells });
    });
    return { name: ws.name, rows };
  });
}
