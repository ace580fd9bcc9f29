import { writeInParts, type Exporter, type PartWriter } from './exporter.js';
import { guardFormula } from '../domain/formula-guard.js';
import type { Licence } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { EVENT_HEADERS, eventRows, RECORD_HEADERS, recordRows, type Cell } from './sheet-rows.js';

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A text Excel would run as a
 * formula (=HYPERLINK(…)) is written after an apostrophe (guardFormula), which the importer takes away again.
 */
function field(cell: Cell): string {
  const s = cell === null ? '' : typeof cell === 'string' ? guardFormula(cell) : String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (row: readonly Cell[]) => `${row.map(field).join(',')}\r\n`;

/**
 * A table as Excel opens it in Japanese offices (UTF-8 with a BOM, else Excel reads Shift_JIS; CRLF line ends),
 * written in parts: the BOM and the header, then each partnership's rows.
 */
function csvParts(header: readonly string[], rowsOf: (p: Partnership, licence?: Licence) => Cell[][]): PartWriter {
  return {
    head: () => `\uFEFF${line(header)}`,
    part: (p, _index, context) => rowsOf(p, context.licence).map(line).join(''),
    tail: () => '',
  };
}

/** The events, one row per event (and per no-exchange year) of every partnership. */
export const csvExporter: Exporter<string> = {
  format: 'csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  label: 'CSV',
  companions: ['photos-csv'],
  write: (partnerships, context = {}) => writeInParts(csvParts(EVENT_HEADERS, eventRows), partnerships, context),
  parts: () => csvParts(EVENT_HEADERS, eventRows),
};

/** The photo records, one row each, naming the event (by its No. in the event CSV) that they show. */
export const photosCsvExporter: Exporter<string> = {
  format: 'photos-csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'photos.csv',
  label: 'CSV (photo records)',
  write: (partnerships, context = {}) => writeInParts(csvParts(RECORD_HEADERS, recordRows), partnerships, context),
  parts: () => csvParts(RECORD_HEADERS, recordRows),
};
