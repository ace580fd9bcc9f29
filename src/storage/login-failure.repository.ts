import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export type LoginFailureScope = 'account' | 'address';

export async function recordLoginFailure(db: Kysely<Database>, scope: LoginFailureScope, key: string, at: Date): Promise<void> {
  await db.insertInto('login_failures').values({ scope, key, failed_at: at.toISOString() }).execute();
}

/** The failures counted against `key` since `since`, oldest first (their times, as Dates). */
export async function findLoginFailures(db: Kysely<Database>, scope: LoginFailureScope, key: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('failed_at')
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('failed_at', '>', since.toISOString())
    .orderBy('failed_at')
    .execute();
  return rows.map((r) => new Date(r.failed_at));
}

/** Forgets the failures of one key (an account after a successful sign-in). */
export async function clearLoginFailures(db: Kysely<Database>, scope: LoginFailureScope, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('scope', '=', scope).where('key', '=', key).execute();
}

/** Drops failures older than `before`, which no limit counts any more. */
export async function pruneLoginFailures(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('login_failures').where('failed_at', '<=', before.toISOString()).execute();
}
