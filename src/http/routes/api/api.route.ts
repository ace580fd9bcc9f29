import type { FastifyInstance } from 'fastify';
import { totalsOf, type StoredPartnership } from '../../../domain/partnership.js';
import { KoryuError } from '../../../errors.js';
import { findEvent, findPublishedPartnership, listPartnershipTotals } from '../../../services/record.service.js';
import { searchRecord } from '../../../services/search.service.js';
import type { Store } from '../../../storage/database.js';
import type { Licence } from '../../../domain/licence.js';
import { carryLicence } from './api.licence.js';
import { page, paged, presentEvent, presentPartnership, presentRecord, presentYears } from './api.present.js';
import { directionSchema, eventSchema, idParams, pageOf, pageQuery, partnershipSchema, recordSchema, searchHitSchema, yearSchema } from './api.schemas.js';
import { isApiUrl } from '../../api-url.js';

interface PageQuery {
  limit: number;
  offset: number;
}

/** The published partnership with this id, read alone (a country's record holds a million events). */
async function partnershipById(store: Store, id: number): Promise<StoredPartnership> {
  try {
    return await findPublishedPartnership(store, id);
  } catch (error) {
    if (error instanceof KoryuError && error.code === 'PartnershipNotFound') throw new KoryuError('PartnershipNotFound', `No partnership has the id ${id}.`);
    throw error;
  }
}

/**
 * CORS for the read API: any origin may GET it (it is public data), and the response may be read cross-origin.
 * Preflight requests get the same answer, so a client that sends one is not turned away.
 */
function allowCrossOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiUrl(request.url)) return;
    void reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
  });
  app.options('/api/*', async (_request, reply) =>
    reply.code(204).header('access-control-allow-methods', 'GET, HEAD, OPTIONS').header('access-control-allow-headers', 'Content-Type, If-None-Match').header('access-control-max-age', '86400').send(),
  );
}

/**
 * The public read API under /api: partnerships, their years, events and photo records, and search; JSON, paginated;
 * each answer with the licence in its Link header (api.licence.ts).
 */
export function registerApiRoutes(app: FastifyInstance, store: Store, licence?: Licence): void {
  allowCrossOrigin(app);
  carryLicence(app, licence);
  const tags = ['public'];

  app.get<{ Querystring: PageQuery }>('/api/partnerships', {
    schema: { summary: 'Every partnership in the record', tags, querystring: { type: 'object', properties: pageQuery }, response: { 200: pageOf(partnershipSchema) } },
  }, async (request) => page((await listPartnershipTotals(store)).map(presentPartnership), request.query.limit, request.query.offset, request.url));

  app.get<{ Params: { id: number } }>('/api/partnerships/:id', {
    schema: { summary: 'One partnership', tags, params: idParams, response: { 200: partnershipSchema } },
  }, async (request) => presentPartnership(totalsOf(await partnershipById(store, request.params.id))));

  app.get<{ Params: { id: number }; Querystring: PageQuery }>('/api/partnerships/:id/years', {
    schema: { summary: 'The years of a partnership, with their counts and no-exchange marks', tags, params: idParams, querystring: { type: 'object', properties: pageQuery }, response: { 200: pageOf(yearSchema) } },
  }, async (request) => page(presentYears(await partnershipById(store, request.params.id)), request.query.limit, request.query.offset, request.url));

  app.get<{ Params: { id: number }; Querystring: PageQuery & { year?: number; direction?: string } }>('/api/partnerships/:id/events', {
    schema: {
      summary: 'The exchanges of a partnership, in the order of the record',
      tags,
      params: idParams,
      querystring: { type: 'object', properties: { ...pageQuery, year: { type: 'integer' }, direction: directionSchema } },
      response: { 200: pageOf(eventSchema) },
    },
  }, async (request) => {
    const p = await partnershipById(store, request.params.id);
    const { year, direction } = request.query;
    const events = p.events.filter((e) => (year === undefined || e.year === year) && (direction === undefined || e.direction === direction));
    return page(events.map((e) => presentEvent(p, e)), request.query.limit, request.query.offset, request.url);
  });

  app.get<{ Params: { id: number }; Querystring: PageQuery & { year?: number } }>('/api/partnerships/:id/records', {
    schema: {
      summary: 'The photo records of a partnership',
      tags,
      params: idParams,
      querystring: { type: 'object', properties: { ...pageQuery, year: { type: 'integer' } } },
      response: { 200: pageOf(recordSchema) },
    },
  }, async (request) => {
    const p = await partnershipById(store, request.params.id);
    const records = p.records.filter((r) => request.query.year === undefined || r.year === request.query.year);
    return page(records.map((r) => presentRecord(p, r)), request.query.limit, request.query.offset, request.url);
  });

  app.get<{ Params: { id: number } }>('/api/events/:id', {
    schema: { summary: 'One exchange', tags, params: idParams, response: { 200: eventSchema } },
  }, async (request) => {
    const { partnership, index } = await findEvent(store, request.params.id);
    return presentEvent(partnership, partnership.events[index]!);
  });

  app.get<{ Querystring: PageQuery & { q: string; partner?: string; home?: string; year?: number } }>('/api/search', {
    schema: {
      summary: 'Exchanges and photo captions containing the words (1 character or more; full-width and half-width alike)',
      tags,
      querystring: { type: 'object', required: ['q'], properties: {
          q: { type: 'string', minLength: 1, maxLength: 200 },
          partner: { type: 'string', description: 'Only this partner city (大連市; simplified characters are read in their Japanese forms). With `home`, only that partnership.' },
          home: { type: 'string', description: 'Only this home municipality (富山市): with `partner`, one partnership where several homes share a partner city.' },
          year: { type: 'integer', minimum: 1, maximum: 9999, description: 'Only the exchanges and photo records of this year (Gregorian), as the web search’s year filter.' },
          ...pageQuery,
        },
      },
      response: { 200: pageOf(searchHitSchema) },
    },
  }, async (request) => {
    const { q, partner, home, year, limit, offset } = request.query;
    const result = await searchRecord(store, q, { limit, offset, ...(partner ? { partner } : {}), ...(home ? { home } : {}), ...(year === undefined ? {} : { year }) });
    return paged(result.hits, result.total, limit, offset, request.url);
  });
}
