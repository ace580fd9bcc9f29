import type { Direction } from './direction.js';
import type { ExchangeEvent } from './partnership.js';
import type { Translations } from './translation.js';
import { collectNames, suggestAliases } from './organization.recognize.js';

export type EntityKind = 'organization' | 'office';

/** What editors decided about organisations; the store keeps it. */
export interface OrganizationDecisions {
  /** Names confirmed as entities (also names Koryu did not recognise, such as 教育プラザ富樫). */
  confirmed: readonly { name: string; kind: EntityKind }[];
  /** Names that are not organisations (a recognised name that is wrong). */
  rejected: readonly string[];
  /** Another way of writing a name: `alias` is `name`. */
  aliases: readonly { alias: string; name: string }[];
}

export const NO_DECISIONS: OrganizationDecisions = { confirmed: [], rejected: [], aliases: [] };

/** One event naming an organisation. */
export interface Mention {
  home: string;
  partner: string;
  /** The partnership's id when it is stored. */
  partnershipId: number | null;
  year: number;
  direction: Direction;
  /** Index of the event in the partnership's events. */
  event: number;
  /** The event's id when it is stored. */
  eventId: number | null;
  text: string;
  /** The event's text in other languages, where translated. */
  translations?: Translations;
  /** How the event writes the name (the name itself or one of its aliases). */
  written: string;
}

export interface Organization {
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** `suggested` until an editor confirms it. */
  status: 'suggested' | 'confirmed';
  mentions: Mention[];
}

/** A partnership as parsed or as stored (with ids). */
export interface AnyPartnership {
  id?: number;
  home: string;
  partner: string;
  events: readonly (ExchangeEvent & { id?: number })[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The names of the record's organisations and office holders, grouped, before any event is matched to them. */
export interface OrganizationNames {
  /** Each name with its aliases. */
  groups: Map<string, string[]>;
  kinds: Map<string, EntityKind>;
  /** The names an editor confirmed. */
  confirmed: Set<string>;
  /** Every written form (names and aliases) to the name it stands for. */
  canonicalOf: Map<string, string>;
  /** Every written form, longest first: as namesIn wants them. */
  written: string[];
}

/**
 * The names Koryu recognises in `texts` (all the record's event texts, in the record's order), grouped with their
 * aliases and corrected by the editors' decisions: the first half of findOrganizations, which then reads every
 * text for the names. Alone it tells what an organisation is called without matching every text.
 */
export function organizationNames(texts: readonly string[], decisions: OrganizationDecisions = NO_DECISIONS): OrganizationNames {
  const reader = new OrganizationNameReader();
  for (const text of texts) reader.read(text);
  return reader.names(decisions);
}

/**
 * organizationNames a text at a time, for a record too large to hold: it keeps the names recognised, not the
 * texts.
 */
export class OrganizationNameReader {
  private readonly organizations = new Set<string>();
  /** Office holders' written names, in the order first met. */
  private readonly offices = new Set<string>();

  /**
   * Reads one text, or several joined by any character that is not a kanji (a line break): names are read within
   * runs of kanji, so the names of joined texts are the names of each.
   */
  read(text: string): void {
    collectNames(text, this.organizations, this.offices);
  }

  /** Takes in the names another reader read, as if this one had read its texts after its own. */
  add(other: OrganizationNameReader): void {
    for (const name of other.organizations) this.organizations.add(name);
    for (const name of other.offices) this.offices.add(name);
  }

  /** The names read so far, grouped and corrected as organizationNames gives them. */
  names(decisions: OrganizationDecisions = NO_DECISIONS): OrganizationNames {
    return groupNames([...this.organizations], this.offices, decisions);
  }
}

function groupNames(organizations: readonly string[], offices: Iterable<string>, decisions: OrganizationDecisions): OrganizationNames {
  const groups = suggestAliases(organizations);
  const kinds = new Map<string, EntityKind>([...groups.keys()].map((n) => [n, 'organization']));
  for (const written of offices) {
    if (!groups.has(written)) groups.set(written, []);
    kinds.set(written, 'office');
  }

  const rejected = new Set(decisions.rejected);
  const confirmed = new Set(decisions.confirmed.map((c) => c.name));
  const removeEverywhere = (name: string) => {
    groups.delete(name);
    for (const aliases of groups.values()) {
      const i = aliases.indexOf(name);
      if (i >= 0) aliases.splice(i, 1);
    }
  };
  for (const c of decisions.confirmed) {
    removeEverywhere(c.name);
    groups.set(c.name, []);
    kinds.set(c.name, c.kind);
  }
  for (const { alias, name } of decisions.aliases) {
    if (alias === name) continue;
    const moved = groups.get(alias) ?? [];
    removeEverywhere(alias);
    if (!groups.has(name)) {
      groups.set(name, []);
      kinds.set(name, kinds.get(alias) ?? 'organization');
    }
    const target = groups.get(name)!;
    for (const a of [alias, ...moved]) if (a !== name && !target.includes(a)) target.push(a);
  }
  for (const name of rejected) removeEverywhere(name);

  const canonicalOf = new Map<string, string>();
  for (const [name, aliases] of groups) {
    canonicalOf.set(name, name);
    for (const a of aliases) canonicalOf.set(a, name);
  }
  const written = [...canonicalOf.keys()].sort((a, b) => b.length - a.length || byCodePoint(a, b));
  return { groups, kinds, confirmed, canonicalOf, written };
}

/**
 * The organisations and office holders of the record: Koryu's suggestions from the event texts, corrected by the
 * editors' decisions, each with the events that name it under any of its names. Names nobody mentions are left
 * out unless an editor confirmed them. Ordered by the number of events, then by name.
 */
export function findOrganizations(partnerships: readonly AnyPartnership[], decisions: OrganizationDecisions = NO_DECISIONS): Organization[] {
  const names = organizationNames(
    partnerships.flatMap((p) => p.events.map((e) => e.text)),
    decisions,
  );
  const mentions = new OrganizationMentions<Mention>(names, (p, e, index, written) => ({
    home: p.home,
    partner: p.partner,
    partnershipId: p.id ?? null,
    year: e.year,
    direction: e.direction,
    event: index,
    eventId: e.id ?? null,
    text: e.text,
    ...(e.translations ? { translations: e.translations } : {}),
    written,
  }));
  for (const p of partnerships) mentions.add(p);
  return mentions.organizations();
}

/**
 * The second half of findOrganizations, a partnership at a time: the events naming each organisation, under any
 * of its names (once an event), kept as `mention` makes them (the koryu/1 export of a country's record keeps only
 * where each is), then the organisations in findOrganizations' order.
 */
export class OrganizationMentions<M> {
  private readonly byName = new Map<string, M[]>();

  constructor(
    private readonly names: OrganizationNames,
    private readonly mention: (p: AnyPartnership, e: AnyPartnership['events'][number], index: number, written: string) => M,
  ) {}

  /** Reads one partnership's events for the names. */
  add(p: AnyPartnership): void {
    p.events.forEach((e, index) => {
      const named = new Set<string>();
      for (const w of namesIn(e.text, this.names.written)) {
        const name = this.names.canonicalOf.get(w)!;
        if (named.has(name)) continue; // an event names an organisation once, by the first of its forms found
        named.add(name);
        const list = this.byName.get(name);
        if (list) list.push(this.mention(p, e, index, w));
        else this.byName.set(name, [this.mention(p, e, index, w)]);
      }
    });
  }

  /** Every organisation and office holder named, or confirmed by an editor: by the number of events, then by name. */
  organizations(): (Omit<Organization, 'mentions'> & { mentions: M[] })[] {
    const { groups, kinds, confirmed } = this.names;
    return [...groups]
      .map(([name, aliases]) => ({
        name,
        kind: kinds.get(name) ?? ('organization' as const),
        aliases: [...aliases].sort(byCodePoint),
        status: confirmed.has(name) ? ('confirmed' as const) : ('suggested' as const),
        mentions: this.byName.get(name) ?? [],
      }))
      .filter((o) => o.mentions.length > 0 || o.status === 'confirmed')
      .sort((a, b) => b.mentions.length - a.mentions.length || byCodePoint(a.name, b.name));
  }
}

/**
 * The names a text holds, matched longest first without overlap, so that 大連工業大学 is not also read as
 * 大連工業大. `names` must be ordered longest first.
 */
export function namesIn(text: string, names: readonly string[]): string[] {
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const found: { at: number; name: string }[] = [];
  for (const name of names) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(name, from);
      if (at < 0) break;
      from = at + 1;
      if (taken.slice(at, at + name.length).some(Boolean)) continue;
      for (let i = at; i < at + name.length; i++) taken[i] = true;
      found.push({ at, name });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

/** The organisation a name (or one of its aliases) stands for. */
export function findOrganization<O extends Pick<Organization, 'name' | 'aliases'>>(organizations: readonly O[], name: string): O | undefined {
  return organizations.find((o) => o.name === name) ?? organizations.find((o) => o.aliases.includes(name));
}
