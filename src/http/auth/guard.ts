import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Action } from '../../domain/policies.js';
import { KoryuError } from '../../errors.js';
import { localHref } from '../../views/page-context.js';
import { COOKIE_OPTIONS, SESSION_COOKIE } from './cookies.js';
import { requestLocale, safeNext, wantsHtml } from './wants-html.js';
import './request-user.js';

/**
 * A preHandler that lets the request through only when the signed-in user may do `action` (domain/policies.ts).
 * Anonymous: a page request (Accept: text/html) is redirected to the login page in its language with `next` set
 * to where it was going (for GET) or to the page its form was sent from (other methods), and `expired` when it
 * carried a session cookie that no longer signs in; any other request gets 401 NotAuthenticated. Signed in without
 * the right role: 403 NotAuthorized.
 *
 *   app.post('/api/events', { preHandler: requirePermission('record:edit') }, handler)
 */
export function requirePermission(action: Action) {
  return async function guard(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.user) {
      if (wantsHtml(request)) {
        const { locale, explicit } = requestLocale(request);
        const login = localHref({ locale, explicitLocale: explicit }, '/login');
        const query = new URLSearchParams();
        const next = request.method === 'GET' ? safeNext(request.url) : formPageOf(request);
        if (next) query.set('next', next);
        // A session cookie that no longer signs in: the session expired (or was ended) while a page was open. The
        // sign-in page says so, and whether a form sent with it was saved (it was not); the dead cookie goes.
        if (request.cookies?.[SESSION_COOKIE]) {
          query.set('expired', '1');
          if (request.method !== 'GET') query.set('unsaved', '1');
          void reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
        }
        const search = query.size > 0 ? `?${query}` : '';
        await reply.header('cache-control', 'no-store').redirect(`${login}${search}`, 303);
        return;
      }
      throw new KoryuError('NotAuthenticated', 'Sign in first.');
    }
    if (!can(request.user, action)) {
      throw new KoryuError('NotAuthorized', `The ${request.user.role} role may not do this (${action}).`);
    }
  };
}

/**
 * The page a form was sent from, to return to after signing in again: the path of the Referer (which a browser
 * sends for a same-origin form; Referrer-Policy strict-origin-when-cross-origin), when it names this host and is a
 * path safeNext accepts. Nothing else of the form is kept: its fields are not stored for an unauthenticated request.
 */
function formPageOf(request: FastifyRequest): string | undefined {
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname !== request.hostname) return undefined;
  return safeNext(`${url.pathname}${url.search}`);
}

/** Any signed-in staff member. */
export const requireStaff = () => requirePermission('staff:enter');
