import type { Diagnostic } from '../domain/diagnostic.js';
import { hasErrors } from '../domain/diagnostic.js';
import { isUnchanged, type ChangeSummary, type Partnership } from '../domain/partnership.js';
import type { ImportRefusal } from '../domain/import-refusal.js';
import { mergeListedRecords } from '../domain/listed-records.js';
import { KoryuError } from '../errors.js';
import { parseDocument } from '../importer/parse-document.js';
import { currentYear, parseDocuments } from './documents.service.js';
import { warnFutureYears } from '../importer/future-years.js';
import type { Store } from '../storage/database.js';
import { recordImports } from '../storage/import.repository.js';
import { mergePlaceNames } from '../storage/place-name.repository.js';
import type { PlaceNames } from '../domain/place-name.js';
import type { Translations } from '../domain/translation.js';
import { BULK_TABLES, findStoredPartnershipKeys, insertNewPartnerships, partnershipKey } from '../storage/partnership.bulk.js';
import { findPartnerships, savePartnership } from '../storage/partnership.repository.js';
import { indexIsEmpty, SearchIndexBatch } from '../storage/search.index.js';
import { refreshStatistics, STATISTICS_REFRESH_ROWS } from '../storage/statistics.js';
import { linkHistoryToImport } from '../storage/history.repository.js';
import { findProvenance, type ImportProvenance } from '../storage/import-provenance.repository.js';
import { findPartnershipItem, keptBeforeImport, NO_ITEMS, partnershipItems, recordImportHistory, recordItemsHistory } from './import.history.js';
import { unmarkYearsWithExchanges } from './no-exchange-years.js';
import { linkBeforeSave, prepareNewPartnership, recordKnowledgeAfterSave } from './knowledge.import.js';

/** A document as the user gave it: a name to report it by, and its bytes. */
export interface SourceDocument {
  name: string;
  bytes: Uint8Array;
  /** The home municipality of this document, when it is not the import's (a corpus of many cities). */
  home?: string;
}

export interface ImportOptions {
  home: string;
  maxDocumentBytes: number;
  /** Longest line a document may have (the importer's default when unset). */
  maxLineLength?: number;
  /** Most events one import may hold over all its documents (the importer's default when unset). */
  maxEventsPerImport?: number;
  /** Who imports (an account name): each partnership the import changes gets an `import` entry in its history. */
  actor?: string;
  /**
   * An import of BULK_LOAD_FROM items or more may hold the tables it fills to itself until it commits: on
   * PostgreSQL it then checks the rows' references once at the end instead of row by row (`koryu import
   * --exclusive`, for loading a record into a new store). Every reader of those tables waits meanwhile, so the web
   * server never asks for it. Without it, or on SQLite, an import blocks no reader.
   */
  exclusive?: boolean;
  /**
   * Runs the whole import in its transaction and rolls it back: the report says what the import would add,
   * change and remove, and nothing is written (`koryu import --dry-run`, the staff's preview).
   */
  dryRun?: boolean;
  /** The clock a document's years are checked against (FutureYear); the system's when unset. */
  now?: () => Date;
}

export interface ParsedDocument {
  source: string;
  encoding: string | undefined;
  partnerships: Partnership[];
  diagnostics: Diagnostic[];
  /** Names of places in the readers' languages the document carries (koryu/1 `names`). */
  names?: PlaceNames;
}

export interface ImportReport {
  documents: ParsedDocument[];
  changes: ChangeSummary[];
}

/** What a document would import, with its diagnostics. Writes nothing. */
export function previewDocument(doc: SourceDocument, options: ImportOptions): ParsedDocument {
  const result = parseDocument(doc.bytes, {
    home: doc.home ?? options.home,
    maxBytes: options.maxDocumentBytes,
    ...(options.maxLineLength === undefined ? {} : { maxLineLength: options.maxLineLength }),
    ...(options.maxEventsPerImport === undefined ? {} : { maxEvents: options.maxEventsPerImport }),
  });
  return { source: doc.name, ...result, ...warnFutureYears(unmarkYearsWithExchanges(result), currentYear(options)) };
}

/** The first error of a parsed document as one line a person can act on: `file:line: message`. */
export function describeFirstError(doc: ParsedDocument): string {
  const error = doc.diagnostics.find((d) => d.severity === 'error');
  if (!error) return `${doc.source}: nothing to import`;
  return `${doc.source}${error.line !== null ? `:${error.line}` : ''}: ${error.message}`;
}

/**
 * Items (events and photo records) from which an import is a bulk load: a store's first lays out the search index
 * in a worker thread, and one that is `exclusive` checks the references of the rows once at the end (PostgreSQL).
 * Below it, starting the worker costs more than it saves.
 */
export const BULK_LOAD_FROM = 20_000;

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
  const total = parsed.reduce((n, doc) => n + doc.partnerships.reduce((m, p) => m + p.events.length, 0), 0);
  if (options.maxEventsPerImport !== undefined && total > options.maxEventsPerImport) {
    throw new ImportRefusedError(
      { kind: 'tooManyEvents', documents: parsed.length, events: total, limit: options.maxEventsPerImport },
      `These ${parsed.length} documents hold ${total} events together; the limit is ${options.maxEventsPerImport} per import (KORYU_MAX_EVENTS_PER_IMPORT). Import them in smaller groups.`,
    );
  }
  const items = parsed.flatMap((doc) => doc.partnerships.map((p) => ({ source: doc.source, p })));
  refuseRepeatedPartnerships(items);
  const itemCount = items.reduce((n, item) => n + item.p.events.length + item.p.records.length, 0);
  const bulkLoad = options.exclusive === true && itemCount >= BULK_LOAD_FROM;
  // Nothing else has the store open during an exclusive load (or this changes nothing): its pages can be written once.
  const restoreJournal = bulkLoad && !options.dryRun ? await store.bulk.writeOnce(store.db) : undefined;
  try {
    const changes = await storeItems(store, items, itemCount, bulkLoad, options, placeNamesOf(parsed));
    if (options.dryRun) return { documents: parsed, changes };
    const added = changes.reduce((n, c) => n + c.added.events + c.added.records, 0);
    if (added >= STATISTICS_REFRESH_ROWS) await refreshStatistics(store);
    return { documents: parsed, changes };
  } finally {
    await restoreJournal?.();
  }
}

/** Writes the partnerships of an import in one transaction (rolled back after a dry run) and answers with what changed. */
async function storeItems(
  store: Store,
  items: readonly { source: string; p: Partnership }[],
  itemCount: number,
  bulkLoad: boolean,
  options: ImportOptions,
  names: PlaceNames = new Map(),
): Promise<ChangeSummary[]> {
  const rolledBack = new RolledBack();
  return store.transaction(async (trx) => {
    // An exclusive load takes its tables before it reads any of them (see suspendReferences); every row written
    // until the end, in bulk or partnership by partnership, is checked when the references come back.
    const restoreReferences = bulkLoad ? await store.bulk.suspendReferences(trx, BULK_TABLES) : undefined;
    const summaries: ChangeSummary[] = new Array<ChangeSummary>(items.length);
    // The history entries written for each partnership (by index), to be linked to its row of the import log.
    const historyIds: (number[] | undefined)[] = new Array<number[] | undefined>(items.length);
    // Where each updated partnership's items stood before (their place and line, its source file), for an undo.
    const provenances: (ImportProvenance | undefined)[] = new Array<ImportProvenance | undefined>(items.length);
    // Partnerships not stored yet (the first time each appears) are written in bulk; the rest are compared with
    // what is stored and updated in place, one after the other, after them.
    const stored = await findStoredPartnershipKeys(trx, items.map((item) => item.p));
    const fresh: number[] = [];
    for (const [i, { p }] of items.entries()) {
      const key = partnershipKey(p);
      if (!stored.has(key)) fresh.push(i);
      stored.add(key);
    }
    // The search index is brought up to date once for the whole import, not once per partnership. An import of
    // new partnerships only into an empty index (a store's first) need not read what the index holds.
    // A large one also lays out the index in a worker thread while this one writes the rest.
    const nothingStored = fresh.length === items.length && (await indexIsEmpty(trx));
    const index = new SearchIndexBatch({ nothingStored, worker: nothingStored && itemCount >= BULK_LOAD_FROM });
    // The bulk inserts, queued on the connection: the transaction must not end while any is pending, or it would
    // run after the rollback, outside the transaction.
    let written: Promise<unknown> = Promise.resolve();
    try {
      const added = await insertNewPartnerships(
        trx,
        store.bulk,
        fresh.map((i) => ({ partnership: items[i]!.p, source: items[i]!.source })),
        index,
        prepareNewPartnership,
      );
      written = added.written;
      // Behind a failed insert, PostgreSQL refuses every later query with a message that hides the cause: when
      // queries follow, the inserts are waited for first.
      if (options.actor !== undefined || fresh.length < items.length) await written;
      for (const [n, i] of fresh.entries()) {
        summaries[i] = added.summaries[n]!;
        if (options.actor === undefined) continue;
        historyIds[i] = await recordImportHistory(trx, undefined, items[i]!.p, options.actor);
        // Each item of a partnership a person's import creates has its `import` entry too, but for a first load
        // into a new store (`exclusive`: a whole country's record), where the partnership's entry says it all.
        if (options.exclusive) continue;
        const created = await findPartnershipItem(trx, items[i]!.p.home, items[i]!.p.partner);
        if (created) historyIds[i]!.push(...(await recordItemsHistory(trx, created.id, NO_ITEMS, await partnershipItems(trx, created.id), options.actor)));
      }
      for (const [i, { source, p: given }] of items.entries()) {
        if (summaries[i]) continue;
        const p = given.recordsListedByEvents ? mergeListedRecords(await findImported(trx, given), given) : given;
        const before = options.actor === undefined ? undefined : await findPartnershipItem(trx, p.home, p.partner);
        // Who changed what: with an actor, each item the import adds, changes or removes is noted in its history.
        const itemsBefore = before === undefined ? undefined : await partnershipItems(trx, before.id);
        // What the snapshots do not hold (fields of exchange, link confidence), for an undo of this import to give back.
        const keep = before !== undefined && !options.dryRun;
        const kept = keep ? await keptBeforeImport(trx, before.id) : undefined;
        const provenance = keep ? await findProvenance(trx, before.id) : undefined;
        const linked = await linkBeforeSave(trx, p);
        const summary = await savePartnership(trx, linked.partnership, source, { index });
        await recordKnowledgeAfterSave(trx, linked);
        if (options.actor !== undefined && !isUnchanged(summary)) {
          historyIds[i] = await recordImportHistory(trx, before, p, options.actor);
          provenances[i] = provenance;
          if (before !== undefined && itemsBefore !== undefined) {
            historyIds[i]!.push(...(await recordItemsHistory(trx, before.id, itemsBefore, await partnershipItems(trx, before.id), options.actor, kept)));
          }
        }
        summaries[i] = summary;
      }
      // The index is laid out while the bulk inserts may still be on their way (PostgreSQL); both are waited for,
      // and a failed insert's error is the one reported.
      await settledInOrder([written, index.flush(trx, store.bulk)]);
      await restoreReferences?.();
    } catch (error) {
      index.close();
      await Promise.allSettled([written]);
      throw error;
    }
    const logged = await recordImports(trx, store.bulk, items.map(({ source }, i) => ({ source, summary: summaries[i]!, kept: provenances[i] })), options.actor ?? null);
    // Each partnership's history entries belong to its row of the log: an undo of that import reads them back.
    if (!options.dryRun) {
      for (const [i, ids] of historyIds.entries()) {
        const importId = logged.get(partnershipKey(items[i]!.p));
        if (ids !== undefined && ids.length > 0 && importId !== undefined) await linkHistoryToImport(trx, importId, ids);
      }
    }
    if (names.size > 0) await mergePlaceNames(trx, names);
    if (options.dryRun) {
      rolledBack.changes = summaries;
      throw rolledBack;
    }
    return summaries;
  }).catch((error: unknown) => {
    if (error === rolledBack) return rolledBack.changes;
    throw error;
  });
}

/** The place names the documents carry, a later document's name for a place replacing an earlier one's, locale by locale. */
function placeNamesOf(docs: readonly ParsedDocument[]): PlaceNames {
  const names = new Map<string, Translations>();
  for (const doc of docs) for (const [name, t] of doc.names ?? []) names.set(name, { ...names.get(name), ...t });
  return names;
}

/** The stored partnership's published events and records in the document's order, as a re-import compares with. */
async function findImported(trx: Store['db'], p: Partnership): Promise<Pick<Partnership, 'events' | 'records'>> {
  const [stored] = await findPartnerships(trx, { home: p.home, partner: p.partner, asImported: true });
  return stored ?? { events: [], records: [] };
}

/**
 * Two documents of one import holding the same partnership: each document is taken whole, so the later would
 * replace the earlier, which is never what was meant (two parts of one timeline, or two versions of it).
 */
function refuseRepeatedPartnerships(items: readonly { source: string; p: Partnership }[]): void {
  const first = new Map<string, string>();
  for (const { source, p } of items) {
    const key = partnershipKey(p);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, source);
    else {
      throw new ImportRefusedError(
        { kind: 'samePartnership', first: earlier, second: source, home: p.home, partner: p.partner },
        `${earlier} and ${source} both hold ${p.home} – ${p.partner}. An import takes each partnership's document whole, so the second would replace the first: join them into one document, or import the one that is current.`,
      );
    }
  }
}

/** An import refused as a whole (ImportRejected), with its reason. */
export class ImportRefusedError extends KoryuError {
  constructor(
    readonly refusal: ImportRefusal,
    message: string,
  ) {
    super('ImportRejected', message);
  }
}

/** Thrown at the end of a dry run's transaction to roll it back, carrying what it would have changed. */
class RolledBack extends Error {
  changes: ChangeSummary[] = [];

  constructor() {
    super('A dry run is rolled back.');
  }
}

/** Waits for every promise to settle, then throws the first rejection in the order given. */
async function settledInOrder(promises: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
