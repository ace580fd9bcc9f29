import type { Direction } from './direction.js';
import type { ExchangeEvent } from './partnership.js';
import { recognizeOfficeHolders, recognizeOrganizations, suggestAliases } from './organization.recognize.js';

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
interface AnyPartnership {
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
  const groups = suggestAliases(texts.flatMap(recognizeOrganizations));
  const kinds = new Map<string, EntityKind>([...groups.keys()].map((n) => [n, 'organization']));
  for (const holder of texts.flatMap(recognizeOfficeHolders)) {
    if (holder.person === null) continue;
    if (!groups.has(holder.written)) groups.set(holder.written, []);
    kinds.set(holder.written, 'office');
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
  const { groups, kinds, confirmed, canonicalOf, written } = organizationNames(
    partnerships.flatMap((p) => p.events.map((e) => e.text)),
    decisions,
  );
  const mentions = new Map<string, Mention[]>();
  for (const p of partnerships) {
    p.events.forEach((e, index) => {
      for (const w of namesIn(e.text, written)) {
        const name = canonicalOf.get(w)!;
        const list = mentions.get(name) ?? [];
        if (list.some((m) => m.event === index && m.partner === p.partner && m.home === p.home)) continue;
        list.push({
          home: p.home,
          partner: p.partner,
          partnershipId: p.id ?? null,
          year: e.year,
          direction: e.direction,
          event: index,
          eventId: e.id ?? null,
          text: e.text,
          written: w,
        });
        mentions.set(name, list);
      }
    });
  }

  return [...groups]
    .map(([name, aliases]): Organization => ({
      name,
      kind: kinds.get(name) ?? 'organization',
      aliases: [...aliases].sort(byCodePoint),
      status: confirmed.has(name) ? 'confirmed' : 'suggested',
      mentions: mentions.get(name) ?? [],
    }))
    .filter((o) => o.mentions.length > 0 || o.status === 'confirmed')
    .sort((a, b) => b.mentions.length - a.mentions.length || byCodePoint(a.name, b.name));
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
export function findOrganization(organizations: readonly Organization[], name: string): Organization | undefined {
  return organizations.find((o) => o.name === name) ?? organizations.find((o) => o.aliases.includes(name));
}
