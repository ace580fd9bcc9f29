import type { Diagnostic } from '../domain/diagnostic.js';
import { hasErrors } from '../domain/diagnostic.js';
import type { ChangeSummary, Partnership } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import { parseDocument } from '../importer/parse-document.js';
import { parseDocuments } from './documents.service.js';
import type { Store } from '../storage/database.js';
import { recordImport } from '../storage/import.repository.js';
import { savePartnership } from '../storage/partnership.repository.js';

/** A document as the user gave it: a name to report it by, and its bytes. */
export interface SourceDocument {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  home: string;
  maxDocumentBytes: number;
}

export interface ParsedDocument {
  source: string;
  encoding: string | undefined;
  partnerships: Partnership[];
  diagnostics: Diagnostic[];
}

export interface ImportReport {
  documents: ParsedDocument[];
  changes: ChangeSummary[];
}

/** What a document would import, with its diagnostics. Writes nothing. */
export function previewDocument(doc: SourceDocument, options: ImportOptions): ParsedDocument {
  const result = parseDocument(doc.bytes, { home: options.home, maxBytes: options.maxDocumentBytes });
  return { source: doc.name, ...result };
}

/** The first error of a parsed document as one line a person can act on: `file:line: message`. */
export function describeFirstError(doc: ParsedDocument): string {
  const error = doc.diagnostics.find((d) => d.severity === 'error');
  if (!error) return `${doc.source}: nothing to import`;
  return `${doc.source}${error.line !== null ? `:${error.line}` : ''}: ${error.message}`;
}

/**
 * Imports documents in one transaction: every document is parsed first, and if any has an error nothing is
 * written. Re-importing the same document changes nothing; a corrected one updates its partnership in place.
 */
export async function importDocuments(
  store: Store,
  docs: readonly SourceDocument[],
  options: ImportOptions,
  onParsed?: (doc: ParsedDocument, index: number) => void,
): Promise<ImportReport> {
  const parsed = await parseDocuments(docs, options);
  parsed.forEach((p, i) => onParsed?.(p, i));
  const rejected = parsed.find((p) => hasErrors(p.diagnostics));
  if (rejected) throw new KoryuError('ImportRejected', describeFirstError(rejected), rejected.diagnostics);
  const changes = await store.transaction(async (trx) => {
    const summaries: ChangeSummary[] = [];
    for (const doc of parsed) {
      for (const p of doc.partnerships) {
        const summary = await savePartnership(trx, p, doc.source);
        await recordImport(trx, doc.source, summary);
        summaries.push(summary);
      }
    }
    return summaries;
  });
  return { documents: parsed, changes };
}
