import { randomBytes } from 'node:crypto';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../../services/session.service.js';
import type { Store } from '../../storage/database.js';
import { decorateAuthErrorPage } from './auth-error.js';
import { COOKIE_OPTIONS, CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE } from './cookies.js';
import './request-user.js';

export interface AuthSettings {
  /** For the pages shown when a form is refused (CsrfRejected) or a role may not act (NotAuthorized). */
  site?: { home: string; assetVersion: string };
  /** Signs the CSRF cookie; at least 32 characters. Without it, a random one for this process. */
  secret?: string;
  now?: () => Date;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token a request carries: the form field `_csrf` (urlencoded or multipart) or the `x-csrf-token` header. */
function tokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  // @fastify/multipart with attachFieldsToBody: true gives fields as { value }.
  const value = field && typeof field === 'object' && 'value' in field ? (field as { value: unknown }).value : field;
  if (typeof value === 'string' && value !== '') return value;
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

/**
 * Cookies, urlencoded forms, `request.user` from the session cookie, and the CSRF check on every state-changing
 * request (anything but GET, HEAD, OPTIONS) of every route, present and future: no route can forget it. The check
 * runs as the first preHandler, after bodies (multipart included) are parsed and before route guards.
 */
export async function registerAuth(app: FastifyInstance, store: Store, settings: AuthSettings = {}): Promise<void> {
  await app.register(cookie, { secret: settings.secret ?? randomBytes(32).toString('base64url') });
  await app.register(formbody);
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { ...COOKIE_OPTIONS, signed: true },
    getToken: tokenOf,
    logLevel: 'info',
  });

  if (settings.site) decorateAuthErrorPage(app, settings.site);
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await authenticate(store, token, settings.now ? { now: settings.now } : {}) : null;
  });
  app.addHook('preHandler', (request, reply, done) => {
    // An address no route takes stays a 404: there is nothing there to protect.
    if (SAFE_METHODS.has(request.method) || request.is404) return done();
    app.csrfProtection(request, reply, done);
  });
}
