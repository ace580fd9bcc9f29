import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { login, logout, type SessionOptions } from '../../../services/session.service.js';
import type { Store } from '../../../storage/database.js';
import { LOCALES } from '../../../views/i18n/locale.js';
import { LoginPage, type LoginProblem } from '../../../views/login.page.js';
import { localHref, type PageContext } from '../../../views/page-context.js';
import { renderPage } from '../../../views/render.js';
import { COOKIE_OPTIONS, CSRF_COOKIE, SESSION_COOKIE } from '../../auth/cookies.js';
import { requestLocale, safeNext } from '../../auth/wants-html.js';
import { pageRoute, queryString, type PageSite } from '../../page-route.js';

function contextOf(request: FastifyRequest, site: PageSite, path: string): PageContext {
  const { locale, explicit } = requestLocale(request);
  return { locale, explicitLocale: explicit, path, query: '', home: site.home, assetVersion: site.assetVersion };
}

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/**
 * GET /login (the form, in ja/en/zh), POST /login (sign in: a new session, then to `next` or /staff), POST /logout
 * (the session is deleted, then back to /login). POSTs exist under /ja, /en and /zh too, so the language stays.
 */
export function registerLoginRoutes(app: FastifyInstance, store: Store, site: PageSite, options: SessionOptions = {}): void {
  pageRoute(app, site, '/login', async (ctx, request, reply) => {
    const next = safeNext(queryString(request.query, 'next'));
    void reply.header('cache-control', 'no-store');
    const expired = queryString(request.query, 'expired') === '1' ? (queryString(request.query, 'unsaved') === '1' ? 'unsaved' : 'page') : undefined;
    const passwordChanged = queryString(request.query, 'passwordChanged') === '1';
    return renderPage(h(LoginPage, { ctx, csrfToken: reply.generateCsrf(), next, signedOut: queryString(request.query, 'signedOut') === '1', expired, passwordChanged }));
  });

  for (const prefix of ['', ...LOCALES.map((l) => `/${l}`)]) {
    app.post(`${prefix}/login`, async (request, reply) => {
      const ctx = contextOf(request, site, '/login');
      const name = field(request.body, 'name');
      const password = field(request.body, 'password');
      const next = safeNext(field(request.body, 'next'));
      const again = (status: number, problem: LoginProblem) =>
        sendPage(reply, status, renderPage(h(LoginPage, { ctx, csrfToken: reply.generateCsrf(), name: name.slice(0, 64), next, problem })));

      if (name.trim() === '' || password === '') return again(400, { kind: 'missing' });
      const result = await login(store, { name, password, address: request.ip }, options);
      if (!result.ok) {
        if (result.reason === 'throttled') {
          void reply.header('retry-after', String(result.retryAfterSeconds));
          return again(429, { kind: 'throttled', retryAfterSeconds: result.retryAfterSeconds });
        }
        return again(401, { kind: 'invalid' });
      }
      // A new session id on every sign-in: whatever session the browser held before is ended, and the CSRF
      // secret is renewed so that no token from before the sign-in stays valid.
      await logout(store, request.cookies[SESSION_COOKIE]);
      void reply.setCookie(SESSION_COOKIE, result.token, { ...COOKIE_OPTIONS, expires: result.expiresAt });
      void reply.clearCookie(CSRF_COOKIE, { ...COOKIE_OPTIONS, signed: true });
      return reply.header('cache-control', 'no-store').redirect(next ?? localHref(ctx, '/staff'), 303);
    });

    app.post(`${prefix}/logout`, async (request, reply) => {
      const ctx = contextOf(request, site, '/logout');
      await logout(store, request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
      return reply.header('cache-control', 'no-store').redirect(`${localHref(ctx, '/login')}?signedOut=1`, 303);
    });
  }
}
