import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { anniversariesAround } from '../../../domain/anniversary.list.js';
import { loadHomeOverview } from '../../../services/knowledge.service.js';
import type { Store } from '../../../storage/database.js';
import { HomePage } from '../../../views/home.page.js';
import { renderPage } from '../../../views/render.js';
import { downloadLinks } from '../opendata/downloads.route.js';
import { PUBLIC, pageRoute, type PageSite } from '../../page-route.js';

/** `now` gives today's date (for the anniversaries); tests fix it. */
export function registerHomeRoutes(app: FastifyInstance, store: Store, site: PageSite, now: () => Date = () => new Date()): void {
  pageRoute(app, site, '/', async (ctx) => {
    const { partnerships, anniversaries, otherHomes } = await loadHomeOverview(store, site.home);
    const today = now();
    return renderPage(h(HomePage, { ctx, partnerships, otherHomes, today, anniversaries: anniversariesAround(anniversaries, today), downloads: downloadLinks('/downloads') }));
  }, PUBLIC);
}
