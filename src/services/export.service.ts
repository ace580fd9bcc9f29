import { findPlaceNames } from '../storage/place-name.repository.js';
import type { ExchangeEvent, StoredPartnership } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import { defaultAttribution, type Licence } from '../domain/licence.js';
import type { EventPublication, ExportBody, ExportContext, Exporter } from '../exports/exporter.js';
import { findExporter } from '../exports/exporters.js';
import type { Store } from '../storage/database.js';
import { loadOrganizationDecisions } from '../storage/knowledge.repository.js';
import { findPartnerships } from '../storage/partnership.repository.js';
import { FEED_LENGTH } from '../exports/atom.js';
import { findEventPublications, findNewestPublications, findPublishedHomes } from '../storage/publication.repository.js';
import { listPartnerships, type RecordFilter } from './record.service.js';
import { GenerationCache } from './generation.cache.js';

/** What the caller knows of the export's setting; the store adds what it knows of each event. */
export type ExportSettings = Omit<ExportContext, 'events'>;

/** Each stored event's id, publication time and time of its last change, keyed by the event object the store returned. */
export async function eventPublications(store: Store, partnerships: readonly StoredPartnership[]): Promise<Map<ExchangeEvent, EventPublication>> {
  const events = partnerships.flatMap((p) => p.events);
  const times = await findEventPublications(store.db, events.map((e) => e.id));
  const map = new Map<ExchangeEvent, EventPublication>();
  for (const e of events) {
    const t = times.get(e.id);
    map.set(e, { id: e.id, publishedAt: t?.publishedAt ?? '', updatedAt: t?.updatedAt ?? '' });
  }
  return map;
}

export function exporterFor(format: string): Exporter {
  const exporter = findExporter(format);
  if (!exporter) throw new KoryuError('UsageError', `Unknown export format "${format}".`);
  return exporter;
}

/** One file of an export: the format, the bytes and the media type. */
export interface ExportedFile {
  exporter: Exporter;
  body: ExportBody;
}

/**
 * The record (or part of it) in a format, followed by the format's companions (the photo-record CSV beside the
 * event CSV). PartnershipNotFound when a named partner is not in the record; nothing is written here.
 */
export async function exportFiles(store: Store, format: string, filter: RecordFilter = {}, settings: ExportSettings = {}): Promise<ExportedFile[]> {
  const main = exporterFor(format);
  const exporters = [main, ...(main.companions ?? []).map(exporterFor)];
  const partnerships = await listPartnerships(store, filter);
  const context: ExportContext = {
    decisions: await loadOrganizationDecisions(store.db),
    names: await findPlaceNames(store.db),
    ...settings,
    ...(await recordHomes(store, main)),
    events: await eventPublications(store, partnerships),
  };
  const files: ExportedFile[] = [];
  for (const exporter of exporters) files.push({ exporter, body: await exporter.write(partnerships, context) });
  return files;
}

/** The record (or part of it) in one format, without companions: what one download gives. */
export async function exportOne(store: Store, format: string, filter: RecordFilter = {}, settings: ExportSettings = {}): Promise<ExportedFile> {
  const exporter = exporterFor(format);
  if (exporter.format === 'atom' && filter.home === undefined && filter.partner === undefined && !filter.drafts) return { exporter, body: await exportFeed(store, settings) };
  return exportPartnerships(store, exporter.format, await listPartnerships(store, filter), settings);
}

/** Partnerships already read (a download of one partnership has read it to find it) in one format. */
export async function exportPartnerships(store: Store, format: string, partnerships: readonly StoredPartnership[], settings: ExportSettings = {}): Promise<ExportedFile> {
  const exporter = exporterFor(format);
  const context: ExportContext = {
    decisions: await loadOrganizationDecisions(store.db),
    names: await findPlaceNames(store.db),
    ...settings,
    ...(await recordHomes(store, exporter)),
    ...(exporter.publications ? { events: await eventPublications(store, partnerships) } : {}),
  };
  return { exporter, body: await exporter.write(partnerships, context) };
}

/**
 * The whole record's home municipalities for a format that says what they are in a part of the record too (the
 * text layout: one partnership's download names its home when the record holds several, as the whole record's
 * file does); one query on the partnerships.
 */
async function recordHomes(store: Store, exporter: Exporter): Promise<Pick<ExportContext, 'homes'>> {
  return exporter.recordHomes ? { homes: await findPublishedHomes(store.db) } : {};
}

/**
 * The Atom feed of the whole record, as writeAtom makes it from every partnership, from the partnerships that hold
 * its newest events alone (with every publication time of theirs, so the feed's order is the record's). Kept while
 * the store is unchanged, for each setting: feed readers ask again and again, and the whole record of a country
 * (a million events) had taken 9 s to read for 50 entries.
 */
export function exportFeed(store: Store, settings: ExportSettings = {}): Promise<string> {
  // Read from one snapshot, so that an edit saved meanwhile is wholly in the feed or not at all; kept under the
  // store itself, as a snapshot's reader is another object each time.
  return feeds.get(store, JSON.stringify(settings), () => store.snapshot((reader) => writeFeed(reader, settings)));
}

async function writeFeed(store: Store, settings: ExportSettings): Promise<string> {
  const newest = await findNewestPublications(store.db, FEED_LENGTH);
  const partnerships: StoredPartnership[] = [];
  for (const id of new Set(newest.map((n) => n.partnershipId))) partnerships.push(...(await findPartnerships(store.db, { id })));
  const context: ExportContext = { ...settings, homes: await findPublishedHomes(store.db), events: await eventPublications(store, partnerships) };
  const body = await exporterFor('atom').write(partnerships, context);
  if (typeof body !== 'string') throw new KoryuError('UsageError', 'atom is not a text format.');
  return body;
}

const feeds = new GenerationCache<string>(4);

/**
 * What `serve` and `publish` tell the IT officer of a store of several home municipalities whose credit line is still
 * the default, KORYU_HOME's (金沢市 国際交流の記録): every page, PDF and download of every home would credit that one
 * home (出典, 発行). Undefined when the store holds one home or KORYU_ATTRIBUTION names another credit.
 */
export async function sharedCreditWarning(store: Store, home: string, licence: Licence): Promise<string | undefined> {
  if (licence.attribution !== defaultAttribution(home)) return undefined;
  const homes = await findPublishedHomes(store.db);
  if (homes.length < 2) return undefined;
  return (
    `Note: the record holds ${homes.length} home municipalities, and every page, PDF and download of each credits "${licence.attribution}" ` +
    `(出典, 発行; the default of KORYU_ATTRIBUTION, from KORYU_HOME). Set KORYU_ATTRIBUTION to the credit line of whoever publishes the site ` +
    `(a prefecture's: KORYU_ATTRIBUTION="石川県 県内市町の国際交流の記録"); see README, Several home municipalities.\n`
  );
}
