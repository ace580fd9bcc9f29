import type { PartnershipSummary } from '../domain/partnership.js';
import type { Store } from '../storage/database.js';
import { summarizePartnerships } from '../storage/partnership.repository.js';

/** The published partnerships of `home` with an exchange in `year`, in the record's order (the home page's). */
export async function partnershipsActiveIn(store: Store, home: string, year: number): Promise<PartnershipSummary[]> {
  return (await summarizePartnerships(store.db, { home })).filter((p) => p.activeYears.includes(year));
}
