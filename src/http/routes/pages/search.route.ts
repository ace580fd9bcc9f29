import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { isDirection } from '../../../domain/direction.js';
import type { SearchFilters } from '../../../domain/search-text.js';
import { yearOfQuery } from '../../../domain/year-query.js';
import { searchWithKnowledge } from '../../../services/knowledge.search.js';
import { SEARCH_PAGE_SIZE } from '../../../services/search.service.js';
import { listPartnershipTotals } from '../../../services/record.service.js';
import { placesNamedBy } from '../../../domain/place-name.js';
import { partnershipsActiveIn } from '../../../services/year.service.js';
import type { Store } from '../../../storage/database.js';
import { renderPage } from '../../../views/render.js';
import { SearchPage } from '../../../views/search.page.js';
import { PUBLIC, pageRoute, queryString, type PageSite } from '../../page-route.js';

/** Pages beyond this are not offered (an offset of two million hits is far past any record). */
const MAX_PAGE = 100_000;

/** Partnerships a query naming a place links at most (a partner of many homes). */
const MAX_NAMED_PARTNERSHIPS = 10;

/**
 * /search?q=…&partner=…&home=…&year=…&direction=…&kind=record&page=…: the faceted search over every partnership.
 * Filter values that cannot match (a year that is not a number, an unknown direction) are ignored. A query that is
 * a year (2019, 令和元年: yearOfQuery) also links that year on the timelines of the home's partnerships (`home`, else the site's).
 */
export function registerSearchRoutes(app: FastifyInstance, store: Store, site: PageSite): void {
  pageRoute(app, site, '/search', async (ctx, request) => {
    const query = queryString(request.query, 'q') ?? '';
    const filters: SearchFilters = {};
    const partner = queryString(request.query, 'partner');
    if (partner) filters.partner = partner;
    const home = queryString(request.query, 'home');
    if (home) filters.home = home;
    const year = queryString(request.query, 'year');
    if (year && /^\d{1,4}$/.test(year)) filters.year = Number(year);
    const direction = queryString(request.query, 'direction');
    if (isDirection(direction)) filters.direction = direction;
    if (queryString(request.query, 'kind') === 'record') filters.kind = 'record';
    const organization = queryString(request.query, 'org');
    if (organization) filters.organization = organization;
    const field = queryString(request.query, 'field');
    if (field) filters.field = field;
    const pageParam = queryString(request.query, 'page');
    const page = pageParam && /^\d{1,6}$/.test(pageParam) ? Math.min(Math.max(Number(pageParam), 1), MAX_PAGE) : 1;

    const blank = query.trim() === '';
    const result = blank ? null : await searchWithKnowledge(store, query, { filters, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
    const { eventIds: _ids, ...applied } = result?.filters ?? {};
    // On an English or Chinese page, a query naming a partner city in the page's language (Dalian) links its
    // partnerships: the index holds the record's Japanese names (大連市), which the query cannot find.
    const namedPlaces = blank || !ctx.places ? [] : placesNamedBy(query, ctx.places);
    const namedPartnerships = namedPlaces.length === 0 ? [] : (await listPartnershipTotals(store)).filter((p) => namedPlaces.includes(p.partner)).slice(0, MAX_NAMED_PARTNERSHIPS);
    const named = yearOfQuery(query);
    const yearView = named === null ? undefined : { year: named, partnerships: await partnershipsActiveIn(store, filters.home ?? site.home, named) };
    return renderPage(
      h(SearchPage, {
        ctx, query, filters: result ? applied : filters, page, pageSize: SEARCH_PAGE_SIZE, result,
        ...(result ? { knowledge: result.knowledge } : {}),
        ...(namedPartnerships.length > 0 ? { namedPartnerships } : {}),
        ...(yearView ? { yearView } : {}),
      }),
    );
  }, PUBLIC);
}
