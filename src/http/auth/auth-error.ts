import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { KoryuError } from '../../errors.js';
import { AuthErrorPage, type AuthErrorKind } from '../../views/auth-error.page.js';
import { renderPage } from '../../views/render.js';
import { requestLocale, wantsHtml } from './wants-html.js';

/** Codes of a refusal that means there is nothing at the address. */
const NOT_FOUND: ReadonlySet<string> = new Set(['DocumentNotFound', 'PartnershipNotFound', 'EventNotFound', 'ItemNotFound', 'OrganizationNotFound', 'RecordNotFound', 'AccountNotFound']);

/**
 * The HTML page a browser asking for a page gets for CsrfRejected, NotAuthorized, or a refusal meaning there is
 * nothing at the address (`error` 'routeNotFound' for an address no route serves), in the page's language;
 * undefined for any other error, or for a caller that did not ask for HTML.
 */
export function authErrorPage(request: FastifyRequest, error: KoryuError | 'routeNotFound', home: string, assetVersion = ''): string | undefined {
  if (!wantsHtml(request)) return undefined;
  const kind = kindOf(request, error);
  if (kind === undefined) return undefined;
  const { locale, explicit } = requestLocale(request);
  const path = request.url.replace(/^\/(ja|en|zh)(?=\/|$)/, '').split('?')[0] || '/';
  const ctx = { locale, explicitLocale: explicit, path, query: '', home, assetVersion };
  return renderPage(h(AuthErrorPage, { ctx, kind }));
}

function kindOf(request: FastifyRequest, error: KoryuError | 'routeNotFound'): AuthErrorKind | undefined {
  // A person signed in is sent back to the staff pages, not to a sign-in they do not need.
  if (error !== 'routeNotFound' && error.code === 'CsrfRejected') return request.user ? 'csrfSignedIn' : 'csrf';
  if (error !== 'routeNotFound' && error.code === 'NotAuthorized') return 'forbidden';
  if (error !== 'routeNotFound' && !NOT_FOUND.has(error.code)) return undefined;
  // The API answers in JSON whoever asks.
  if (request.url.startsWith('/api/')) return undefined;
  return /^(?:\/(?:ja|en|zh))?\/staff(?:\/|$|\?)/.test(request.url) ? 'staffNotFound' : 'notFound';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by registerAuth: the page for an auth error a browser should see, or undefined. */
    authErrorPage?: (request: FastifyRequest, error: KoryuError | 'routeNotFound') => string | undefined;
  }
}

export function decorateAuthErrorPage(app: FastifyInstance, site: { home: string; assetVersion: string }): void {
  app.decorate('authErrorPage', (request: FastifyRequest, error: KoryuError | 'routeNotFound') => authErrorPage(request, error, site.home, site.assetVersion));
}
