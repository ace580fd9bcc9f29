import { findAgreements, type Agreement } from './agreement.js';
import { findOrganization, findOrganizations, namesIn, NO_DECISIONS, type Organization, type OrganizationDecisions } from './organization.js';
import type { Partnership } from './partnership.js';

/** A function giving the canonical names of the organisations (not office holders) a text names, in order. */
export type OrganizationsIn = (text: string) => string[];

/** Reads texts for the names (and aliases) of the given organisations. */
export function organizationReader(organizations: readonly Pick<Organization, 'name' | 'kind' | 'aliases'>[]): OrganizationsIn {
  const orgs = organizations.filter((o) => o.kind === 'organization');
  const names = orgs.flatMap((o) => [o.name, ...o.aliases]).sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  return (text) => [...new Set(namesIn(text, names).map((n) => findOrganization(orgs, n)?.name ?? n))];
}

/** What the record knows beyond its texts: its organisations, and the agreements of each partnership (in the given order). */
export interface RecordKnowledge {
  organizations: Organization[];
  agreements: Agreement[][];
}

export function analyzeRecord(partnerships: readonly Partnership[], decisions: OrganizationDecisions = NO_DECISIONS): RecordKnowledge {
  const organizations = findOrganizations(partnerships, decisions);
  const reader = organizationReader(organizations);
  return { organizations, agreements: partnerships.map((p) => findAgreements(p, reader)) };
}

/**
 * The partnership with only the events `keep` accepts, the records showing one of them (re-pointed at the kept
 * events' new indices) and no no-exchange years: what a page shows when narrowed to an organisation or a field.
 */
export function narrowPartnership<P extends Partnership>(p: P, keep: (index: number) => boolean): P {
  const newIndex = new Map<number, number>();
  const events = p.events.filter((_e, i) => {
    if (!keep(i)) return false;
    newIndex.set(i, newIndex.size);
    return true;
  });
  const records = p.records.filter((r) => r.event !== null && newIndex.has(r.event)).map((r) => ({ ...r, event: newIndex.get(r.event!)! }));
  return { ...p, events, records, noExchangeYears: [] };
}
