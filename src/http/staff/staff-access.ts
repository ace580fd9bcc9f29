import type { FastifyReply, FastifyRequest } from 'fastify';
import { KoryuError } from '../../errors.js';

/** The staff member a request acts for, as the editing routes need it. */
export interface StaffUser {
  name: string;
  role: 'admin' | 'editor' | 'translator' | 'viewer';
}

/** What the editing routes ask of the permission check; the names match the auth branch's policies. */
export type StaffAction = 'draft:read' | 'record:edit' | 'translation:edit';

const ALLOWED: Readonly<Record<StaffAction, readonly StaffUser['role'][]>> = {
  'draft:read': ['admin', 'editor', 'translator', 'viewer'],
  'record:edit': ['admin', 'editor'],
  'translation:edit': ['admin', 'editor', 'translator'],
};

/**
 * The one seam between the editing routes and sign-in. `userOf` says who is signed in (null: nobody);
 * `checkCsrf` throws unless a state-changing request carries a valid token. Without an implementation given
 * (see AppDeps.staffAccess) nobody is signed in, so every staff route answers 401.
 */
export interface StaffAccess {
  userOf(request: FastifyRequest): Promise<StaffUser | null>;
  checkCsrf(request: FastifyRequest, reply: FastifyReply, token: string | undefined): Promise<void>;
  /** A token for the forms of this request's session. */
  csrfToken(request: FastifyRequest, reply: FastifyReply): Promise<string>;
}

export const NOBODY_SIGNED_IN: StaffAccess = {
  userOf: async () => null,
  checkCsrf: async () => {
    throw new KoryuError('CsrfRejected', 'Sign in first.');
  },
  csrfToken: async () => '',
};

export function may(user: StaffUser | null, action: StaffAction): boolean {
  return user !== null && ALLOWED[action].includes(user.role);
}

/** The signed-in user allowed to do `action`; NotAuthenticated (401) or NotAuthorized (403) otherwise. */
export async function requireStaff(access: StaffAccess, request: FastifyRequest, action: StaffAction): Promise<StaffUser> {
  const user = await access.userOf(request);
  if (!user) throw new KoryuError('NotAuthenticated', 'Sign in to use the staff area.');
  if (!may(user, action)) throw new KoryuError('NotAuthorized', `Your role (${user.role}) may not do this.`);
  return user;
}
