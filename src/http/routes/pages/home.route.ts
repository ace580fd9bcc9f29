import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { HomePage } from '../../../views/home.page.js';
import { renderPage } from '../../../views/render.js';
import { downloadLinks } from '../opendata/downloads.route.js';
import { pageRoute, type PageSite } from '../../page-route.js';

/** `now` gives today's date (for the anniversaries); tests fix it. */
export function registerHomeRoutes(app: FastifyInstance, store: Store, site: PageSite, now: () => Date = () => new Date()): void {
  pageRoute(app, site, '/', async (ctx) => {
    const partnerships = await listPartnerships(store, { home: site.home });
    return renderPage(h(HomePage, { ctx, partnerships, today: now(), downloads: downloadLinks('/downloads') }));
  });
}
