import type { Agreement } from './agreement.js';
import type { Diagnostic } from './diagnostic.js';
import { analyzeRecord } from './knowledge.js';
import { NO_DECISIONS, type OrganizationDecisions } from './organization.js';
import type { Partnership } from './partnership.js';
import type { PlaceNames } from './place-name.js';
import { TRANSLATION_LOCALES, type Translations } from './translation.js';

/** Koryu's interchange format, `koryu/1` (docs/format.md): what `parse` prints, `export` writes and `import` reads. */
export const KORYU_FORMAT = 'koryu/1';

/** An organisation as koryu/1 carries it: its events by partner, year and index in that partnership's events. */
export interface KoryuOrganization {
  name: string;
  aliases: string[];
  events: { partner: string; year: number; event: number }[];
}

export interface KoryuDocument {
  format: typeof KORYU_FORMAT;
  partnerships: (Partnership & { agreements: Agreement[] })[];
  /** Derived from the event texts and the editors' decisions; a reader recomputes them from the events. */
  organizations: KoryuOrganization[];
  /** Names of the homes and partners in the readers' languages, by the name the record writes; absent when none has one. */
  names?: Record<string, Translations>;
  diagnostics: Diagnostic[];
}

/** The document with its keys in the documented order, so that equal data serialises to equal bytes. */
export function toKoryuDocument(
  partnerships: readonly Partnership[],
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

/** One partnership as koryu/1 carries it, with its agreements. */
export function koryuPartnership(p: Partnership, agreements: readonly Agreement[]): KoryuDocument['partnerships'][number] {
  return {
    home: p.home,
    partner: p.partner,
    kind: p.kind,
    affiliatedOn: p.affiliatedOn,
    noExchangeYears: [...p.noExchangeYears],
    events: p.events.map((e) => ({
      year: e.year,
      date: e.date,
      direction: e.direction,
      text: e.text,
      ...translationsOf(e.translations),
      line: e.line,
    })),
    records: p.records.map((r) => ({ year: r.year, caption: r.caption, ...translationsOf(r.translations), event: r.event, line: r.line })),
    agreements: agreements.map((a) => ({ year: a.year, title: a.title, parties: [...a.parties], event: a.event })),
  };
}

/** One organisation as koryu/1 carries it: where each event naming it is. */
export function koryuOrganization(o: { name: string; aliases: readonly string[]; mentions: readonly { partner: string; year: number; event: number }[] }): KoryuOrganization {
  return { name: o.name, aliases: [...o.aliases], events: o.mentions.map((m) => ({ partner: m.partner, year: m.year, event: m.event })) };
}

/** `{ translations }` with the non-blank translations in locale order, or nothing when there are none. */
function translationsOf(t: Translations | undefined): { translations?: Translations } {
  const entries = TRANSLATION_LOCALES.flatMap((locale) => {
    const text = t?.[locale];
    return typeof text === 'string' && text.trim() !== '' ? [[locale, text] as const] : [];
  });
  return entries.length === 0 ? {} : { translations: Object.fromEntries(entries) };
}
