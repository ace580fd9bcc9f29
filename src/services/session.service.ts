import { createHash, randomBytes } from 'node:crypto';
import { normalizeAccountName, type SessionUser } from '../domain/account.js';
import { findAccountByName } from '../storage/account.repository.js';
import type { Store } from '../storage/database.js';
import { clearLoginFailures, pruneLoginFailures } from '../storage/login-failure.repository.js';
import { deleteExpiredSessions, deleteSession, findSessionUser, insertSession } from '../storage/session.repository.js';
import { countFailure, DEFAULT_LOGIN_LIMITS, secondsUntilAllowed, type LoginLimits } from './login-throttle.js';
import { decoyHash, verifyPassword } from './password.hasher.js';

export interface SessionOptions {
  now?: () => Date;
  /** How long a session lasts from sign-in. */
  sessionHours?: number;
  limits?: LoginLimits;
}

export const DEFAULT_SESSION_HOURS = 12;

export type LoginResult =
  | { ok: true; token: string; user: SessionUser; expiresAt: Date }
  /** Wrong name or password (which one is not said). */
  | { ok: false; reason: 'invalid' }
  /** Too many failures for this account or address; nothing was checked. */
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** A session token is 32 random bytes in base64url; the store keeps only its SHA-256. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Checks a name and password and opens a new session. Failures count against the name and the address; while
 * either is over its limit, the password is not even checked. The caller ends any session the browser had before.
 */
export async function login(store: Store, input: { name: string; password: string; address: string }, options: SessionOptions = {}): Promise<LoginResult> {
  const now = (options.now ?? (() => new Date()))();
  const limits = options.limits ?? DEFAULT_LOGIN_LIMITS;
  const name = normalizeAccountName(input.name);
  const keys = { account: (name ?? input.name.normalize('NFKC').trim()).slice(0, 200), address: input.address };

  const wait = await secondsUntilAllowed(store.db, keys, limits, now);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const account = name === null ? undefined : await findAccountByName(store.db, name);
  const matches = await verifyPassword(input.password, account?.passwordHash ?? (await decoyHash()));
  if (!account || !matches) {
    await countFailure(store.db, keys, now);
    const after = await secondsUntilAllowed(store.db, keys, limits, now);
    return after > 0 ? { ok: false, reason: 'throttled', retryAfterSeconds: after } : { ok: false, reason: 'invalid' };
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (options.sessionHours ?? DEFAULT_SESSION_HOURS) * 3_600_000);
  await store.transaction(async (trx) => {
    await clearLoginFailures(trx, 'account', keys.account);
    await pruneLoginFailures(trx, new Date(now.getTime() - limits.windowMinutes * 60_000));
    await deleteExpiredSessions(trx, now);
    await insertSession(trx, { tokenHash: tokenHash(token), accountId: account.id, createdAt: now, expiresAt });
  });
  return { ok: true, token, user: { id: account.id, name: account.name, role: account.role }, expiresAt };
}

/** The signed-in user of a session token, or null when the token is malformed, unknown or expired. */
export async function authenticate(store: Store, token: string | undefined, options: Pick<SessionOptions, 'now'> = {}): Promise<SessionUser | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  return (await findSessionUser(store.db, tokenHash(token), (options.now ?? (() => new Date()))())) ?? null;
}

/** Ends the session of this token (nothing happens for an unknown one). */
export async function logout(store: Store, token: string | undefined): Promise<void> {
  if (!token || !TOKEN_PATTERN.test(token)) return;
  await deleteSession(store.db, tokenHash(token));
}
