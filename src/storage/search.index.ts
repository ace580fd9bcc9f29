import type { Kysely } from 'kysely';
import { GRAM_LENGTH, gramsOf, searchableText } from '../domain/search-text.js';
import { TRANSLATION_LOCALES, type Translations } from '../domain/translation.js';
import { GramTrie } from './search.gram-trie.js';
import type { BulkColumn, BulkWriter, Database } from './database.js';
import { ByteArena, COMBINED_YEAR, layOutAdded, layOutGram, type AddedRun, type StoredGram, type YearChange } from './search.layout.js';
import { ADD, IndexWorker, REMOVE } from './search.worker-client.js';
import { normalizedOf, searchTextColumn } from './search-text.column.js';

export type ItemKind = 'event' | 'record';

/** Rows per insert (5 parameters each) and grams per `in (…)` list: below both databases' bind limits. */
const WRITE_CHUNK = 1000;
const READ_CHUNK = 500;
/** Changes to more years than this read every year of their grams (and keep the ones changed). */
const YEAR_LIST_LIMIT = 200;

interface YearChanges {
  /** The items added, in the order added: their grams are found at the flush. */
  added: AddedItems;
  removed: Map<string, Set<number>>;
}

/**
 * Items added to one year of one kind: ids and normalized texts side by side. The texts are kept, not their
 * (gram, id) pairs: a first import of a million events has some 58 million pairs, and writing them out cost more
 * than finding the grams again (fresh memory is dear: it is faulted in page by page).
 */
class AddedItems {
  readonly ids: number[] = [];
  readonly texts: string[] = [];

  push(id: number, normalized: string): void {
    this.ids.push(id);
    this.texts.push(normalized);
  }
}

/** A growing list of pairs of numbers in one typed array. */
class PairList {
  data = new Int32Array(1024);
  length = 0;

  push(gram: number, id: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = gram;
    this.data[this.length++] = id;
  }
}

/**
 * Changes to the search index, collected while items are written and applied by `flush` in bulk: each touched
 * row of the index is read once and written once, however many items of an import touch it. The caller flushes
 * inside the transaction that wrote the items. Later calls win: adding a gram after removing it keeps it.
 */
export class SearchIndexBatch {
  /**
   * With `nothingStored`, the caller knows the index held no rows when the batch began (read in the same write
   * transaction, before its first write), and flush reads none: on PostgreSQL its work then overlaps the inserts
   * still queued on the connection, instead of waiting behind them for a read.
   */
  constructor(private readonly options: { nothingStored?: boolean; worker?: boolean } = {}) {
    if (options.worker && !options.nothingStored) throw new Error('an index worker reads no stored rows: it needs nothingStored');
  }

  /**
   * With `worker` (a large first import), the grams are numbered and the rows laid out in a worker thread, while
   * this thread builds and writes the other rows: see IndexWorker.
   */
  private remote: IndexWorker | undefined;
  /** The worker's rows, asked for by startLayOut before the flush. */
  private laidOut: Promise<PostingRow[]> | undefined;
  private readonly changes = new Map<ItemKind, Map<number, YearChanges>>();
  /** Every gram added, numbered: an import adds millions of (gram, id) pairs, kept as numbers until the flush. */
  private readonly grams = new GramTrie();

  /** Indexes a new item's normalized text under its year. */
  add(kind: ItemKind, id: number, year: number, normalized: string): void {
    checkYear(year);
    if (this.options.worker) return this.worker().push(ADD, kind, id, year, normalized);
    const block = this.year(kind, year);
    if (block.removed.size > 0) for (const gram of gramsOf(normalized)) block.removed.get(gram)?.delete(id);
    block.added.push(id, normalized);
  }

  /** Forgets an item of `year` that held `normalized` (its stored year and search_text). */
  remove(kind: ItemKind, id: number, year: number, normalized: string): void {
    checkYear(year);
    if (this.options.worker) return this.worker().push(REMOVE, kind, id, year, normalized);
    const block = this.year(kind, year);
    for (const gram of gramsOf(normalized)) {
      const ids = block.removed.get(gram);
      if (ids) ids.add(id);
      else block.removed.set(gram, new Set([id]));
    }
  }

  /** An item's year or normalized text changed. */
  change(kind: ItemKind, id: number, before: { year: number; text: string }, after: { year: number; text: string }): void {
    if (before.year === after.year && before.text === after.text) return;
    this.remove(kind, id, before.year, before.text);
    this.add(kind, id, after.year, after.text);
  }

  get isEmpty(): boolean {
    return this.changes.size === 0 && this.remote === undefined;
  }

  /**
   * No more changes: a batch with a worker asks it for its rows now, and flush takes them when it comes to it.
   * Without a worker, nothing happens until the flush.
   */
  startLayOut(): void {
    if (!this.remote || this.laidOut) return;
    this.laidOut = this.remote.layOut();
    // Awaited by flush; a batch that is closed unflushed must not leave an unhandled rejection.
    this.laidOut.catch(() => {});
  }

  /** Stops the worker of a batch that will not be flushed (its transaction failed); nothing otherwise. */
  close(): void {
    this.remote?.close();
    this.remote = undefined;
    this.laidOut = undefined;
  }

  private worker(): IndexWorker {
    if (this.laidOut) throw new Error('the batch is being laid out: it takes no more changes');
    return (this.remote ??= new IndexWorker());
  }

  /**
   * Writes every collected change and starts empty again. The stored rows the changes touch are read gram by gram,
   * laid out anew (search.layout.ts), deleted and written again: with a bulk writer (an import) in one bulk
   * insert in key order, else in plain inserts.
   */
  async flush(db: Kysely<Database>, writer?: BulkWriter): Promise<void> {
    const remote = this.remote;
    const laidOut = remote ? (this.laidOut ?? remote.layOut()) : undefined;
    // The worker stays this batch's until its rows are in, so that close() can still stop it.
    const { rows, replaced } = laidOut ? { rows: await laidOut, replaced: [] } : await this.layOut(this.options.nothingStored ? null : db);
    this.remote = undefined;
    this.laidOut = undefined;
    for (const { kind, year, grams } of replaced) await deleteLists(db, kind, year, grams);
    if (writer) await writer.insert(db, 'search_postings', POSTING_COLUMNS, rows.map((r) => [r.gram, r.item_kind, r.year, r.ids, r.n]));
    else for (let i = 0; i < rows.length; i += WRITE_CHUNK) await db.insertInto('search_postings').values(rows.slice(i, i + WRITE_CHUNK)).execute();
  }

  /**
   * The rows every collected change needs, in key order, and the stored rows they replace; starts empty again.
   * The stored rows of the touched grams are read from `db` gram by gram; with null, none are.
   */
  async layOut(db: Kysely<Database> | null): Promise<{ rows: PostingRow[]; replaced: { kind: ItemKind; year: number; grams: string[] }[] }> {
    const changes = [...this.changes].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    this.changes.clear();
    const texts = new GramTexts(this.grams);
    const arena = new ByteArena();
    const rows: PostingRow[] = [];
    const replacedRows: { kind: ItemKind; year: number; grams: string[] }[] = [];
    for (const [kind, blocks] of changes) {
      const removed = removalsByGram(blocks);
      const added = AddedByGram.of(blocks, this.grams);
      const numbers = new Map<string, number>();
      for (const n of added.grams) numbers.set(texts.of(n), n);
      const grams = [...new Set([...numbers.keys(), ...removed.keys()])].sort();
      const years = [COMBINED_YEAR, ...blocks.keys()];
      const replaced = new Map<number, string[]>();
      for (let i = 0; i < grams.length; i += READ_CHUNK) {
        const chunk = grams.slice(i, i + READ_CHUNK);
        const stored = db === null ? new Map<string, StoredGram>() : await readStored(db, kind, chunk, years);
        for (const gram of chunk) {
          const n = numbers.get(gram);
          const gone = removed.get(gram);
          const before = stored.get(gram);
          // A gram new to the store with nothing taken out (every gram of a first import): encoded straight from the added ids.
          const fresh = before === undefined && gone === undefined && n !== undefined ? layOutAdded(added.ids, added.runsOf(n), arena) : null;
          const { write, replace } = fresh ? { write: fresh, replace: [] } : layOutGram(before, added.changesOf(n, gone));
          for (const row of write) rows.push({ gram, item_kind: kind, year: row.year, ids: row.ids, n: row.n });
          for (const year of replace) {
            const list = replaced.get(year);
            if (list) list.push(gram);
            else replaced.set(year, [gram]);
          }
        }
      }
      for (const [year, list] of replaced) replacedRows.push({ kind, year, grams: list });
    }
    // In key order, each row lands next to the one written before it in the primary key's B-tree: SQLite writes
    // them about twice as fast as in the order of the years. The rows are already in kind order, and in year
    // order within each gram, so a stable sort by gram alone gives key order.
    return { rows: inGramOrder(rows), replaced: replacedRows };
  }

  private year(kind: ItemKind, year: number): YearChanges {
    let years = this.changes.get(kind);
    if (!years) this.changes.set(kind, (years = new Map()));
    let changes = years.get(year);
    if (!changes) years.set(year, (changes = { added: new AddedItems(), removed: new Map() }));
    return changes;
  }
}

/** An item's year: a whole number above COMBINED_YEAR, the year of the rows that combine short lists. */
function checkYear(year: number): void {
  if (!Number.isInteger(year) || year <= COMBINED_YEAR) throw new RangeError(`an item's year must be a whole number above ${COMBINED_YEAR}, not ${year}`);
}

export type PostingRow = { gram: string; item_kind: ItemKind; year: number; ids: Uint8Array; n: number };

const POSTING_COLUMNS: BulkColumn[] = [['gram', 'text'], ['item_kind', 'text'], ['year', 'integer'], ['ids', 'binary'], ['n', 'integer']];

/** The text of each numbered gram, made once per flush however many years touch it. */
class GramTexts {
  private readonly texts: (string | undefined)[] = [];
  constructor(readonly trie: GramTrie) {}

  of(n: number): string {
    return (this.texts[n] ??= this.trie.text(n));
  }
}

/** One kind's removals by gram, then year. */
function removalsByGram(blocks: ReadonlyMap<number, YearChanges>): Map<string, Map<number, ReadonlySet<number>>> {
  const byGram = new Map<string, Map<number, ReadonlySet<number>>>();
  for (const [year, change] of blocks) {
    for (const [gram, ids] of change.removed) {
      const years = byGram.get(gram);
      if (years) years.set(year, ids);
      else byGram.set(gram, new Map([[year, ids]]));
    }
  }
  return byGram;
}

/** Per gram number: its count in the year at hand and its runs; grown as the trie numbers more grams. */
class GramCounts {
  inYear: Int32Array;
  runsOfGram: Int32Array;

  constructor(size: number) {
    this.inYear = new Int32Array(size);
    this.runsOfGram = new Int32Array(size);
  }

  /** Makes room for gram numbers below `size`. */
  reserve(size: number): void {
    if (size <= this.inYear.length) return;
    const length = Math.max(size, this.inYear.length * 2);
    const grown = (from: Int32Array) => {
      const to = new Int32Array(length);
      to.set(from);
      return to;
    };
    this.inYear = grown(this.inYear);
    this.runsOfGram = grown(this.runsOfGram);
  }
}

/**
 * One kind's added items regrouped by gram in one typed array of ids: each gram's ids year by year, ascending
 * years, each year's ids in the order added, with the runs of each year. The grams of each item are found twice
 * by walking the trie, which numbers them: once to count them, once to put the ids in place; each year's items
 * are let go once placed.
 */
class AddedByGram {
  /** The grams added, in the order first met. */
  readonly grams: number[] = [];
  readonly ids: Int32Array;
  /** Per gram number: its first run and how many (runs of one gram are consecutive, in year order). */
  private readonly firstRun: Int32Array;
  private readonly runCounts: Int32Array;
  private readonly runYears: Int32Array;
  private readonly runStarts: Int32Array;
  private readonly runLengths: Int32Array;

  private constructor(size: number, pairs: number, runs: number) {
    this.ids = new Int32Array(pairs);
    this.firstRun = new Int32Array(size);
    this.runCounts = new Int32Array(size);
    this.runYears = new Int32Array(runs);
    this.runStarts = new Int32Array(runs);
    this.runLengths = new Int32Array(runs);
  }

  static of(blocks: ReadonlyMap<number, YearChanges>, trie: GramTrie): AddedByGram {
    const years = [...blocks.keys()].sort((a, b) => a - b);
    // First pass: each year's count of each gram, kept as runs (gram, year, count) in year order. The trie may
    // number new grams on the way, so the counts grow with it.
    const counts = new GramCounts(trie.size);
    const runs = new PairList();
    const runYears: number[] = [];
    let pairs = 0;
    const grams: number[] = [];
    for (const year of years) {
      const { texts } = blocks.get(year)!.added;
      const touched: number[] = [];
      const inYear = (gram: number) => {
        if (counts.inYear[gram]!++ === 0) touched.push(gram);
      };
      for (const text of texts) {
        // An item of n code units has at most GRAM_LENGTH × n grams the trie has not numbered yet.
        counts.reserve(trie.size + GRAM_LENGTH * text.length);
        trie.itemGrams(text, inYear);
      }
      const { inYear: count, runsOfGram } = counts;
      for (const g of touched) {
        if (runsOfGram[g]!++ === 0) grams.push(g);
        runs.push(g, count[g]!);
        runYears.push(year);
        pairs += count[g]!;
        count[g] = 0;
      }
    }
    const size = trie.size;
    const { runsOfGram } = counts;
    const added = new AddedByGram(size, pairs, runYears.length);
    added.grams.push(...grams);
    // The ids lie year by year, and within a year gram by gram in the order the runs were made: the second pass
    // then writes each year's ids into one stretch of the array, not all over it. Each gram's runs are numbered
    // consecutively, in year order, for runsOf.
    const nextRun = new Int32Array(size);
    let run = 0;
    for (const g of grams) {
      added.firstRun[g] = nextRun[g] = run;
      added.runCounts[g] = runsOfGram[g]!;
      run += runsOfGram[g]!;
    }
    const runStart = new Int32Array(runYears.length);
    let at = 0;
    for (let r = 0; r < runYears.length; r++) {
      const g = runs.data[2 * r]!;
      const length = runs.data[2 * r + 1]!;
      const slot = nextRun[g]!++;
      added.runYears[slot] = runYears[r]!;
      added.runLengths[slot] = length;
      added.runStarts[slot] = runStart[r] = at;
      at += length;
    }
    // Second pass: the ids into place, year by year, each year's items let go once placed.
    const fill = new Int32Array(size);
    const ids = added.ids;
    let id = 0;
    const place = (gram: number) => {
      ids[fill[gram]!++] = id;
    };
    let r = 0;
    for (const year of years) {
      for (; r < runYears.length && runYears[r] === year; r++) fill[runs.data[2 * r]!] = runStart[r]!;
      const block = blocks.get(year)!;
      const { ids: itemIds, texts } = block.added;
      for (let i = 0; i < texts.length; i++) {
        id = itemIds[i]!;
        trie.itemGrams(texts[i]!, place);
      }
      block.added = new AddedItems();
    }
    return added;
  }

  /** The runs of gram `n`, ascending years. */
  runsOf(n: number): AddedRun[] {
    const out: AddedRun[] = [];
    for (let r = this.firstRun[n]!; r < this.firstRun[n]! + this.runCounts[n]!; r++) out.push({ year: this.runYears[r]!, start: this.runStarts[r]!, count: this.runLengths[r]! });
    return out;
  }

  /** The changes to a gram by year, for layOutGram: its added ids (if it is a numbered gram) and removals. */
  changesOf(n: number | undefined, removed: ReadonlyMap<number, ReadonlySet<number>> | undefined): Map<number, YearChange> {
    const changes = new Map<number, YearChange>();
    if (n !== undefined) {
      for (const run of this.runsOf(n)) changes.set(run.year, { added: Array.from(this.ids.subarray(run.start, run.start + run.count)), removed: removed?.get(run.year) });
    }
    for (const [year, ids] of removed ?? []) if (!changes.has(year)) changes.set(year, { added: [], removed: ids });
    return changes;
  }
}

/** The rows stably sorted by gram: each distinct gram is compared once, then the rows are placed by its rank. */
function inGramOrder(rows: readonly PostingRow[]): PostingRow[] {
  const distinct = [...new Set(rows.map((r) => r.gram))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(distinct.map((gram, i) => [gram, i]));
  const starts = new Int32Array(distinct.length + 1);
  for (const row of rows) starts[rank.get(row.gram)! + 1]!++;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const ordered = new Array<PostingRow>(rows.length);
  for (const row of rows) ordered[starts[rank.get(row.gram)!]!++] = row;
  return ordered;
}

async function deleteLists(db: Kysely<Database>, kind: ItemKind, year: number, grams: readonly string[]): Promise<void> {
  for (let i = 0; i < grams.length; i += READ_CHUNK) {
    await db
      .deleteFrom('search_postings')
      .where('item_kind', '=', kind)
      .where('year', '=', year)
      .where('gram', 'in', grams.slice(i, i + READ_CHUNK))
      .execute();
  }
}

/** What is stored of the grams among `years` (the combined rows and those of the years changed), by gram. */
async function readStored(db: Kysely<Database>, kind: ItemKind, grams: readonly string[], years: readonly number[]): Promise<Map<string, StoredGram>> {
  const stored = new Map<string, { combined?: Uint8Array; own: Map<number, Uint8Array> }>();
  const rows = await db
    .selectFrom('search_postings')
    .select(['gram', 'year', 'ids'])
    .where('item_kind', '=', kind)
    .where('gram', 'in', grams)
    .$if(years.length <= YEAR_LIST_LIMIT, (q) => q.where('year', 'in', years))
    .execute();
  const wanted = new Set(years);
  for (const row of rows) {
    if (!wanted.has(row.year)) continue;
    let gram = stored.get(row.gram);
    if (!gram) stored.set(row.gram, (gram = { own: new Map() }));
    if (row.year === COMBINED_YEAR) gram.combined = row.ids;
    else gram.own.set(row.year, row.ids);
  }
  return stored;
}

/** What the index holds of an item: its year and normalized text. */
export interface IndexedState {
  year: number;
  searchText: string | null;
}

const ITEM_TABLE = { event: 'events', record: 'photo_records' } as const;

/** The item's year and stored search text, read before an edit so that its old grams can be taken out. */
export async function indexedStateOf(db: Kysely<Database>, kind: ItemKind, id: number): Promise<IndexedState | undefined> {
  const row =
    kind === 'event'
      ? await db.selectFrom('events').select(['year', 'text', 'search_text']).where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('photo_records').select(['year', 'caption as text', 'search_text']).where('id', '=', id).executeTakeFirst();
  return row ? { year: row.year, searchText: normalizedOf(row.text, row.search_text) } : undefined;
}

/**
 * Brings one edited item into the index: takes out what `before` held, stores the item's normalized text, and
 * indexes it again if the public can see it (the item and its partnership published). A deleted item (no row)
 * is only taken out. The public search reads only this index, so drafts never show there.
 */
export async function reindexItem(db: Kysely<Database>, kind: ItemKind, id: number, before: IndexedState | undefined): Promise<void> {
  const batch = new SearchIndexBatch();
  if (before?.searchText) batch.remove(kind, id, before.year, before.searchText);
  const row =
    kind === 'event'
      ? await db.selectFrom('events').select(['year', 'text', 'status', 'partnership_id']).where('id', '=', id).executeTakeFirst()
      : await db.selectFrom('photo_records').select(['year', 'caption as text', 'status', 'partnership_id']).where('id', '=', id).executeTakeFirst();
  if (row) {
    const normalized = searchableText(row.text, await translationsOfItem(db, kind, id));
    await db.updateTable(ITEM_TABLE[kind]).set({ search_text: searchTextColumn(row.text, normalized) }).where('id', '=', id).execute();
    const partnership = await db.selectFrom('partnerships').select('status').where('id', '=', row.partnership_id).executeTakeFirst();
    if (row.status === 'published' && partnership?.status === 'published') batch.add(kind, id, row.year, normalized);
  }
  await batch.flush(db);
}

/** Every item of a partnership indexed again, after its status changed or before it is deleted (`remove`). */
export async function reindexPartnershipItems(db: Kysely<Database>, partnershipId: number, options: { remove?: boolean } = {}): Promise<void> {
  for (const kind of ['event', 'record'] as const) {
    const rows = await db.selectFrom(ITEM_TABLE[kind]).select('id').where('partnership_id', '=', partnershipId).execute();
    for (const { id } of rows) {
      const before = await indexedStateOf(db, kind, id);
      if (options.remove) {
        const batch = new SearchIndexBatch();
        if (before?.searchText) batch.remove(kind, id, before.year, before.searchText);
        await batch.flush(db);
      } else {
        await reindexItem(db, kind, id, before);
      }
    }
  }
}

/** One item's stored translations, in TRANSLATION_LOCALES order (the part of its searchable text after its own). */
export async function translationsOfItem(db: Kysely<Database>, kind: ItemKind, id: number): Promise<Translations> {
  const rows = await db.selectFrom('translations').select(['locale', 'text']).where('item_kind', '=', kind).where('item_id', '=', id).execute();
  const found: Translations = {};
  for (const locale of TRANSLATION_LOCALES) {
    const row = rows.find((r) => r.locale === locale);
    if (row) found[locale] = row.text;
  }
  return found;
}

/** Whether the index holds no rows at all (a store's first import). */
export async function indexIsEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('search_postings').select('gram').limit(1).executeTakeFirst()) === undefined;
}
