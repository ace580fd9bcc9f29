import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { KoryuError } from '../../errors.js';
import { AuthErrorPage, type AuthErrorKind } from '../../views/auth-error.page.js';
import { renderPage } from '../../views/render.js';
import { requestLocale, wantsHtml } from './wants-html.js';
import { isApiUrl } from '../api-url.js';

/** Codes of a refusal that means there is nothing at the address. */
const NOT_FOUND: ReadonlySet<string> = new Set(['DocumentNotFound', 'PartnershipNotFound', 'EventNotFound', 'ItemNotFound', 'OrganizationNotFound', 'RecordNotFound', 'AccountNotFound']);

/**
 * The HTML page a browser asking for a page gets for CsrfRejected, NotAuthorized, or a refusal meaning there is
 * nothing at the address (`error` 'routeNotFound' for an address no route serves), in the page's language;
 * undefined for any other error, or for a caller that did not ask for HTML.
 */
export function authErrorPage(request: RefusedRequest, error: KoryuError | PageRefusal, home: string, assetVersion = ''): string | undefined {
  if (!wantsHtml(request as FastifyRequest)) return undefined;
  const kind = kindOf(request, error);
  if (kind === undefined) return undefined;
  const { locale, explicit } = requestLocale(request as FastifyRequest);
  // A refused address is not echoed (its language links lead home): it is the caller's text, and may be huge.
  const path = kind === 'badRequest' || kind === 'tooLarge' ? '/' : request.url.replace(/^\/(ja|en|zh)(?=\/|$)/, '').split('?')[0] || '/';
  const ctx = { locale, explicitLocale: explicit, path, query: '', home, assetVersion };
  return renderPage(h(AuthErrorPage, { ctx, kind }));
}

/** What refused a request before any route could: nothing at the address, a malformed address, or one too long. */
export type PageRefusal = 'routeNotFound' | 'badRequest' | 'tooLarge';

/** What a refusal page needs of a request (a connection's refusal has no FastifyRequest, only what its bytes say). */
export type RefusedRequest = Pick<FastifyRequest, 'url' | 'headers'> & { user?: unknown };

function kindOf(request: RefusedRequest, error: KoryuError | PageRefusal): AuthErrorKind | undefined {
  if (error === 'badRequest' || error === 'tooLarge') return isApiUrl(request.url) ? undefined : error;
  // A person signed in is sent back to the staff pages, not to a sign-in they do not need.
  if (typeof error !== 'string' && error.code === 'CsrfRejected') return request.user ? 'csrfSignedIn' : 'csrf';
  if (typeof error !== 'string' && error.code === 'NotAuthorized') return 'forbidden';
  if (typeof error !== 'string' && !NOT_FOUND.has(error.code)) return undefined;
  // The API answers in JSON whoever asks.
  if (isApiUrl(request.url)) return undefined;
  return /^(?:\/(?:ja|en|zh))?\/staff(?:\/|$|\?)/.test(request.url) ? 'staffNotFound' : 'notFound';
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by registerAuth: the page for an auth error a browser should see, or undefined. */
    authErrorPage?: (request: RefusedRequest, error: KoryuError | PageRefusal) => string | undefined;
  }
}

export function decorateAuthErrorPage(app: FastifyInstance, site: { home: string; assetVersion: string }): void {
  app.decorate('authErrorPage', (request: RefusedRequest, error: KoryuError | PageRefusal) => authErrorPage(request, error, site.home, site.assetVersion));
}
