import type { Kysely } from 'kysely';
import { gramsOf, normalizeForSearch } from '../domain/search-text.js';
import type { Database } from './database.js';
import { decodePostings, encodePostings, mergePostings } from './search.postings.js';

export type ItemKind = 'event' | 'record';

/** Rows per upsert (5 parameters each) and grams per `in (…)` list: below both databases' bind limits. */
const WRITE_CHUNK = 1000;
const READ_CHUNK = 500;
/** Touching more grams of a year than this reads all of the year's lists at once. */
const WHOLE_BLOCK_READ = 2000;

interface YearChanges {
  added: Map<string, number[]>;
  removed: Map<string, Set<number>>;
}

/**
 * Changes to the search index, collected while items are written and applied by `flush` in bulk: each touched
 * (gram, year) list is read once and written once, however many items of an import touch it. The caller flushes
 * inside the transaction that wrote the items. Later calls win: adding a gram after removing it keeps it.
 */
export class SearchIndexBatch {
  private readonly changes = new Map<ItemKind, Map<number, YearChanges>>();

  /** Indexes a new item's normalized text under its year. */
  add(kind: ItemKind, id: number, year: number, normalized: string): void {
    const block = this.year(kind, year);
    for (const gram of gramsOf(normalized)) {
      block.removed.get(gram)?.delete(id);
      const ids = block.added.get(gram);
      if (ids) ids.push(id);
      else block.added.set(gram, [id]);
    }
  }

  /** Forgets an item of `year` that held `normalized` (its stored year and search_text). */
  remove(kind: ItemKind, id: number, year: number, normalized: string): void {
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
    return this.changes.size === 0;
  }

  /** Writes every collected change and starts empty again. */
  async flush(db: Kysely<Database>): Promise<void> {
    const changes = [...this.changes];
    this.changes.clear();
    for (const [kind, blocks] of changes) {
      for (const [year, change] of [...blocks].sort((a, b) => a[0] - b[0])) await applyYear(db, kind, year, change);
    }
  }

  private year(kind: ItemKind, year: number): YearChanges {
    let years = this.changes.get(kind);
    if (!years) this.changes.set(kind, (years = new Map()));
    let changes = years.get(year);
    if (!changes) years.set(year, (changes = { added: new Map(), removed: new Map() }));
    return changes;
  }
}

async function applyYear(db: Kysely<Database>, kind: ItemKind, year: number, change: YearChanges): Promise<void> {
  const grams = [...new Set([...change.added.keys(), ...change.removed.keys()])];
  const stored = await readLists(db, kind, year, grams);
  const upserts: { gram: string; item_kind: ItemKind; year: number; ids: Uint8Array; n: number }[] = [];
  const emptied: string[] = [];
  for (const gram of grams) {
    const before = stored.get(gram);
    const added = (change.added.get(gram) ?? []).sort((a, b) => a - b);
    const after = mergePostings(before ? decodePostings(before) : [], added, change.removed.get(gram) ?? new Set());
    if (after.length > 0) upserts.push({ gram, item_kind: kind, year, ids: encodePostings(after), n: after.length });
    else if (before) emptied.push(gram);
  }
  for (let i = 0; i < upserts.length; i += WRITE_CHUNK) {
    await db
      .insertInto('search_postings')
      .values(upserts.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) => oc.columns(['gram', 'item_kind', 'year']).doUpdateSet((eb) => ({ ids: eb.ref('excluded.ids'), n: eb.ref('excluded.n') })))
      .execute();
  }
  for (let i = 0; i < emptied.length; i += READ_CHUNK) {
    await db
      .deleteFrom('search_postings')
      .where('item_kind', '=', kind)
      .where('year', '=', year)
      .where('gram', 'in', emptied.slice(i, i + READ_CHUNK))
      .execute();
  }
}

async function readLists(db: Kysely<Database>, kind: ItemKind, year: number, grams: readonly string[]): Promise<Map<string, Uint8Array>> {
  const lists = new Map<string, Uint8Array>();
  const query = () => db.selectFrom('search_postings').select(['gram', 'ids']).where('item_kind', '=', kind).where('year', '=', year);
  if (grams.length > WHOLE_BLOCK_READ) {
    for (const row of await query().execute()) lists.set(row.gram, row.ids);
    return lists;
  }
  for (let i = 0; i < grams.length; i += READ_CHUNK) {
    for (const row of await query().where('gram', 'in', grams.slice(i, i + READ_CHUNK)).execute()) lists.set(row.gram, row.ids);
  }
  return lists;
}

/** What the index holds of an item: its year and normalized text as stored (null text: not indexed yet). */
export interface IndexedState {
  year: number;
  searchText: string | null;
}

const ITEM_TABLE = { event: 'events', record: 'photo_records' } as const;

/** The item's year and stored search text, read before an edit so that its old grams can be taken out. */
export async function indexedStateOf(db: Kysely<Database>, kind: ItemKind, id: number): Promise<IndexedState | undefined> {
  const row = await db.selectFrom(ITEM_TABLE[kind]).select(['year', 'search_text']).where('id', '=', id).executeTakeFirst();
  return row ? { year: row.year, searchText: row.search_text } : undefined;
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
    const normalized = normalizeForSearch(row.text);
    await db.updateTable(ITEM_TABLE[kind]).set({ search_text: normalized }).where('id', '=', id).execute();
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
