import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addAccount } from '../../src/services/account.service.js';
import { getPartnershipForStaff } from '../../src/services/editing.service.js';
import { importDocuments } from '../../src/services/import.service.js';
import { listPartnerships } from '../../src/services/record.service.js';
import type { Store } from '../../src/storage/database.js';
import { openPostgresStore } from '../../src/storage/postgres/connect.js';
import { openSqliteStore } from '../../src/storage/sqlite/connect.js';
import { ROOT, sqliteEnv, startServer, type Server } from './koryu-process.js';

export type SoakStoreKind = 'sqlite' | 'postgres';

export interface SoakServer {
  server: Server;
  partnershipId: number;
  /** Published events of the sample, to be edited. */
  eventIds: number[];
  accounts: { name: string; password: string }[];
  /** Stops the server and removes its store (the SQLite folder or the PostgreSQL schema). */
  close(): Promise<void>;
}

/**
 * `koryu serve` as a child process on a store of its own holding the bundled sample and `editors` editor accounts:
 * a new SQLite file, or a new schema of the PostgreSQL at `databaseUrl` (the server reaches it through the
 * connection's search_path).
 */
export async function startSoakServer(kind: SoakStoreKind, options: { editors: number; events: number; databaseUrl: string }): Promise<SoakServer> {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-soak-'));
  const schema = `koryu_soak_${randomBytes(6).toString('hex')}`;
  const dbFile = join(dir, 'koryu.db');
  const store: Store = kind === 'sqlite' ? await openSqliteStore(dbFile) : await openPostgresStore(options.databaseUrl, { schema });
  const dropStore = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (kind !== 'postgres') return;
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  };
  let partnershipId: number;
  let eventIds: number[];
  const accounts = Array.from({ length: options.editors }, (_, i) => ({ name: `soak-editor-${i + 1}`, password: `soak-password-${i + 1}-${randomBytes(4).toString('hex')}` }));
  try {
    try {
      const sample = readFileSync(join(ROOT, 'samples/kanazawa-dalian.txt'));
      await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1 << 24 });
      partnershipId = (await listPartnerships(store))[0]!.id;
      const { events } = await getPartnershipForStaff(store, partnershipId);
      eventIds = events.filter((e) => e.status === 'published').slice(0, options.events).map((e) => e.id);
      if (eventIds.length < 3) throw new Error(`the sample gave ${eventIds.length} events; the soak needs 3 or more`);
      for (const a of accounts) await addAccount(store, { name: a.name, role: 'editor', password: a.password }, { scrypt: { N: 1024, r: 8, p: 1 } });
    } finally {
      await store.close();
    }
  } catch (error) {
    await dropStore();
    throw error;
  }
  const url = new URL(options.databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const env = sqliteEnv(dbFile, {
    KORYU_DATA_DIR: dir,
    ...(kind === 'postgres' ? { DATABASE_URL: url.toString() } : {}),
  });
  let server: Server;
  try {
    server = await startServer(env);
  } catch (error) {
    await dropStore();
    throw error;
  }
  return {
    server,
    partnershipId,
    eventIds,
    accounts,
    async close() {
      await server.stop();
      await dropStore();
    },
  };
}
