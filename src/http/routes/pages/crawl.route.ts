import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPublishedPartnershipIds } from '../../../services/sitemap.service.js';
import type { Store } from '../../../storage/database.js';
import { robotsTxt, sitemapFile, sitemapUrls } from './sitemap.build.js';

/**
 * /robots.txt and /sitemap.xml for search engines. Addresses are absolute (the protocol requires it): on
 * KORYU_SITE_URL when it is set, else on the address the request came to (its Host, and X-Forwarded-Proto from a
 * trusted proxy). Up to SITEMAP_MAX_URLS addresses /sitemap.xml is the sitemap; past that it is an index of
 * /sitemap-1.xml, /sitemap-2.xml …
 */
export function registerCrawlRoutes(app: FastifyInstance, store: Store, siteUrl: string | undefined): void {
  const baseOf = (request: FastifyRequest) => siteUrl ?? `${request.protocol}://${request.host}/`;

  app.get('/robots.txt', async (request, reply) => reply.type('text/plain; charset=utf-8').send(robotsTxt(`${baseOf(request)}sitemap.xml`)));

  const sitemap = async (request: FastifyRequest, reply: FastifyReply, part?: number) => {
    const base = baseOf(request);
    const body = sitemapFile(base, sitemapUrls(base, await listPublishedPartnershipIds(store)), part);
    return body === undefined ? reply.callNotFound() : reply.type('application/xml; charset=utf-8').send(body);
  };
  app.get('/sitemap.xml', async (request, reply) => sitemap(request, reply));
  app.get<{ Params: { n: string } }>('/sitemap-:n.xml', async (request, reply) => sitemap(request, reply, /^[1-9]\d{0,5}$/.test(request.params.n) ? Number(request.params.n) : 0));
}
