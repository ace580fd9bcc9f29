import { Migrator, type Kysely } from 'kysely';
import type { Database, StoreCapabilities } from './database.js';
import { advanceGeneration } from './generation.repository.js';
import { migrationsFor } from './migrations/index.js';
import { StoreError } from './store.error.js';

export interface MigrationOutcome {
  name: string;
  status: 'Success' | 'Error' | 'NotExecuted';
}

/**
 * Brings the schema up to date; returns the migrations it ran (none when already current).
 * `schema` names where Kysely keeps its bookkeeping tables when the store lives in its own schema.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  capabilities: StoreCapabilities,
  options: { schema?: string } = {},
): Promise<MigrationOutcome[]> {
  const migrations = migrationsFor(capabilities);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const outcomes = results.map((r) => ({ name: r.migrationName, status: r.status }));
  if (error !== undefined) {
    const failed = outcomes.find((o) => o.status === 'Error')?.name;
    const detail = error instanceof Error ? error.message : String(error);
    throw new StoreError(
      'MigrationFailed',
      failed === undefined ? `Migration failed: ${detail}` : `Migration ${failed} failed: ${detail}`,
      { cause: error },
    );
  }
  // A migration may change what pages show: caches in other processes sharing the store must see a new generation.
  if (outcomes.some((o) => o.status === 'Success')) await advanceGeneration(db);
  return outcomes;
}
