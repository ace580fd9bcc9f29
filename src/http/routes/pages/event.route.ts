import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { KoryuError } from '../../../errors.js';
import { findEvent } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { EventPage } from '../../../views/event.page.js';
import { renderPage } from '../../../views/render.js';
import { PUBLIC, pageRoute, type PageSite } from '../../page-route.js';
import { pathId } from '../../path-id.js';

export function registerEventRoutes(app: FastifyInstance, store: Store, site: PageSite): void {
  pageRoute<{ id: string }>(app, site, '/events/:id', async (ctx, request) => {
    const id = pathId(request.params.id);
    if (Number.isNaN(id)) throw new KoryuError('EventNotFound', 'No such event.');
    const { partnership, index } = await findEvent(store, id);
    return renderPage(h(EventPage, { ctx, partnership, index }));
  }, PUBLIC);
}
