import type { PartnershipTotals, StoredPartnership } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import type { ExportContext } from '../exports/exporter.js';
import { findExporter } from '../exports/exporters.js';
import type { Store } from '../storage/database.js';
import { loadOrganizationDecisions } from '../storage/knowledge.repository.js';
import { findPlaceNames } from '../storage/place-name.repository.js';
import { GenerationCache } from './generation.cache.js';
import { countStore, findPartnershipIdOfEvent, findPartnerships, findPartnershipTotals } from '../storage/partnership.repository.js';

export interface RecordFilter {
  home?: string;
  partner?: string;
  /** Include drafts (the staff area); without it only published items are listed. */
  drafts?: boolean;
}

/** The partnerships the store holds, in order; with a partner named, that partnership or PartnershipNotFound. */
export async function listPartnerships(store: Store, filter: RecordFilter = {}): Promise<StoredPartnership[]> {
  const found = await findPartnerships(store.db, filter);
  if (filter.partner !== undefined && found.length === 0) {
    const homes = filter.home === undefined ? [] : (await findPartnerships(store.db, { partner: filter.partner })).map((p) => p.home);
    const elsewhere = homes.length === 0 ? '' : ` ${filter.partner} is a partner of ${homes.join(', ')}: name one with --home.`;
    throw new KoryuError('PartnershipNotFound', `No partnership ${filter.home === undefined ? '' : `of ${filter.home} `}with ${filter.partner} is in the record.${elsewhere}`);
  }
  return found;
}

/**
 * The published partnerships in order, each with its totals, counted by the database without reading the events,
 * and kept while the store is unchanged: at a million events the counting takes some 170 ms, for every page of
 * /api/partnerships.
 */
export function listPartnershipTotals(store: Store): Promise<readonly PartnershipTotals[]> {
  return partnershipTotals.get(store, 'all', () => findPartnershipTotals(store.db));
}

const partnershipTotals = new GenerationCache<readonly PartnershipTotals[]>(1);

/** The published partnerships of these ids, in the record's order. */
export function listPublishedPartnerships(store: Store, ids: readonly number[]): Promise<StoredPartnership[]> {
  return findPartnerships(store.db, { ids });
}

/** The record (or one partnership of it) in a text export format (binary formats: export.service.ts exportFiles). */
export async function exportRecord(store: Store, format: string, filter: RecordFilter = {}, context: ExportContext = {}): Promise<string> {
  const exporter = findExporter(format);
  if (!exporter) throw new KoryuError('UsageError', `Unknown export format "${format}".`);
  const body = await exporter.write(await listPartnerships(store, filter), { decisions: await loadOrganizationDecisions(store.db), names: await findPlaceNames(store.db), ...context });
  if (typeof body !== 'string') throw new KoryuError('UsageError', `${format} is not a text format.`);
  return body;
}

export async function isStoreEmpty(store: Store): Promise<boolean> {
  return (await countStore(store.db)).partnerships === 0;
}

/** The published partnership with this id, read alone; PartnershipNotFound otherwise. */
export async function findPublishedPartnership(store: Store, id: number): Promise<StoredPartnership> {
  const [found] = Number.isSafeInteger(id) && id > 0 ? await findPartnerships(store.db, { id }) : [];
  if (!found) throw new KoryuError('PartnershipNotFound', 'No such partnership.');
  return found;
}

/** The event with this id and the partnership holding it (`index` is its position in `partnership.events`); EventNotFound otherwise. */
export async function findEvent(store: Store, id: number): Promise<{ partnership: StoredPartnership; index: number }> {
  const partnershipId = Number.isSafeInteger(id) && id > 0 ? await findPartnershipIdOfEvent(store.db, id) : undefined;
  const [partnership] = partnershipId === undefined ? [] : await findPartnerships(store.db, { id: partnershipId });
  const index = partnership ? partnership.events.findIndex((e) => e.id === id) : -1;
  if (!partnership || index < 0) throw new KoryuError('EventNotFound', 'No such event.');
  return { partnership, index };
}
