import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { isDirection } from '../../../domain/direction.js';
import { isExchangeField } from '../../../domain/exchange-field.js';
import { narrowPartnership } from '../../../domain/knowledge.js';
import { findOrganization } from '../../../domain/organization.js';
import { loadPartnershipKnowledge } from '../../../services/knowledge.service.js';
import type { Store } from '../../../storage/database.js';
import { TimelinePage, type TimelineFilter } from '../../../views/timeline.page.js';
import { renderPage } from '../../../views/render.js';
import { downloadLinks } from '../opendata/downloads.route.js';
import { PUBLIC, pageRoute, queryString, type PageSite } from '../../page-route.js';
import { pathId } from '../../path-id.js';

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
    const id = pathId(request.params.id);
    const knowledge = await loadPartnershipKnowledge(store, id);
    const k = knowledge.partnership;
    // `org` (a name or alias; unknown names are ignored) and `field` narrow the events shown.
    const organization = findOrganization(knowledge.organizations, queryString(request.query, 'org')?.trim() ?? '');
    const rawField = queryString(request.query, 'field');
    const field = isExchangeField(rawField) ? rawField : undefined;
    const named = organization ? new Set(organization.mentions.filter((m) => m.partnershipId === id).map((m) => m.event)) : undefined;
    const partnership =
      named || field ? narrowPartnership(k.partnership, (i) => (!named || named.has(i)) && (!field || (k.fields[i] ?? []).includes(field))) : k.partnership;
    const organizations = knowledge.organizations.filter((o) => o.mentions.some((m) => m.partnershipId === id)).map((o) => o.name);
    return renderPage(
      h(TimelinePage, {
        ctx,
        partnership,
        filter: timelineFilter(request.query),
        downloads: downloadLinks(`/partnerships/${id}/downloads`),
        knowledge: { organizations, ...(organization ? { organization: organization.name } : {}), ...(field ? { field } : {}) },
      }),
    );
  }, PUBLIC);
}
