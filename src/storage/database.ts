import type { Generated, Kysely } from 'kysely';
import type { TranslationLocale } from '../domain/translation.js';

// Dates and timestamps are ISO text and booleans are 0/1 integers on every database.

export interface PartnershipTable {
  id: Generated<number>;
  home: string;
  partner: string;
  kind: string;
  affiliated_on: string | null;
  /** File name of the last import that changed the partnership; null when never imported. */
  source: string | null;
  created_at: string;
  updated_at: string;
  /** 'draft' or 'published' (migration 2026112602-editing); the public site shows published rows only. */
  status: Generated<string>;
  /** Raised by one on every change; an edit names the version it was made on. */
  version: Generated<number>;
}

/** Holds at least every no-exchange mark (no_exchange = 1); rows with 0 are allowed and mean nothing more. */
export interface ExchangeYearTable {
  partnership_id: number;
  year: number;
  no_exchange: number;
}

export interface EventTable {
  id: Generated<number>;
  partnership_id: number;
  /** Order within the partnership, from 0. */
  position: number;
  year: number;
  date: string | null;
  direction: string;
  text: string;
  /** normalizeForSearch(text) where it differs from the text, else null (search-text.column.ts). */
  search_text: string | null;
  line: number | null;
  created_at: string;
  updated_at: string;
  status: Generated<string>;
  version: Generated<number>;
  /** The event's fields of exchange, a bit each (1 << index in EXCHANGE_FIELDS); null: none stored. 0: an editor's "no field". */
  fields: number | null;
  fields_source: 'suggested' | 'editor' | null;
}

export interface PhotoRecordTable {
  id: Generated<number>;
  partnership_id: number;
  position: number;
  year: number;
  caption: string;
  /** normalizeForSearch(caption) where it differs from the caption, else null; see EventTable.search_text. */
  search_text: string | null;
  event_id: number | null;
  line: number | null;
  photo: string | null;
  created_at: string;
  updated_at: string;
  status: Generated<string>;
  version: Generated<number>;
}

export interface ImportTable {
  id: Generated<number>;
  source: string;
  home: string;
  partner: string;
  imported_at: string;
  added_events: number;
  changed_events: number;
  removed_events: number;
  added_records: number;
  changed_records: number;
  removed_records: number;
  /** The account that imported (web imports); null for the command line and imports logged before it was kept. */
  actor: string | null;
  /** This row logs the undo of that import (imports.id); null for an import. */
  undoes: number | null;
  /** The row (imports.id) that undid this import; null while it stands. */
  undone_by: number | null;
  /** Where the partnership's items stood before the import (ImportProvenance as JSON), for its undo; null when it created the partnership. */
  kept: string | null;
}

/** The ids of the events or records (item_kind) of one year whose normalized text holds the gram; see search.postings.ts. */
export interface SearchPostingTable {
  gram: string;
  item_kind: 'event' | 'record';
  year: number;
  /** Ascending ids as varint gaps (encodePostings). */
  ids: Uint8Array;
  /** How many ids `ids` holds: a total is the sum of these, with no list decoded. */
  n: number;
}

/** One translation of one event's text or record's caption; at most one per item and locale. */
export interface TranslationTable {
  item_kind: 'event' | 'record';
  /** events.id or photo_records.id, as item_kind says. */
  item_id: number;
  locale: TranslationLocale;
  text: string;
  updated_at: string;
}

/** One change of one partnership, event or photo record; `before`/`after` are JSON snapshots (null when absent). */
export interface HistoryTable {
  id: Generated<number>;
  item_kind: 'partnership' | 'event' | 'record';
  item_id: number;
  partnership_id: number;
  /** The item's version after the change (for a deletion, the version it would have had). */
  version: number;
  action: 'create' | 'update' | 'delete' | 'restore' | 'import';
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
  /** A deleted event's place in its year (EventPlace as JSON); null for other entries. */
  place: string | null;
  /** The logged import (imports.id) this entry is part of: an import's entries, and those of its undo. */
  import_id: number | null;
  /** What an undo gives back beside the snapshot (KeptExtras as JSON), on an import's changed and removed items. */
  kept: string | null;
  /** On the entries an undo wrote (a `delete` or `restore`), the import (imports.id) it undid; null otherwise. */
  undoes: number | null;
}

/** A staff account; `password_hash` is `scrypt$N$r$p$salt$hash` (see services/password.hasher.ts). */
export interface AccountTable {
  id: Generated<number>;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/** A signed-in session; `token_hash` is the hex SHA-256 of the cookie's value. */
export interface SessionTable {
  token_hash: string;
  account_id: number;
  created_at: string;
  expires_at: string;
}

/** One failed sign-in, counted against an account name and against an address. */
export interface LoginFailureTable {
  id: Generated<number>;
  scope: 'account' | 'address';
  key: string;
  failed_at: string;
}

/** An editor's decision about a name: an organisation (or office holder) confirmed, or a suggestion rejected. */
export interface OrganizationDecisionTable {
  name: string;
  decision: 'confirmed' | 'rejected';
  kind: 'organization' | 'office';
  updated_at: string;
}

/** `alias` is another way of writing the organisation `name`. */
export interface OrganizationAliasTable {
  alias: string;
  name: string;
  updated_at: string;
}

/** How sure Koryu is of a photo record's link (photo_records.event_id), and whether an editor confirmed it. */
export interface PhotoLinkTable {
  record_id: number;
  confidence: number;
  confirmed: number;
  updated_at: string;
}

/** One translation of one place name (a home or a partner city as the record writes it); at most one per name and locale. */
export interface PlaceNameTable {
  name: string;
  locale: TranslationLocale;
  text: string;
  updated_at: string;
  /** The account that set it on the staff page; null when an import did. */
  updated_by: string | null;
}

/** One row (id 1): the generation every write transaction advances (generation.repository.ts). */
export interface StoreGenerationTable {
  id: number;
  generation: number;
}

export interface Database {
  partnerships: PartnershipTable;
  exchange_years: ExchangeYearTable;
  events: EventTable;
  photo_records: PhotoRecordTable;
  imports: ImportTable;
  search_postings: SearchPostingTable;
  translations: TranslationTable;
  accounts: AccountTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  history: HistoryTable;
  organization_decisions: OrganizationDecisionTable;
  organization_aliases: OrganizationAliasTable;
  photo_links: PhotoLinkTable;
  store_generation: StoreGenerationTable;
  place_names: PlaceNameTable;
}

/** What differs between the databases; queries never ask which database they run on. */
export interface StoreCapabilities {
  /** How generated integer ids are declared: SQLite's `autoincrement` (ids never reused) or an identity column. */
  idGeneration: 'autoincrement' | 'identity';
  /** Collation given to text columns that lists are ordered by, so both databases order by code point; null keeps the default. */
  textCollation: string | null;
  /** The column type of binary values: SQLite's `blob`, PostgreSQL's `bytea`. */
  binaryType: 'blob' | 'bytea';
}

export const DEFAULT_CAPABILITIES: Readonly<StoreCapabilities> = {
  idGeneration: 'autoincrement',
  textCollation: null,
  binaryType: 'blob',
};

/** How a bulk-written column is typed (PostgreSQL casts each column's array to it). */
export type BulkColumnType = 'integer' | 'text' | 'real' | 'binary';

/** A column of a bulk insert: its name and type. */
export type BulkColumn = readonly [name: string, type: BulkColumnType];

/**
 * Inserts many rows of one table at once, inside the transaction `db` (the store's own connection on SQLite,
 * which has only one): prepared multi-row statements on SQLite, a binary `copy … from stdin` on PostgreSQL
 * (postgres/copy.ts). Each row holds its values in `columns` order.
 */
export interface BulkWriter {
  /**
   * Partnerships whose rows an import builds before it hands them to `insert`. SQLite writes rows as they are
   * handed over, so a few partnerships at a time keep them short-lived; PostgreSQL writes one step while the next
   * is built, and each step costs its statements' round trips.
   */
  readonly partnershipsPerStep: number;
  /** Writes the rows; the promise settles when they are written (queries of one transaction run in order). */
  insert(db: Kysely<Database>, table: keyof Database, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /**
   * Takes `count` ids of a table whose integer primary key `id` the database generates, ascending: the ids rows
   * inserted one by one would get. The caller inserts rows with them (an `id` column) before taking more.
   */
  reserveIds(db: Kysely<Database>, table: keyof Database, count: number): Promise<number[]>;
  /**
   * For an exclusive bulk load, first thing in its transaction (before it reads any of `tables`): lifts the foreign
   * keys of `tables` until the returned function puts them back, which checks every row against each reference in
   * one pass and throws (so the transaction rolls back) if any row breaks one. On PostgreSQL no other session can
   * read or write those tables (nor the ones they reference) until the transaction ends; StoreUnavailable when
   * others keep using them.
   */
  suspendReferences(db: Kysely<Database>, tables: readonly (keyof Database)[]): Promise<() => Promise<void>>;
  /**
   * Before an exclusive bulk load's transaction, outside it: lets the database write the load's pages once, where it
   * would write them twice (SQLite's write-ahead log, then the file). Only when nothing else has the store open;
   * otherwise it changes nothing. The returned function, called after the transaction whatever its outcome, puts the
   * store back as it was.
   */
  writeOnce(db: Kysely<Database>): Promise<() => Promise<void>>;
}

export interface Store {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  capabilities: StoreCapabilities;
  /** Bulk inserts (the import of partnerships not stored yet); every other write goes through Kysely. */
  bulk: BulkWriter;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. It advances the store's generation. */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on the store as it was when this was called: every read through the store `fn` is given sees that
   * moment, whatever is written meanwhile, and writes through it fail. Writers and other readers do not wait for
   * it, except on an in-memory SQLite store (one connection), where it holds the others back until it ends.
   */
  snapshot<T>(fn: (reader: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The database file of a SQLite store (for its online backup); undefined in memory and on PostgreSQL. */
  file?: string;
  /** The PostgreSQL schema holding the store's tables; undefined on SQLite. */
  schema?: string;
}
