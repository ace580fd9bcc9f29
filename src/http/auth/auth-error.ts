import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { KoryuError } from '../../errors.js';
import { AuthErrorPage } from '../../views/auth-error.page.js';
import { renderPage } from '../../views/render.js';
import { requestLocale, wantsHtml } from './wants-html.js';

/** The HTML page for CsrfRejected or NotAuthorized when a browser asked for a page; undefined otherwise. */
export function authErrorPage(request: FastifyRequest, error: KoryuError, home: string, assetVersion = ''): string | undefined {
  if (!wantsHtml(request) || (error.code !== 'CsrfRejected' && error.code !== 'NotAuthorized')) return undefined;
  const { locale, explicit } = requestLocale(request);
  const path = request.url.replace(/^\/(ja|en|zh)(?=\/|$)/, '').split('?')[0] || '/';
  const ctx = { locale, explicitLocale: explicit, path, query: '', home, assetVersion };
  return renderPage(h(AuthErrorPage, { ctx, kind: error.code === 'CsrfRejected' ? 'csrf' : 'forbidden' }));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by registerAuth: the page for an auth error a browser should see, or undefined. */
    authErrorPage?: (request: FastifyRequest, error: KoryuError) => string | undefined;
  }
}

export function decorateAuthErrorPage(app: FastifyInstance, site: { home: string; assetVersion: string }): void {
  app.decorate('authErrorPage', (request: FastifyRequest, error: KoryuError) => authErrorPage(request, error, site.home, site.assetVersion));
}
