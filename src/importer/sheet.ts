import { EVENT_COLUMNS, headerKey, RECORD_COLUMNS, type EventColumnKey, type RecordColumnKey } from '../domain/sheet-columns.js';

/** A cell as a spreadsheet gives it: text (CSV, or an Excel text cell), a number, a date (an Excel date cell), or empty. */
export type SheetCell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The CSV line, or the sheet's row number, the row starts on. */
  line: number;
  cells: SheetCell[];
}

/** One table to read: a CSV file, or one worksheet of a workbook. */
export interface Sheet {
  /** The file name or worksheet name, for messages. */
  name: string;
  rows: SheetRow[];
}

export type TableKind = 'events' | 'records';

export interface SheetHeader<K extends string = string> {
  kind: TableKind;
  /** Index of the header row in `rows`. */
  at: number;
  /** Column index of each recognised key. */
  columns: Partial<Record<K, number>>;
  /** The year column is headed 年度 (no 年 or 和暦 column): its years are fiscal, so 1月 to 3月 fall in the next calendar year. */
  fiscal?: boolean;
}

/** The text of a cell: trimmed; a number as written; a date as YYYY-MM-DD (Excel dates are midnight UTC). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function mapColumns<K extends string>(cells: readonly SheetCell[], table: readonly { key: K; headers: readonly string[] }[]): Partial<Record<K, number>> {
  const columns: Partial<Record<K, number>> = {};
  cells.forEach((cell, index) => {
    const key = headerKey(cellText(cell));
    if (key === '') return;
    const column = table.find((c) => columns[c.key] === undefined && c.headers.some((h) => headerKey(h) === key));
    if (column) columns[column.key] = index;
  });
  return columns;
}

/** Rows above the header that a person may add: a title, a note, blank rows. */
const HEADER_SEARCH_ROWS = 20;

/**
 * The header row of a sheet: the first row (of the first twenty) naming the caption column (a photo-record
 * table) or the event-text column (an event table), and a year column: 年（西暦）, 年 or 西暦; else 和暦 (whose cells
 * the reader takes when the year cell is blank); else, in an event table, 年度 (then read as the year, fiscal).
 */
export function findHeader(rows: readonly SheetRow[]): SheetHeader<EventColumnKey> | SheetHeader<RecordColumnKey> | undefined {
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const cells = rows[at]!.cells;
    const records = mapColumns(cells, RECORD_COLUMNS);
    if (records.caption !== undefined && (records.year ?? records.era) !== undefined) return { kind: 'records', at, columns: records };
    const events = mapColumns(cells, EVENT_COLUMNS);
    if (events.text === undefined) continue;
    if ((events.year ?? events.era) !== undefined) return { kind: 'events', at, columns: events };
    if (events.fiscalYear !== undefined) return { kind: 'events', at, columns: { ...events, year: events.fiscalYear }, fiscal: true };
  }
  return undefined;
}
