import { similarPartnerNames } from '../domain/partner-name.js';
import type { ChangeSummary } from '../domain/partnership.js';
import type { Store } from '../storage/database.js';
import { findPartnerNames } from '../storage/partnership.repository.js';

/** A partnership an import creates beside stored ones of the same home that probably name the same place. */
export interface SimilarPartner {
  home: string;
  partner: string;
  stored: string[];
}

/**
 * The partnerships an import creates (or, in a dry run, would create) whose partner name probably duplicates another
 * stored partner of the same home (大連 beside 大連市, see probablySamePlace). Read after the import or its dry run:
 * the partnership created is among the stored names, and is not its own duplicate. The web preview warns of them
 * before an import is confirmed, and `koryu import` (with --dry-run too) after its report.
 */
export async function similarPartners(store: Store, changes: readonly ChangeSummary[]): Promise<SimilarPartner[]> {
  const out: SimilarPartner[] = [];
  const storedOf = new Map<string, string[]>();
  for (const s of changes.filter((c) => c.created)) {
    if (!storedOf.has(s.home)) storedOf.set(s.home, await findPartnerNames(store.db, s.home));
    const stored = similarPartnerNames(s.partner, storedOf.get(s.home)!);
    if (stored.length > 0) out.push({ home: s.home, partner: s.partner, stored });
  }
  return out;
}
