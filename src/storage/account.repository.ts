import type { Kysely, Selectable } from 'kysely';
import { isRole, type Account, type Role } from '../domain/account.js';
import type { AccountTable, Database } from './database.js';

/** An account with its password hash, for the services that check or change passwords; never shown. */
export interface AccountWithHash extends Account {
  passwordHash: string;
}

export async function insertAccount(db: Kysely<Database>, account: { name: string; role: Role; passwordHash: string }, now: Date): Promise<Account> {
  const at = now.toISOString();
  const row = await db
    .insertInto('accounts')
    .values({ name: account.name, role: account.role, password_hash: account.passwordHash, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowToAccount(row);
}

export async function findAccountByName(db: Kysely<Database>, name: string): Promise<AccountWithHash | undefined> {
  const row = await db.selectFrom('accounts').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? { ...rowToAccount(row), passwordHash: row.password_hash } : undefined;
}

/** Every account, by name. */
export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  return (await db.selectFrom('accounts').selectAll().orderBy('name').execute()).map(rowToAccount);
}

/** Replaces the password hash; false when there is no such account. */
export async function updatePasswordHash(db: Kysely<Database>, id: number, passwordHash: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('accounts').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Removes the account and, through the foreign key, its sessions; false when there is no such account. */
export async function deleteAccount(db: Kysely<Database>, id: number): Promise<boolean> {
  await db.deleteFrom('sessions').where('account_id', '=', id).execute();
  const result = await db.deleteFrom('accounts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export function rowToAccount(row: Selectable<AccountTable>): Account {
  if (!isRole(row.role)) throw new Error(`account ${row.id} has an unknown role "${row.role}"`);
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at };
}
