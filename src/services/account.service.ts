import { isRole, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalizeAccountName, passwordProblem, ROLES, type Account, type Role } from '../domain/account.js';
import { KoryuError } from '../errors.js';
import { deleteAccount, findAccountByName, insertAccount, listAccounts as findAccounts, updatePasswordHash } from '../storage/account.repository.js';
import type { Store } from '../storage/database.js';
import { deleteSessionsOfAccount } from '../storage/session.repository.js';
import { hashPassword, verifyPassword, type ScryptParameters } from './password.hasher.js';

export interface AccountOptions {
  now?: () => Date;
  /** Lower scrypt costs for tests; production uses the defaults. */
  scrypt?: ScryptParameters;
}

function checkedName(raw: string): string {
  const name = normalizeAccountName(raw);
  if (name === null) {
    throw new KoryuError('AccountInvalid', `"${raw}" is not a usable account name: use 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.`);
  }
  return name;
}

function checkedPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === 'tooShort') throw new KoryuError('AccountInvalid', `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (problem === 'tooLong') throw new KoryuError('AccountInvalid', `The password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`);
}

export function checkedRole(raw: string | undefined): Role {
  if (!isRole(raw)) throw new KoryuError('AccountInvalid', `The role must be one of ${ROLES.join(', ')}${raw === undefined ? '' : ` (not "${raw}")`}.`);
  return raw;
}

/** Creates an account; AccountInvalid for a bad name, role or password, AccountExists when the name is taken. */
export async function addAccount(store: Store, input: { name: string; role: string; password: string }, options: AccountOptions = {}): Promise<Account> {
  const name = checkedName(input.name);
  const role = checkedRole(input.role);
  checkedPassword(input.password);
  const passwordHash = await hashPassword(input.password, options.scrypt);
  return store.transaction(async (trx) => {
    if (await findAccountByName(trx, name)) throw new KoryuError('AccountExists', `An account named "${name}" already exists.`);
    return insertAccount(trx, { name, role, passwordHash }, (options.now ?? (() => new Date()))());
  });
}

export function listAccounts(store: Store): Promise<Account[]> {
  return findAccounts(store.db);
}

/** Sets a new password and ends the account's sessions, so a stolen session dies with the old password. */
export async function changePassword(store: Store, rawName: string, password: string, options: AccountOptions = {}): Promise<Account> {
  const name = checkedName(rawName);
  checkedPassword(password);
  const passwordHash = await hashPassword(password, options.scrypt);
  return store.transaction(async (trx) => {
    const account = await findAccountByName(trx, name);
    if (!account) throw new KoryuError('AccountNotFound', `There is no account named "${name}".`);
    await updatePasswordHash(trx, account.id, passwordHash, (options.now ?? (() => new Date()))());
    await deleteSessionsOfAccount(trx, account.id);
    const { passwordHash: _hidden, ...rest } = account;
    return rest;
  });
}

/** Removes an account and its sessions. */
export async function removeAccount(store: Store, rawName: string): Promise<void> {
  const name = checkedName(rawName);
  await store.transaction(async (trx) => {
    const account = await findAccountByName(trx, name);
    if (!account) throw new KoryuError('AccountNotFound', `There is no account named "${name}".`);
    await deleteAccount(trx, account.id);
  });
}

/**
 * A signed-in person's own new password, given their current one (PasswordIncorrect when it is wrong). Like
 * changePassword, it ends every session of the account, this one included: they sign in again with the new one.
 */
export async function changeOwnPassword(store: Store, rawName: string, current: string, next: string, options: AccountOptions = {}): Promise<Account> {
  const name = checkedName(rawName);
  const account = await findAccountByName(store.db, name);
  if (!account || !(await verifyPassword(current, account.passwordHash))) throw new KoryuError('PasswordIncorrect', 'The current password is not right.');
  return changePassword(store, name, next, options);
}
