import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { KoryuError } from '../../../errors.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { TimelinePage } from '../../../views/timeline.page.js';
import { renderPage } from '../../../views/render.js';
import { pageRoute, type PageSite } from '../../page-route.js';

export function registerPartnershipRoutes(app: FastifyInstance, store: Store, site: PageSite): void {
  pageRoute<{ id: string }>(app, site, '/partnerships/:id', async (ctx, request) => {
    const id = Number(request.params.id);
    const partnership = (await listPartnerships(store)).find((p) => p.id === id);
    if (!partnership) throw new KoryuError('PartnershipNotFound', 'No such partnership.');
    return renderPage(h(TimelinePage, { ctx, partnership }));
  });
}
