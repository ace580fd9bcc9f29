import type { ExchangeEvent, StoredPartnership } from '../domain/partnership.js';
import { KoryuError } from '../errors.js';
import type { EventPublication, ExportBody, ExportContext, Exporter } from '../exports/exporter.js';
import { findExporter } from '../exports/exporters.js';
import type { Store } from '../storage/database.js';
import { loadOrganizationDecisions } from '../storage/knowledge.repository.js';
import { findEventPublications } from '../storage/publication.repository.js';
import { listPartnerships, type RecordFilter } from './record.service.js';

/** What the caller knows of the export's setting; the store adds what it knows of each event. */
export type ExportSettings = Omit<ExportContext, 'events'>;

/** Each stored event's id and publication time, keyed by the event object the store returned. */
export async function eventPublications(store: Store, partnerships: readonly StoredPartnership[]): Promise<Map<ExchangeEvent, EventPublication>> {
  const events = partnerships.flatMap((p) => p.events);
  const times = await findEventPublications(store.db, events.map((e) => e.id));
  const map = new Map<ExchangeEvent, EventPublication>();
  for (const e of events) map.set(e, { id: e.id, publishedAt: times.get(e.id) ?? '' });
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
  const context: ExportContext = { decisions: await loadOrganizationDecisions(store.db), ...settings, events: await eventPublications(store, partnerships) };
  const files: ExportedFile[] = [];
  for (const exporter of exporters) files.push({ exporter, body: await exporter.write(partnerships, context) });
  return files;
}

/** The record (or part of it) in one format, without companions: what one download gives. */
export async function exportOne(store: Store, format: string, filter: RecordFilter = {}, settings: ExportSettings = {}): Promise<ExportedFile> {
  const exporter = exporterFor(format);
  const partnerships = await listPartnerships(store, filter);
  const context: ExportContext = { decisions: await loadOrganizationDecisions(store.db), ...settings, events: await eventPublications(store, partnerships) };
  return { exporter, body: await exporter.write(partnerships, context) };
}
