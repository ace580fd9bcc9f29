import { diagnostic, hasErrors } from '../domain/diagnostic.js';
import type { ExchangeEvent } from '../domain/partnership.js';
import { csvSheet, csvTableKind, csvTableLine } from './csv.read.js';
import { decodeDocument } from './decode.js';
import { DEFAULT_MAX_EVENTS, limitEvents } from './event-limit.js';
import { looksLikeKoryuJson, readKoryuJson } from './koryu-json.js';
import type { Layout, ParseOptions, ParseResult } from './layout.js';
import { LAYOUTS } from './layouts.js';
import { readSheets } from './sheet.read.js';
import { splitLines, type SourceLine } from './source-line.js';
import { validateResult } from './validate.js';

export interface DocumentOptions extends ParseOptions {
  /** Refuse documents larger than this many bytes. */
  maxBytes?: number;
  /** Refuse lines longer than this many characters: no real timeline has one. */
  maxLineLength?: number;
  /** Refuse documents holding more events than this. */
  maxEvents?: number;
}

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 20_000;

function pickLayout(lines: readonly SourceLine[]): Layout | undefined {
  let best: Layout | undefined;
  let bestScore = 0;
  for (const layout of LAYOUTS) {
    // A layout that cannot beat the best so far would lose the tie too: its lines need not be read.
    if (layout.maxScore !== undefined && layout.maxScore <= bestScore) continue;
    const score = layout.score(lines);
    if (score > bestScore) [best, bestScore] = [layout, score];
  }
  return best;
}

/** Text of a document (already decoded) to partnerships and diagnostics. Pure; never throws on bad input. */
export function parseText(text: string, options: DocumentOptions): ParseResult {
  return limitEvents(parseLines(text, options), options.maxEvents ?? DEFAULT_MAX_EVENTS);
}

function parseLines(text: string, options: DocumentOptions): ParseResult {
  if (looksLikeKoryuJson(text)) return validateResult(readKoryuJson(text, options.home));
  if (csvTableKind(text)) return validateResult(readSheets([csvSheet('CSV', text)], options));
  const csvLine = csvTableLine(text);
  if (csvLine !== undefined) return unreadableCsv(text, csvLine);
  const lines = splitLines(text);
  const maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const long = lines.find((l) => l.text.length > maxLine);
  if (long) {
    return {
      partnerships: [],
      diagnostics: [
        diagnostic('LineTooLong', 'error', long.no, `Line ${long.no} has ${long.text.length} characters; the limit is ${maxLine} (KORYU_MAX_LINE_LENGTH).`, long.text, {
          length: long.text.length,
          max: maxLine,
        }),
      ],
    };
  }
  const layout = pickLayout(lines);
  if (!layout) return validateResult({ partnerships: [], diagnostics: [] });
  const result = validateResult(layout.parse(lines, options));
  return holdsNothing(result) ? (secondReading(lines, options, layout, result) ?? result) : result;
}

/** A CSV table whose heading row names no year or event column: refused, rather than read as lines of text. */
function unreadableCsv(text: string, line: number): ParseResult {
  const row = splitLines(text).find((l) => l.no === line)?.text ?? '';
  const message = `Line ${line} begins a table of cells separated by commas (CSV), but no heading row in its first 20 rows names a year column (年, 年（西暦）, 西暦, 和暦 or 年度) and an event column (交流内容 or 内容), so nothing was imported: it would be stored as text. Put a heading row such as 年,区分,交流内容 above the rows and import it again.`;
  return { partnerships: [], diagnostics: [diagnostic('UnreadableCsv', 'error', line, message, row)] };
}

/** Nothing was found to import, and nothing but that was an error: another layout may read the lines. */
function holdsNothing(result: ParseResult): boolean {
  return result.diagnostics.every((d) => d.severity !== 'error' || d.code === 'NothingImportable') && result.diagnostics.some((d) => d.code === 'NothingImportable');
}

/**
 * When the layout that fits best finds nothing to import (year headings over dated lines whose date and text are
 * separated by a tab look like a table), the first other layout, by score, that reads something from the lines
 * without an error, and whose events hold no tab or | between cells. A reading whose events do hold them is a table
 * whose rows the table readers refused (a year cell they cannot read): importing it would store the cells as the events'
 * text, so the document is refused, at the line of the first such event.
 */
function secondReading(lines: readonly SourceLine[], options: DocumentOptions, first: Layout, firstResult: ParseResult): ParseResult | undefined {
  const others = LAYOUTS.filter((l) => l !== first)
    .map((layout) => ({ layout, score: layout.score(lines) }))
    .filter((o) => o.score > 0)
    .sort((a, b) => b.score - a.score);
  let withCells: ExchangeEvent | undefined;
  for (const { layout } of others) {
    const result = validateResult(layout.parse(lines, options));
    if (hasErrors(result.diagnostics)) continue;
    // A pipe row's cell may hold a | written \|; a line read whole keeps every | of its cells.
    const separator = layout.name === 'lines' ? /\t|\|/ : /\t/;
    const cells = result.partnerships.flatMap((p) => p.events).find((e) => separator.test(e.text));
    if (!cells) return result;
    withCells ??= cells;
  }
  return withCells && tableRowsUnread(firstResult, withCells);
}

function tableRowsUnread(firstResult: ParseResult, event: ExchangeEvent): ParseResult {
  const line = event.line ?? null;
  const message = `Line ${line} holds cells separated by a tab or | (a table's row), but no row of the table could be read (see the warnings on its rows); read as lines instead, the cells would be stored inside the events' text, so nothing was imported. Correct the year column (2019年, 平成31年) and import it again.`;
  const error = diagnostic('TableRowsUnread', 'error', line, message, event.text);
  return validateResult({ partnerships: [], diagnostics: [...firstResult.diagnostics.filter((d) => d.code !== 'NothingImportable'), error] });
}

/**
 * The importer's whole pipeline: bytes → decoded text → lines → the best-fitting layout → validated
 * partnerships and diagnostics. Pure: reads no file and writes nothing.
 */
export function parseDocument(bytes: Uint8Array, options: DocumentOptions): ParseResult & { encoding: string | undefined } {
  const decoded = decodeDocument(bytes, { maxBytes: options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES });
  if (decoded.text === undefined) return { partnerships: [], diagnostics: decoded.diagnostics, encoding: undefined };
  return { ...parseText(decoded.text, options), encoding: decoded.encoding };
}
