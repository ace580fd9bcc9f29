import type { Exporter } from './exporter.js';
import { EVENT_HEADERS, eventRows, RECORD_HEADERS, recordRows, type Cell } from './sheet-rows.js';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function field(cell: Cell): string {
  const s = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for Excel as Japanese offices open it: UTF-8 with a BOM (else Excel reads Shift_JIS), CRLF line ends. */
export function writeCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** The events, one row per event (and per no-exchange year) of every partnership. */
export const csvExporter: Exporter<string> = {
  format: 'csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  label: 'CSV',
  companions: ['photos-csv'],
  write: (partnerships, context) => writeCsv(EVENT_HEADERS, partnerships.flatMap((p) => eventRows(p, context?.licence))),
};

/** The photo records, one row each, naming the event (by its No. in the event CSV) that they show. */
export const photosCsvExporter: Exporter<string> = {
  format: 'photos-csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'photos.csv',
  label: 'CSV (写真記録)',
  write: (partnerships, context) => writeCsv(RECORD_HEADERS, partnerships.flatMap((p) => recordRows(p, context?.licence))),
};
