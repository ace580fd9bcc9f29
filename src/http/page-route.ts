import type { Licence } from '../domain/licence.js';
import type { PlaceNames } from '../domain/place-name.js';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { isLocale, LOCALES, negotiateLocale } from '../views/i18n/locale.js';
import type { PageContext } from '../views/page-context.js';
import { sendCacheHeaders, type PageCache } from './page-cache.js';

export interface PageSite {
  home: string;
  assetVersion: string;
  licence?: Licence;
  /** Rendered public pages (`cache: true`), keyed by the store's generation; without it every request renders. */
  cache?: PageCache;
  /** The translated names of places, read for English and Chinese pages (PageContext.places). */
  placeNames?: () => Promise<PlaceNames>;
  /** KORYU_SITE_URL (ending in /): pages name their canonical address with it. */
  siteUrl?: string;
}

type Query = Record<string, string | string[] | undefined>;
export type PageHandler<P> = (ctx: PageContext, request: FastifyRequest<{ Params: P; Querystring: Query }>, reply: FastifyReply) => Promise<string | void>;
/* The handler returns the whole HTML page (views/render.ts renderPage), or nothing when it has replied itself. */

/**
 * Registers an HTML page at `path` and at /ja, /en and /zh + path. The prefix names the language; without it the
 * language comes from Accept-Language (and the response varies by it).
 */
export function pageRoute<P extends Record<string, string>>(
  app: FastifyInstance,
  site: PageSite,
  path: string,
  handler: PageHandler<P>,
  /**
   * e.g. `{ preHandler: requirePermission('record:edit') }` (http/auth/guard.ts) for a staff page. `cache: true`
   * for a public page whose HTML depends only on the store, the language, the URL and the date: never for a page
   * with a guard, a form token or a cookie (a response setting a cookie is not kept anyway).
   */
  options: { preHandler?: preHandlerAsyncHookHandler; cache?: boolean } = {},
): void {
  if (options.cache && options.preHandler) throw new Error(`${path}: a guarded page is not cached`);
  const cache = options.cache ? site.cache : undefined;
  const register = (url: string, locale: (typeof LOCALES)[number] | undefined) =>
    app.get<{ Params: P; Querystring: Query }>(url, options.preHandler ? { preHandler: options.preHandler } : {}, async (request, reply) => {
      const explicit = locale !== undefined;
      const params = request.params as Record<string, string>;
      const ctx: PageContext = {
        locale: locale ?? negotiateLocale(request.headers['accept-language']),
        explicitLocale: explicit,
        path: path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(String(params[name]))),
        query: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
        home: site.home,
        assetVersion: site.assetVersion,
        ...(site.licence ? { licence: site.licence } : {}),
        ...(site.siteUrl ? { siteUrl: site.siteUrl } : {}),
      };
      if (!explicit) void reply.header('vary', 'accept-language');
      const cached = cache ? await cache.lookup(request, ctx.locale) : ({ kind: 'bypass' } as const);
      // A 304 names the encoding the reader's copy has, but sends no body to be decoded.
      if (cached.kind === 'not-modified') return sendCacheHeaders(reply, cached.etag, 'identity').code(304).send();
      if (cached.kind === 'hit') return sendCacheHeaders(reply, cached.etag, cached.encoding).type('text/html; charset=utf-8').send(cached.body);
      if (ctx.locale !== 'ja' && site.placeNames) ctx.places = await site.placeNames();
      const page = await handler(ctx, request, reply);
      if (page === undefined) return reply;
      // Only a plain 200 is kept and labelled with the generation's ETag; error pages never get here (they throw).
      if (cached.kind === 'miss' && reply.statusCode === 200 && !reply.hasHeader('set-cookie')) {
        const kept = cache!.keep(cached, page);
        if (kept) return sendCacheHeaders(reply, kept.etag, kept.encoding).type('text/html; charset=utf-8').send(kept.body);
        sendCacheHeaders(reply, cached.etag, 'identity');
      }
      return reply.type('text/html; charset=utf-8').send(page);
    });
  register(path, undefined);
  for (const l of LOCALES) if (isLocale(l)) register(`/${l}${path === '/' ? '/' : path}`, l);
}

/** The options of a public page: its HTML is kept in the page cache. */
export const PUBLIC = Object.freeze({ cache: true });

/** One string from a query parameter that may be repeated. */
export function queryString(query: Query, name: string): string | undefined {
  const v = query[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * For a response made from the store alone that is costly to make (a PDF): labels `reply` with its ETag
 * (PageCache.validator) and answers 304 when the reader's copy is that one. True when it has answered: make nothing.
 */
export async function answeredNotModified(site: PageSite, locale: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  if (!site.cache) return false;
  const etag = await site.cache.validator(request, locale);
  void reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
  if (request.headers['if-none-match'] !== etag) return false;
  await reply.code(304).send();
  return true;
}
