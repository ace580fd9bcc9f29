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
  /** normalizeForSearch(text); null only for rows older than the search migration until their first save. */
  search_text: string | null;
  line: number | null;
  created_at: string;
  updated_at: string;
}

export interface PhotoRecordTable {
  id: Generated<number>;
  partnership_id: number;
  position: number;
  year: number;
  caption: string;
  /** normalizeForSearch(caption); see EventTable.search_text. */
  search_text: string | null;
  event_id: number | null;
  line: number | null;
  photo: string | null;
  created_at: string;
  updated_at: string;
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
}

/** One gram (see gramsOf) of one event's text or record's caption. */
export interface SearchGramTable {
  gram: string;
  item_kind: 'event' | 'record';
  item_id: number;
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

/** The fields of exchange of an event; an editor's set replaces the suggested one ('none' marks an editor's empty set). */
export interface EventFieldTable {
  event_id: number;
  field: string;
  source: 'suggested' | 'editor';
}

/** How sure Koryu is of a photo record's link (photo_records.event_id), and whether an editor confirmed it. */
export interface PhotoLinkTable {
  record_id: number;
  confidence: number;
  confirmed: number;
  updated_at: string;
}

export interface Database {
  partnerships: PartnershipTable;
  exchange_years: ExchangeYearTable;
  events: EventTable;
  photo_records: PhotoRecordTable;
  imports: ImportTable;
  search_grams: SearchGramTable;
  translations: TranslationTable;
  organization_decisions: OrganizationDecisionTable;
  organization_aliases: OrganizationAliasTable;
  event_fields: EventFieldTable;
  photo_links: PhotoLinkTable;
}

/** What differs between the databases; queries never ask which database they run on. */
export interface StoreCapabilities {
  /** How generated integer ids are declared: SQLite's `autoincrement` (ids never reused) or an identity column. */
  idGeneration: 'autoincrement' | 'identity';
  /** Collation given to text columns that lists are ordered by, so both databases order by code point; null keeps the default. */
  textCollation: string | null;
}

export const DEFAULT_CAPABILITIES: Readonly<StoreCapabilities> = {
  idGeneration: 'autoincrement',
  textCollation: null,
};

export interface Store {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  capabilities: StoreCapabilities;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
