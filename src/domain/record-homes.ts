import { compareJapanese } from './collation.js';

/** A published partnership as a list of links names it: no details, no counts. */
export interface PartnershipName {
  id: number;
  home: string;
  partner: string;
  kind: string;
}

/** A home municipality of the record with its partnerships. */
export interface HomePartnerships {
  home: string;
  partnerships: PartnershipName[];
}

/**
 * The partnerships grouped by their home municipality: the homes in Japanese collation order, and each home's
 * partners in the same order (a reader scans both by name).
 */
export function groupByHome(partnerships: readonly PartnershipName[]): HomePartnerships[] {
  const homes = new Map<string, PartnershipName[]>();
  for (const p of partnerships) homes.set(p.home, [...(homes.get(p.home) ?? []), p]);
  return [...homes]
    .sort(([a], [b]) => compareJapanese(a, b))
    .map(([home, own]) => ({ home, partnerships: own.sort((a, b) => compareJapanese(a.partner, b.partner) || a.id - b.id) }));
}
