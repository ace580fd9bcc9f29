import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action } from '../../domain/policies.js';
import { KoryuError } from '../../errors.js';
import { localHref } from '../../views/page-context.js';
import { requestLocale, wantsHtml } from './wants-html.js';
import './request-user.js';

/**
 * A preHandler that lets the request through only when the signed-in user may do `action` (domain/policies.ts).
 * Anonymous: a page request (Accept: text/html) is redirected to the login page in its language with `next` set
 * to where it was going (for GET); any other request gets 401 NotAuthenticated. Signed in without the right
 * role: 403 NotAuthorized.
 *
 *   app.post('/api/events', { preHandler: requirePermission('record:edit') }, handler)
 */
export function requirePermission(action: Action) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.user) {
      if (wantsHtml(request)) {
        const { locale, explicit } = requestLocale(request);
        const login = localHref({ locale, explicitLocale: explicit }, '/login');
        const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
        await reply.header('cache-control', 'no-store').redirect(`${login}${next}`, 303);
        return;
      }
      throw new KoryuError('NotAuthenticated', 'Sign in first.');
    }
    if (!can(request.user, action)) {
      throw new KoryuError('NotAuthorized', `The ${request.user.role} role may not do this (${action}).`);
    }
  };
}

/** Any signed-in staff member. */
export const requireStaff = () => requirePermission('staff:enter');
