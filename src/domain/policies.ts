import type { Role, SessionUser } from './account.js';

/**
 * Everything a staff member may be allowed to do. Routes ask `can(user, action)` (or use the HTTP guard built on it);
 * no other module decides who may do what.
 */
export const ACTIONS = {
  /** Enter the staff pages at all (/staff). */
  'staff:enter': ['admin', 'editor', 'translator', 'viewer'],
  /** Read unpublished (draft) partnerships, events and records. */
  'draft:read': ['admin', 'editor', 'translator', 'viewer'],
  /** Add, change or remove translations of event texts and captions. */
  'translation:edit': ['admin', 'editor', 'translator'],
  /** Create, change, delete and restore partnerships, years, events and photo records; import documents. */
  'record:edit': ['admin', 'editor'],
  /** Manage accounts. */
  'account:manage': ['admin'],
  /** Change the site's settings. */
  'settings:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.hasOwn(ACTIONS, value);
}

/** Whether this user (null: nobody is signed in) may do `action`. Anonymous visitors may do none of them. */
export function can(user: Pick<SessionUser, 'role'> | null | undefined, action: Action): boolean {
  if (!user) return false;
  return (ACTIONS[action] as readonly Role[]).includes(user.role);
}
