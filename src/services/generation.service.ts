import type { Store } from '../storage/database.js';
import { readGeneration } from '../storage/generation.repository.js';

/**
 * The store's generation: it advances with every write transaction, in whichever process it runs, and never goes
 * back (a restore advances it too). What is derived from the store's content can be kept for as long as it holds.
 */
export function storeGeneration(store: Store): Promise<number> {
  return readGeneration(store.db);
}
