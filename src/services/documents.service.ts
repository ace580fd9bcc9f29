import { diagnostic } from '../domain/diagnostic.js';
import { csvSheet, csvTableKind } from '../importer/csv.read.js';
import { tokyoCalendarDate } from '../domain/anniversary.js';
import { decodeDocument } from '../importer/decode.js';
import { warnFutureYears } from '../importer/future-years.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, parseDocument, parseText, type DocumentOptions } from '../importer/parse-document.js';
import type { Sheet, TableKind } from '../importer/sheet.js';
import { readSheets } from '../importer/sheet.read.js';
import { validateResult } from '../importer/validate.js';
import { unmarkYearsWithExchanges } from './no-exchange-years.js';
import { isWordDocument, looksLikeWorkbook, readWorkbook } from '../importer/workbook.read.js';
import type { ImportOptions, ParsedDocument, SourceDocument } from './import.service.js';

/** What the importer is told for one document: its home, and every limit the import was given. */
function parseOptions(doc: SourceDocument, options: ImportOptions): DocumentOptions {
  return {
    home: doc.home ?? options.home,
    maxBytes: options.maxDocumentBytes,
    ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }),
    ...(options.maxEventsPerImport === undefined ? {} : { maxEvents: options.maxEventsPerImport }),
  };
}

async function parseWorkbook(doc: SourceDocument, options: ImportOptions): Promise<ParsedDocument> {
  if (doc.bytes.length > (options.maxDocumentBytes || DEFAULT_MAX_DOCUMENT_BYTES)) return { source: doc.name, ...parseDocument(doc.bytes, parseOptions(doc, options)) };
  const refuse = (message: string, kind: string): ParsedDocument => ({ source: doc.name, encoding: undefined, partnerships: [], diagnostics: [diagnostic('ImportInvalidWorkbook', 'error', null, message, '', { kind })] });
  if (isWordDocument(doc.bytes)) {
    return refuse('The file is a Word document (.docx), not an Excel workbook; save the timeline as text (.txt), or copy it into an Excel workbook (.xlsx), and import that.', 'docx');
  }
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(doc.bytes);
    // exceljs reads any ZIP of Office parts, and finds no worksheet in one that is no workbook.
    if (sheets.length === 0) throw new Error('it holds no worksheet');
  } catch (error) {
    return refuse(`The file is a ZIP archive but not an Excel workbook Koryu can read (${error instanceof Error ? error.message : String(error)}).`, 'zip');
  }
  return { source: doc.name, encoding: 'xlsx', ...validateResult(readSheets(sheets, { home: doc.home ?? options.home })) };
}

/**
 * Parses the documents of one run. An XLSX workbook is read into sheets here (exceljs reads asynchronously);
 * every other document goes through parseDocument. CSV tables of the same run are read together, so that the
 * photo-record CSV (FILE.photos.csv) joins the event CSV it belongs to; they are reported as one document (one
 * per home when the documents have homes of their own).
 */
export async function parseDocuments(docs: readonly SourceDocument[], options: ImportOptions): Promise<ParsedDocument[]> {
  const parsed: ParsedDocument[] = [];
  const csv: CsvTable[] = [];
  for (const doc of docs) {
    if (looksLikeWorkbook(doc.bytes)) {
      parsed.push(await parseWorkbook(doc, options));
      continue;
    }
    const decoded = decodeDocument(doc.bytes, { maxBytes: options.maxDocumentBytes });
    if (decoded.text !== undefined && csvTableKind(decoded.text)) {
      csv.push({ doc, sheet: csvSheet(doc.name, decoded.text), encoding: decoded.encoding, kind: csvTableKind(decoded.text)! });
      continue;
    }
    // Decoded once: parseDocument would decode the bytes again.
    const result =
      decoded.text === undefined
        ? { partnerships: [], diagnostics: decoded.diagnostics, encoding: undefined }
        : { ...parseText(decoded.text, parseOptions(doc, options)), encoding: decoded.encoding };
    parsed.push({ source: doc.name, ...result });
  }
  // The CSV tables of one home are read together (documents of several homes: a folder per home), each event
  // table with its photo-record table, so that two event tables of one partnership stay two documents.
  const homes = new Map<string, CsvTable[]>();
  for (const c of csv) {
    const home = c.doc.home ?? options.home;
    homes.set(home, [...(homes.get(home) ?? []), c]);
  }
  for (const [home, tables] of homes) {
    for (const group of pairTables(tables)) {
      const result = validateResult(readSheets(group.map((c) => c.sheet), { home }));
      parsed.push({ source: group.map((c) => c.doc.name).join(' + '), encoding: group[0]!.encoding, ...result });
    }
  }
  const thisYear = currentYear(options);
  return parsed.map((doc) => ({ ...doc, ...warnFutureYears(unmarkYearsWithExchanges(doc), thisYear) }));
}

/** The current year in Japan, where the record's years are, from the import's clock. */
export function currentYear(options: Pick<ImportOptions, 'now'>): number {
  return tokyoCalendarDate(options.now?.() ?? new Date()).year;
}

interface CsvTable {
  doc: SourceDocument;
  sheet: Sheet;
  encoding: string | undefined;
  kind: TableKind;
}

/**
 * The CSV tables of one home in groups read together: each event table with the photo-record table named after it
 * (FILE.csv and FILE.photos.csv), or with the photo-record tables when it is the only event table. When a
 * photo-record table belongs to none of several event tables, all are read together, as one document.
 */
function pairTables(tables: readonly CsvTable[]): CsvTable[][] {
  const events = tables.filter((t) => t.kind === 'events');
  const records = tables.filter((t) => t.kind !== 'events');
  if (events.length <= 1) return [[...tables]];
  const base = (name: string) => name.replace(/(\.photos)?\.csv$/i, '');
  const groups = events.map((e) => [e]);
  for (const r of records) {
    const owner = events.findIndex((e) => base(e.doc.name) === base(r.doc.name));
    if (owner < 0) return [[...tables]];
    groups[owner]!.push(r);
  }
  return groups;
}
