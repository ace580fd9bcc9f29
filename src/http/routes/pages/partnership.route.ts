import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { isDirection } from '../../../domain/direction.js';
import { KoryuError } from '../../../errors.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { TimelinePage, type TimelineFilter } from '../../../views/timeline.page.js';
import { renderPage } from '../../../views/render.js';
import { downloadLinks } from '../opendata/downloads.route.js';
import { pageRoute, queryString, type PageSite } from '../../page-route.js';

type Query = Record<string, string | string[] | undefined>;

/** A year from the query (`from`, `to`); anything but a plain 4-digit year is ignored. */
function queryYear(query: Query, name: string): number | undefined {
  const v = queryString(query, name)?.trim();
  return v !== undefined && /^\d{4}$/.test(v) ? Number(v) : undefined;
}

/** The filters of the partnership page from its GET form: from, to, and direction (repeated, one per checkbox). */
export function timelineFilter(query: Query): TimelineFilter {
  const raw = query.direction;
  const directions = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(isDirection);
  return { from: queryYear(query, 'from'), to: queryYear(query, 'to'), directions };
}

export function registerPartnershipRoutes(app: FastifyInstance, store: Store, site: PageSite): void {
  pageRoute<{ id: string }>(app, site, '/partnerships/:id', async (ctx, request) => {
    const id = /^\d{1,15}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    const partnership = (await listPartnerships(store)).find((p) => p.id === id);
    if (!partnership) throw new KoryuError('PartnershipNotFound', 'No such partnership.');
    return renderPage(h(TimelinePage, { ctx, partnership, filter: timelineFilter(request.query), downloads: downloadLinks(`/partnerships/${partnership.id}/downloads`) }));
  });
}
