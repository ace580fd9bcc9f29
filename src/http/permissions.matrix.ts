import type { Role } from '../domain/account.js';

/** Who makes a request in the permission matrix: nobody signed in, or an account of one role. */
export type Principal = 'anonymous' | Role;
export const PRINCIPALS: readonly Principal[] = ['anonymous', 'viewer', 'translator', 'editor', 'admin'];

const EVERYONE: readonly Principal[] = PRINCIPALS;
const STAFF: readonly Principal[] = ['viewer', 'translator', 'editor', 'admin'];
/** Ready-made `allow` lists matching domain/policies.ts. */
export const ALLOW = {
  everyone: EVERYONE,
  staff: STAFF,
  translators: ['translator', 'editor', 'admin'],
  editors: ['editor', 'admin'],
  admins: ['admin'],
} as const satisfies Record<string, readonly Principal[]>;

export interface PermissionRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as registered, with its parameters (`/api/events/:id`). */
  route: string;
  /** True when the route also exists under /ja, /en and /zh (the row then covers all four). */
  localized?: boolean;
  /** Who gets past the guard; everyone else must get 401 (anonymous) or 403 (signed in). */
  allow: readonly Principal[];
  /** The request to send: a concrete path (parameters filled in; default `route`) and a JSON body (default {}). */
  path?: string;
  payload?: unknown;
}

/**
 * Every state-changing route (POST, PUT, PATCH, DELETE) of the app, and who may call it. The test
 * (permissions.matrix.test.ts) fails for a state-changing route without a row here and for a row without a
 * route; it checks each row for every principal, and that no state-changing route accepts a request without a
 * CSRF token. Add a row with each new route. Guarded GET routes may be listed too.
 */
export const PERMISSION_MATRIX: readonly PermissionRow[] = [
  // Signing in and out is open to all; what protects them is the CSRF token.
  { method: 'POST', route: '/login', localized: true, allow: ALLOW.everyone, payload: { name: 'nobody', password: 'not a password' } },
  { method: 'POST', route: '/logout', localized: true, allow: ALLOW.everyone },
  { method: 'GET', route: '/staff', localized: true, allow: ALLOW.staff },
];
