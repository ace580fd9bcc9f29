import { randomBytes } from 'node:crypto';
import type { ChangeSummary } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { parseDocuments } from './documents.service.js';
import { similarPartners, type SimilarPartner } from './similar-partners.service.js';
import type { ImportRefusal } from '../domain/import-refusal.js';

export type { SimilarPartner } from './similar-partners.service.js';
import { importDocuments, ImportRefusedError, type ImportOptions, type ImportReport, type ParsedDocument, type SourceDocument } from './import.service.js';

/** How long an uploaded document waits for its confirmation. */
const PENDING_MS = 30 * 60 * 1000;
const MAX_PENDING = 50;

interface Pending {
  actor: string;
  docs: SourceDocument[];
  expires: number;
  /** What the preview said the import would change, as JSON (absent when it would be refused). */
  changes?: string;
}

/** What a preview shows: the documents as read, and what importing them would change or why it would be refused. */
export interface ImportPreview {
  token: string;
  documents: ParsedDocument[];
  changes?: ChangeSummary[];
  refusal?: ImportRefusal;
  /** New partnerships whose partner probably is a stored partner of the same home written differently. */
  similar?: SimilarPartner[];
}

/**
 * The record changed between a preview and its confirmation (someone edited an event the documents hold, say), so
 * the import would not do what the preview said. Nothing was imported; `preview` is the preview made again, with
 * a new token, for the person to check and confirm.
 */
export class ImportPreviewStaleError extends KoryuError {
  constructor(readonly preview: ImportPreview) {
    super('ImportPreviewStale', 'The record changed since the preview, so the import would not do what it said. Nothing was imported: check the new preview and confirm it again.');
  }
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
  ): Promise<ImportPreview> {
    this.sweep();
    // The dry run parses the documents too: they are parsed again only when the import would be refused.
    return this.keep(store, docs, options, actor, await dryRun(store, docs, options));
  }

  private async keep(store: Store, docs: SourceDocument[], options: ImportOptions, actor: string, tried: DryRun): Promise<ImportPreview> {
    const documents = 'report' in tried ? tried.report.documents : await parseDocuments(docs, options);
    const token = randomBytes(18).toString('base64url');
    if (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value!);
    this.pending.set(token, { actor, docs, expires: this.now() + PENDING_MS, ...('report' in tried ? { changes: JSON.stringify(tried.report.changes) } : {}) });
    if ('report' in tried) {
      const similar = await similarPartners(store, tried.report.changes);
      return { token, documents, changes: tried.report.changes, ...(similar.length > 0 ? { similar } : {}) };
    }
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
    // What the import would change now, against what the preview showed: an edit made since (an event the
    // documents hold, changed on the web) would be overwritten unseen, so the person is shown the new preview.
    if (pending.changes !== undefined) {
      const now = await dryRun(store, pending.docs, options);
      if (!('report' in now) || JSON.stringify(now.report.changes) !== pending.changes) {
        throw new ImportPreviewStaleError(await this.keep(store, pending.docs, options, actor, now));
      }
    }
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
type DryRun = { report: ImportReport } | { refusal?: ImportRefusal };

async function dryRun(store: Store, docs: SourceDocument[], options: ImportOptions): Promise<DryRun> {
  try {
    return { report: await importDocuments(store, docs, { ...options, dryRun: true }) };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { refusal: error.refusal };
    if (error instanceof KoryuError && error.code === 'ImportRejected') return {};
    throw error;
  }
}
