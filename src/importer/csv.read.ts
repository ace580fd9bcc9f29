import { unguardFormula } from '../domain/formula-guard.js';
import { findHeader, type Sheet, type TableKind } from './sheet.js';

/** One record of a CSV file with the line it starts on (1-based). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV, as Excel writes it: fields separated by commas, quoted when they hold a comma, quote or line
 * break, quotes doubled; CRLF, LF or CR line ends; a leading BOM ignored. Lenient where Excel is: a quote inside
 * an unquoted field is kept as text, and an unterminated quote runs to the end of the text. A field beginning with
 * an apostrophe before = + - @, a tab or a CR (how Koryu's CSV writes a text Excel would run) loses that apostrophe.
 */
export function readCsvRows(text: string, maxRows = Number.POSITIVE_INFINITY): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length && rows.length < maxRows) {
    const start = line;
    const cells: string[] = [];
    let field = '';
    let quoted = false;
    let atFieldStart = true;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
        }
        continue;
      }
      if (c === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
      } else if (c === ',') {
        cells.push(unguardFormula(field));
        field = '';
        atFieldStart = true;
      } else if (c === '\r' || c === '\n') {
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        field += c;
        atFieldStart = false;
      }
    }
    cells.push(unguardFormula(field));
    rows.push({ line: start, cells });
  }
  return rows;
}

/** A CSV text as a sheet for readSheets. */
export function csvSheet(name: string, text: string): Sheet {
  return { name, rows: readCsvRows(text) };
}

/** Whether the text is one of Koryu's tables as CSV (a header row within the first rows), and which. */
export function csvTableKind(text: string): TableKind | undefined {
  if (!text.slice(0, 4096).includes(',')) return undefined;
  return findHeader(readCsvRows(text.slice(0, 16 * 1024), 20))?.kind;
}

/**
 * The line of the first row of a text that is a table of comma-separated cells (a CSV saved from Excel) although no
 * heading row names its columns (csvTableKind): most of its first non-blank rows hold three cells or more, and three
 * in four of those about the same number (one apart). Undefined for anything else: Japanese prose separates with 、, not commas. No layout of the
 * text documents reads such a table; read as lines, its cells would be stored as the text of events.
 */
export function csvTableLine(text: string): number | undefined {
  if (!text.slice(0, 4096).includes(',')) return undefined;
  const rows = readCsvRows(text.slice(0, 16 * 1024), 40).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const table = rows.filter((r) => r.cells.length >= 3);
  if (table.length < 2 || table.length * 2 < rows.length) return undefined;
  // A row typed by hand may lack a trailing empty cell: counts one apart are taken as the same.
  const alike = Math.max(...table.map((r) => table.filter((o) => Math.abs(o.cells.length - r.cells.length) <= 1).length));
  return alike * 4 >= table.length * 3 ? table[0]!.line : undefined;
}
