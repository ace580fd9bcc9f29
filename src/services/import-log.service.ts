import type { Store } from '../storage/database.js';
import { listImports, type ImportEntry } from '../storage/import.repository.js';

/** The newest `limit` logged imports, of one partnership when `home` and `partner` are given. */
export function importLog(store: Store, limit: number, partnership?: { home: string; partner: string }): Promise<ImportEntry[]> {
  return listImports(store.db, { limit, ...(partnership ? { home: partnership.home, partner: partnership.partner } : {}) });
}
