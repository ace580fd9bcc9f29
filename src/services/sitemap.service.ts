import type { Store } from '../storage/database.js';
import { findPartnershipNames } from '../storage/partnership.repository.js';

/** The ids of the published partnerships of every home municipality, in the record's order: one query, no events read. */
export async function listPublishedPartnershipIds(store: Store): Promise<number[]> {
  return (await findPartnershipNames(store.db)).map((p) => p.id);
}
