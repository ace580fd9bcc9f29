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
  // Editing (src/http/staff/): the JSON API. Payloads pass the route schemas, so the guard decides.
  { method: 'POST', route: '/api/staff/partnerships', allow: ALLOW.editors, payload: { partner: 'マトリクス市', kind: '姉妹都市' } },
  { method: 'PATCH', route: '/api/staff/partnerships/:id', path: '/api/staff/partnerships/1', allow: ALLOW.editors, payload: { version: 999 } },
  { method: 'DELETE', route: '/api/staff/partnerships/:id', path: '/api/staff/partnerships/1?version=999', allow: ALLOW.editors },
  { method: 'POST', route: '/api/staff/events', allow: ALLOW.editors, payload: { partnershipId: 1, year: 2025, direction: 'dispatch', text: '訪問' } },
  // Translations alone may be changed by translators; other fields need record:edit (tested in staff-api.route.test.ts).
  { method: 'PATCH', route: '/api/staff/events/:id', path: '/api/staff/events/1', allow: ALLOW.translators, payload: { version: 1, translations: { en: 'A visit' } } },
  { method: 'DELETE', route: '/api/staff/events/:id', path: '/api/staff/events/1?version=1', allow: ALLOW.editors },
  { method: 'POST', route: '/api/staff/records', allow: ALLOW.editors, payload: { partnershipId: 1, year: 2025, caption: '記念撮影' } },
  { method: 'PATCH', route: '/api/staff/records/:id', path: '/api/staff/records/1', allow: ALLOW.translators, payload: { version: 1, translations: { en: 'A photo' } } },
  { method: 'DELETE', route: '/api/staff/records/:id', path: '/api/staff/records/1?version=1', allow: ALLOW.editors },
  // A translator restores an event's or record's translations alone (tested in staff-restore.route.test.ts).
  { method: 'POST', route: '/api/staff/history/:id/restore', path: '/api/staff/history/1/restore', allow: ALLOW.translators },
  { method: 'POST', route: '/api/staff/photos', allow: ALLOW.editors },
  { method: 'POST', route: '/api/staff/imports/preview', allow: ALLOW.editors },
  { method: 'POST', route: '/api/staff/imports', allow: ALLOW.editors, payload: { token: 'expired' } },
  // Editing: the staff pages' forms (src/http/staff/staff-pages.route.ts).
  { method: 'POST', route: '/staff/partnerships', localized: true, allow: ALLOW.editors },
  { method: 'POST', route: '/staff/partnerships/:id', path: '/staff/partnerships/1', localized: true, allow: ALLOW.editors },
  { method: 'POST', route: '/staff/partnerships/:id/delete', path: '/staff/partnerships/1/delete', localized: true, allow: ALLOW.editors },
  { method: 'POST', route: '/staff/events', localized: true, allow: ALLOW.editors },
  // A translator's form changes the translations alone (tested in staff-pages.route.test.ts).
  { method: 'POST', route: '/staff/events/:id', path: '/staff/events/1', localized: true, allow: ALLOW.translators },
  { method: 'POST', route: '/staff/events/:id/delete', path: '/staff/events/1/delete', localized: true, allow: ALLOW.editors },
  // An undated exchange moved up or down within its year (tested in staff-order.route.test.ts).
  { method: 'POST', route: '/staff/events/:id/move', path: '/staff/events/1/move', localized: true, allow: ALLOW.editors, payload: { version: 1, step: 'up' } },
  { method: 'POST', route: '/staff/records', localized: true, allow: ALLOW.editors },
  // A translator's form changes the translations alone (tested in staff-pages.route.test.ts).
  { method: 'POST', route: '/staff/records/:id', path: '/staff/records/1', localized: true, allow: ALLOW.translators },
  { method: 'POST', route: '/staff/records/:id/delete', path: '/staff/records/1/delete', localized: true, allow: ALLOW.editors },
  // A translator restores an event's or record's translations alone (tested in staff-restore.route.test.ts).
  { method: 'POST', route: '/staff/history/:id/restore', path: '/staff/history/1/restore', localized: true, allow: ALLOW.translators },
  { method: 'POST', route: '/staff/import/preview', localized: true, allow: ALLOW.editors },
  { method: 'POST', route: '/staff/import', localized: true, allow: ALLOW.editors },
  // Accounts (src/http/staff/account-pages.route.ts): an administrator's, and everyone's own password. An account
  // that does not exist, so that no principal's password changes under the test.
  { method: 'GET', route: '/staff/accounts', localized: true, allow: ALLOW.admins },
  { method: 'GET', route: '/staff/imports', localized: true, allow: ALLOW.staff },
  // Undoing an import (src/http/staff/import-undo.route.ts): whoever may import. An import that is not logged, so
  // that nothing is undone under the test.
  { method: 'GET', route: '/staff/imports/:id/undo', path: '/staff/imports/999999/undo', localized: true, allow: ALLOW.editors },
  { method: 'POST', route: '/staff/imports/:id/undo', path: '/staff/imports/999999/undo', localized: true, allow: ALLOW.editors },
  { method: 'POST', route: '/staff/accounts', localized: true, allow: ALLOW.admins },
  { method: 'POST', route: '/staff/accounts/:name/password', path: '/staff/accounts/nobody/password', localized: true, allow: ALLOW.admins },
  { method: 'POST', route: '/staff/accounts/:name/delete', path: '/staff/accounts/nobody/delete', localized: true, allow: ALLOW.admins },
  // Place names (src/http/staff/place-names.route.ts): every staff member reads them, translators set them. A name
  // the record does not hold, so that nothing changes under the test.
  { method: 'GET', route: '/staff/places', localized: true, allow: ALLOW.staff },
  { method: 'POST', route: '/staff/places', localized: true, allow: ALLOW.translators, payload: { name: 'マトリクス市', en: 'Matrix' } },
  { method: 'GET', route: '/staff/password', localized: true, allow: ALLOW.staff },
  { method: 'POST', route: '/staff/password', localized: true, allow: ALLOW.staff },
];
