/**
 * JSON Schemas of the public read API: Fastify validates queries and params with them and serialises responses
 * with them, and /api/openapi.json is generated from them, so the document cannot drift from the routes.
 */
const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });

export const translationsSchema = {
  type: 'object',
  description: 'The text in other languages, where someone has translated it.',
  properties: { en: { type: 'string' }, zh: { type: 'string' } },
} as const;

export const directionSchema = { type: 'string', enum: ['dispatch', 'reception', 'mutual', 'unknown'], description: 'dispatch 派遣, reception 受入, mutual 相互, unknown —' } as const;

export const partnershipSchema = {
  type: 'object',
  required: ['id', 'home', 'partner', 'kind', 'affiliatedOn', 'events', 'records', 'firstYear', 'lastYear', 'noExchangeYears', 'updatedAt'],
  properties: {
    id: { type: 'integer' },
    home: { type: 'string', description: 'The home municipality.' },
    partner: { type: 'string', description: 'The partner city.' },
    kind: { type: 'string', description: '姉妹都市, 友好都市 …, as the source names it.' },
    affiliatedOn: nullable('string', { description: 'Date of the affiliation, YYYY-MM-DD.' }),
    events: { type: 'integer', description: 'Number of exchanges.' },
    records: { type: 'integer', description: 'Number of photo records.' },
    firstYear: nullable('integer', { description: 'The first year of its record (an event, a photo record or a year without exchange), as its page shows it; null when it has none.' }),
    lastYear: nullable('integer', { description: 'The last year of its record, likewise (a year without exchange counts).' }),
    noExchangeYears: { type: 'array', items: { type: 'integer' } },
    updatedAt: { type: 'string', description: 'When the partnership last changed (ISO timestamp).' },
  },
} as const;

export const yearSchema = {
  type: 'object',
  required: ['year', 'noExchange', 'events', 'records'],
  properties: { year: { type: 'integer' }, noExchange: { type: 'boolean' }, events: { type: 'integer' }, records: { type: 'integer' } },
} as const;

export const eventSchema = {
  type: 'object',
  required: ['id', 'partnershipId', 'year', 'date', 'direction', 'text', 'records'],
  properties: {
    id: { type: 'integer' },
    partnershipId: { type: 'integer' },
    year: { type: 'integer' },
    date: nullable('string', { description: 'YYYY-MM-DD, or YYYY-MM when only the month is known.' }),
    direction: directionSchema,
    text: { type: 'string', description: 'The exchange as the record writes it (Japanese).' },
    translations: translationsSchema,
    records: { type: 'array', items: { type: 'integer' }, description: 'Ids of the photo records showing this exchange.' },
  },
} as const;

export const recordSchema = {
  type: 'object',
  required: ['id', 'partnershipId', 'year', 'caption', 'eventId'],
  properties: {
    id: { type: 'integer' },
    partnershipId: { type: 'integer' },
    year: { type: 'integer' },
    caption: { type: 'string' },
    translations: translationsSchema,
    eventId: nullable('integer', { description: 'The exchange the photo shows, if one.' }),
  },
} as const;

export const searchHitSchema = {
  type: 'object',
  required: ['kind', 'id', 'partnershipId', 'home', 'partner', 'year', 'date', 'direction', 'text'],
  properties: {
    kind: { type: 'string', enum: ['event', 'record'] },
    id: { type: 'integer' },
    partnershipId: { type: 'integer' },
    home: { type: 'string' },
    partner: { type: 'string' },
    year: { type: 'integer' },
    date: nullable('string', { description: 'An exchange’s date, YYYY-MM-DD, or YYYY-MM when only the month is known (as /api/events gives it); null when the record gives none, and for photo records.' }),
    direction: { type: ['string', 'null'], enum: ['dispatch', 'reception', 'mutual', 'unknown', null] },
    text: { type: 'string' },
    translations: translationsSchema,
  },
} as const;

/** A page of a list: the items, how many there are in all, and where the next page is. */
export function pageOf(items: object) {
  return {
    type: 'object',
    required: ['items', 'total', 'limit', 'offset', 'next'],
    properties: {
      items: { type: 'array', items },
      total: { type: 'integer', description: 'Items in the whole list, not only this page.' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      next: nullable('string', { description: 'The URL of the next page, or null on the last.' }),
    },
  } as const;
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: DEFAULT_PAGE, description: `Items per page (1–${MAX_PAGE}).` },
  offset: { type: 'integer', minimum: 0, default: 0, description: 'Items to skip.' },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;
