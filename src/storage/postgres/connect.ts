import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DEFAULT_CAPABILITIES, type Database, type Store, type StoreCapabilities } from '../database.js';
import { writeTransaction } from '../generation.repository.js';
import { migrateToLatest } from '../migrate.js';
import { StoreError } from '../store.error.js';
import { postgresBulkWriter } from './bulk.writer.js';
import { readTransaction } from '../snapshot.js';
import { allowCopy } from './copy.js';
import { nameStatements } from './statement.names.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a PostgreSQL store at `url` and migrates it. With `schema`, every table lives in that schema
 * (created when missing): each pooled connection starts with it as its search_path.
 */
export async function openPostgresStore(url: string, options: { schema?: string } = {}): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new StoreError('StoreUnavailable', `Invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  // Before a new client is handed out: repeated query texts become prepared statements, and bulk inserts stream
  // their rows with COPY.
  pool.on('connect', (client) => {
    nameStatements(client);
    allowCopy(client);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  try {
    if (schema === undefined) await sql`select 1`.execute(db);
    else await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new StoreError('StoreUnavailable', `Cannot connect to PostgreSQL at ${redact(url)}: ${messageOf(error)}`, {
      cause: error,
    });
  }

  const capabilities: StoreCapabilities = { ...DEFAULT_CAPABILITIES, idGeneration: 'identity', textCollation: '"C"', binaryType: 'bytea' };
  try {
    await migrateToLatest(db, capabilities, schema === undefined ? {} : { schema });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store: Store = {
    kind: 'postgres',
    db,
    capabilities,
    bulk: postgresBulkWriter(),
    transaction: writeTransaction(db),
    // Repeatable read: every statement of the transaction sees the snapshot its first one took.
    snapshot: (fn) => readTransaction(store, db, 'begin isolation level repeatable read, read only', fn),
    close: () => db.destroy(),
    schema: schema ?? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]!.name,
  };
  return store;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}
