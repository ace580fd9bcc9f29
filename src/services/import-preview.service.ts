import { randomBytes } from 'node:crypto';
import type { ChangeSummary } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { parseDocuments } from './documents.service.js';
import type { ImportRefusal } from '../domain/import-refusal.js';
import { importDocuments, ImportRefusedError, type ImportOptions, type ImportReport, type ParsedDocument, type SourceDocument } from './import.service.js';

/** How long an uploaded document waits for its confirmation. */
const PENDING_MS = 30 * 60 * 1000;
const MAX_PENDING = 50;

interface Pending {
  actor: string;
  docs: SourceDocument[];
  expires: number;
}

/**
 * The two steps of an import through the web: a preview that keeps the uploaded documents under a random token
 * (in memory, for one account, for 30 minutes), then a confirmation that imports exactly those documents in one
 * transaction. Nothing is written before the confirmation. The documents of one upload are one import, parsed
 * together as `koryu import` parses its files: the CSV export's FILE.csv and FILE.photos.csv are read as one.
 */
export class ImportPreviews {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The documents as parsed, and what importing them would change in the store (a dry run of the import), unless
   * the import would be refused (a document with errors): a re-import that would remove events the document no
   * longer holds says so before it is confirmed.
   */
  async preview(
    store: Store,
    docs: SourceDocument[],
    options: ImportOptions,
    actor: string,
  ): Promise<{ token: string; documents: ParsedDocument[]; changes?: ChangeSummary[]; refusal?: ImportRefusal }> {
    this.sweep();
    // The dry run parses the documents too: they are parsed again only when the import would be refused.
    const tried = await dryRun(store, docs, options);
    const documents = 'report' in tried ? tried.report.documents : await parseDocuments(docs, options);
    const token = randomBytes(18).toString('base64url');
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(token, { actor, docs, expires: this.now() + PENDING_MS });
    if ('report' in tried) return { token, documents, changes: tried.report.changes };
    return tried.refusal ? { token, documents, refusal: tried.refusal } : { token, documents };
  }

  /** Imports the previewed documents; the token is used up. ImportRejected when a document has errors (nothing written). */
  async confirm(store: Store, token: string, options: ImportOptions, actor: string): Promise<ImportReport> {
    this.sweep();
    const pending = this.pending.get(token);
    if (!pending || pending.actor !== actor) {
      throw new KoryuError('ItemNotFound', 'This import preview has expired or belongs to someone else: upload the document again.');
    }
    this.pending.delete(token);
    return importDocuments(store, pending.docs, { ...options, actor });
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, p] of this.pending) if (p.expires < now) this.pending.delete(token);
  }
}

/**
 * The import as a dry run: the documents as parsed and what importing them would change; when it would be refused,
 * the reason if it is the documents together (a document's own errors are in its diagnostics).
 */
async function dryRun(store: Store, docs: SourceDocument[], options: ImportOptions): Promise<{ report: ImportReport } | { refusal?: ImportRefusal }> {
  try {
    return { report: await importDocuments(store, docs, { ...options, dryRun: true }) };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { refusal: error.refusal };
    if (error instanceof KoryuError && error.code === 'ImportRejected') return {};
    throw error;
  }
}
