import type { Store } from './database.js';
import { openPostgresStore } from './postgres/connect.js';
import { openSqliteStore } from './sqlite/connect.js';

/** PostgreSQL when `databaseUrl` is set (non-empty), otherwise the SQLite file at `sqlitePath`. */
export function openStore(options: { databaseUrl?: string; sqlitePath: string }): Promise<Store> {
  return options.databaseUrl ? openPostgresStore(options.databaseUrl) : openSqliteStore(options.sqlitePath);
}
