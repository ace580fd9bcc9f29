import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.js';
import { findLoginFailures, recordLoginFailure, type LoginFailureScope } from '../storage/login-failure.repository.js';

/** How many failed sign-ins are allowed within a window, per account name and per address. */
export interface LoginLimits {
  windowMinutes: number;
  perAccount: number;
  perAddress: number;
}

export const DEFAULT_LOGIN_LIMITS: Readonly<LoginLimits> = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

export interface LoginKeys {
  /** The account name as typed, normalized; unknown names are counted too, so the limit reveals nothing. */
  account: string;
  /** The client's address as Fastify sees it (behind a trusted proxy, the forwarded one). */
  address: string;
}

/**
 * Seconds until another attempt is allowed, or 0 when one is allowed now. A key is blocked while it has `limit`
 * failures inside the window; it opens again when the oldest of the last `limit` leaves the window.
 */
export async function secondsUntilAllowed(db: Kysely<Database>, keys: LoginKeys, limits: LoginLimits, now: Date): Promise<number> {
  const windowMs = limits.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const wait = async (scope: LoginFailureScope, key: string, limit: number) => {
    const failures = await findLoginFailures(db, scope, key, since);
    if (failures.length < limit) return 0;
    const opensAt = (failures[failures.length - limit] as Date).getTime() + windowMs;
    return Math.max(1, Math.ceil((opensAt - now.getTime()) / 1000));
  };
  return Math.max(await wait('account', keys.account, limits.perAccount), await wait('address', keys.address, limits.perAddress));
}

export async function countFailure(db: Kysely<Database>, keys: LoginKeys, now: Date): Promise<void> {
  await recordLoginFailure(db, 'account', keys.account, now);
  await recordLoginFailure(db, 'address', keys.address, now);
}
