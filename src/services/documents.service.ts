import { diagnostic } from '../domain/diagnostic.js';
import { csvSheet, csvTableKind } from '../importer/csv.read.js';
import { decodeDocument } from '../importer/decode.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, parseDocument, parseText, type DocumentOptions } from '../importer/parse-document.js';
import type { Sheet } from '../importer/sheet.js';
import { readSheets } from '../importer/sheet.read.js';
import { validateResult } from '../importer/validate.js';
import { looksLikeWorkbook, readWorkbook } from '../importer/workbook.read.js';
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
  let sheets: Sheet[];
  try {
    sheets = await readWorkbook(doc.bytes);
  } catch (error) {
    const message = `The file is a ZIP archive but not an Excel workbook Koryu can read (${error instanceof Error ? error.message : String(error)}).`;
    return { source: doc.name, encoding: undefined, partnerships: [], diagnostics: [diagnostic('ImportBinary', 'error', null, message)] };
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
  const csv: { doc: SourceDocument; sheet: Sheet; encoding: string | undefined }[] = [];
  for (const doc of docs) {
    if (looksLikeWorkbook(doc.bytes)) {
      parsed.push(await parseWorkbook(doc, options));
      continue;
    }
    const decoded = decodeDocument(doc.bytes, { maxBytes: options.maxDocumentBytes });
    if (decoded.text !== undefined && csvTableKind(decoded.text)) {
      csv.push({ doc, sheet: csvSheet(doc.name, decoded.text), encoding: decoded.encoding });
      continue;
    }
    // Decoded once: parseDocument would decode the bytes again.
    const result =
      decoded.text === undefined
        ? { partnerships: [], diagnostics: decoded.diagnostics, encoding: undefined }
        : { ...parseText(decoded.text, parseOptions(doc, options)), encoding: decoded.encoding };
    parsed.push({ source: doc.name, ...result });
  }
  // The CSV tables of one home are read together (documents of several homes: a folder per home).
  const homes = new Map<string, typeof csv>();
  for (const c of csv) {
    const home = c.doc.home ?? options.home;
    homes.set(home, [...(homes.get(home) ?? []), c]);
  }
  for (const [home, tables] of homes) {
    const result = validateResult(readSheets(tables.map((c) => c.sheet), { home }));
    parsed.push({ source: tables.map((c) => c.doc.name).join(' + '), encoding: tables[0]!.encoding, ...result });
  }
  return parsed;
}
