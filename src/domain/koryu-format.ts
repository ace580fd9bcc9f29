import type { Agreement } from './agreement.js';
import type { Diagnostic } from './diagnostic.js';
import { analyzeRecord } from './knowledge.js';
import { NO_DECISIONS, type OrganizationDecisions } from './organization.js';
import type { ExchangeEvent, Partnership, PhotoRecord } from './partnership.js';
import type { PlaceNames } from './place-name.js';
import { TRANSLATION_LOCALES, type Translations } from './translation.js';

/** Koryu's interchange format, `koryu/1` (docs/format.md): what `parse` prints, `export` writes and `import` reads. */
export const KORYU_FORMAT = 'koryu/1';

/**
 * An organisation as koryu/1 carries it: its events by partner, year and index in that partnership's events, and
 * (a stored event) its id, which also tells apart two homes' partnerships with the same partner city.
 */
export interface KoryuOrganization {
  name: string;
  aliases: string[];
  events: { partner: string; year: number; event: number; eventId?: number }[];
}

/**
 * A stored event carries its id (that of /events/ID, /api/events/ID and the JSON-LD and Atom ids), and what points at
 * an event carries that id beside the event's index (`eventId`); a document's events have none, nor do readers
 * need them: an import matches events by what they say.
 */
export type KoryuEvent = ExchangeEvent & { id?: number };
export type KoryuRecord = PhotoRecord & { eventId?: number };
export type KoryuAgreement = Agreement & { eventId?: number };
export type KoryuPartnership = Omit<Partnership, 'events' | 'records'> & { events: KoryuEvent[]; records: KoryuRecord[]; agreements: KoryuAgreement[] };

/** What koryuPartnership reads: a partnership whose events may be stored ones, with their ids. */
export type IdentifiedPartnership = Omit<Partnership, 'events'> & { events: (ExchangeEvent & { id?: number })[] };

export interface KoryuDocument {
  format: typeof KORYU_FORMAT;
  partnerships: KoryuPartnership[];
  /** Derived from the event texts and the editors' decisions; a reader recomputes them from the events. */
  organizations: KoryuOrganization[];
  /** Names of the homes and partners in the readers' languages, by the name the record writes; absent when none has one. */
  names?: Record<string, Translations>;
  diagnostics: Diagnostic[];
}

/** The document with its keys in the documented order, so that equal data serialises to equal bytes. */
export function toKoryuDocument(
  partnerships: readonly IdentifiedPartnership[],
  diagnostics: readonly Diagnostic[] = [],
  decisions: OrganizationDecisions = NO_DECISIONS,
  places?: PlaceNames,
): KoryuDocument {
  const knowledge = analyzeRecord(partnerships, decisions);
  const names = koryuNames(places, partnerships);
  return {
    format: KORYU_FORMAT,
    partnerships: partnerships.map((p, i) => koryuPartnership(p, knowledge.agreements[i] ?? [])),
    organizations: knowledge.organizations.filter((o) => o.kind === 'organization').map(koryuOrganization),
    ...(names ? { names } : {}),
    diagnostics: diagnostics.map((d) => ({ line: d.line, code: d.code, severity: d.severity, message: d.message, excerpt: d.excerpt })),
  };
}

/**
 * The `names` of a document of these partnerships: the translations of their homes and partners, in code-point
 * order of the names, each with its non-blank locales in order; undefined when none has one (the key is left out).
 */
export function koryuNames(places: PlaceNames | undefined, partnerships: Iterable<Pick<Partnership, 'home' | 'partner'>>): Record<string, Translations> | undefined {
  if (!places || places.size === 0) return undefined;
  const named = new Set<string>();
  for (const p of partnerships) named.add(p.home).add(p.partner);
  const entries = [...named]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((name) => {
      const t = translationsOf(places.get(name)).translations;
      return t ? [[name, t] as const] : [];
    });
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** One partnership as koryu/1 carries it, with its agreements; the stored events' ids where it has them. */
export function koryuPartnership(p: IdentifiedPartnership, agreements: readonly Agreement[]): KoryuPartnership {
  const eventId = (index: number | null): { eventId?: number } => {
    const id = index === null ? undefined : p.events[index]?.id;
    return id === undefined ? {} : { eventId: id };
  };
  return {
    home: p.home,
    partner: p.partner,
    kind: p.kind,
    affiliatedOn: p.affiliatedOn,
    noExchangeYears: [...p.noExchangeYears],
    events: p.events.map((e) => ({
      ...(e.id === undefined ? {} : { id: e.id }),
      year: e.year,
      date: e.date,
      direction: e.direction,
      text: e.text,
      ...translationsOf(e.translations),
      line: e.line,
    })),
    records: p.records.map((r) => ({ year: r.year, caption: r.caption, ...translationsOf(r.translations), event: r.event, ...eventId(r.event), line: r.line })),
    agreements: agreements.map((a) => ({ year: a.year, title: a.title, parties: [...a.parties], event: a.event, ...eventId(a.event) })),
  };
}

/** One organisation as koryu/1 carries it: where each event naming it is. */
export function koryuOrganization(o: { name: string; aliases: readonly string[]; mentions: readonly { partner: string; year: number; event: number; eventId?: number | null }[] }): KoryuOrganization {
  return {
    name: o.name,
    aliases: [...o.aliases],
    events: o.mentions.map((m) => ({ partner: m.partner, year: m.year, event: m.event, ...(m.eventId === undefined || m.eventId === null ? {} : { eventId: m.eventId }) })),
  };
}

/** `{ translations }` with the non-blank translations in locale order, or nothing when there are none. */
function translationsOf(t: Translations | undefined): { translations?: Translations } {
  const entries = TRANSLATION_LOCALES.flatMap((locale) => {
    const text = t?.[locale];
    return typeof text === 'string' && text.trim() !== '' ? [[locale, text] as const] : [];
  });
  return entries.length === 0 ? {} : { translations: Object.fromEntries(entries) };
}
