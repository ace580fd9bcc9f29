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
