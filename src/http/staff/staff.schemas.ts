// JSON schemas of the staff API. They validate requests, shape responses, and are what documents the API
// (/api/openapi.json is built from the route schemas).

const translations = {
  type: 'object',
  description: 'The text in other languages; Japanese is the text itself.',
  properties: { en: { type: 'string', maxLength: 2000 }, zh: { type: 'string', maxLength: 2000 } },
  additionalProperties: false,
} as const;
const status = { type: 'string', enum: ['draft', 'published'], description: 'Only published items are shown on the public site.' } as const;
const year = { type: 'integer', minimum: 1868, maximum: 2100 } as const;
const direction = { type: 'string', enum: ['dispatch', 'reception', 'mutual', 'unknown'], description: 'dispatch 派遣, reception 受入' } as const;
const date = { type: ['string', 'null'], description: 'YYYY-MM-DD or YYYY-MM; null when unknown.' } as const;
const version = { type: 'integer', minimum: 1, description: 'The version the edit was made on; an outdated one is refused with 409 EditConflict.' } as const;
const stamp = { id: { type: 'integer' }, version: { type: 'integer' }, updatedAt: { type: 'string' } } as const;

const partnershipFields = {
  partner: { type: 'string', minLength: 1, maxLength: 200 },
  kind: { type: 'string', minLength: 1, maxLength: 200, description: '姉妹都市, 友好都市 …' },
  affiliatedOn: { type: ['string', 'null'], description: 'YYYY-MM-DD' },
  noExchangeYears: { type: 'array', items: year, description: 'Years marked as having no exchange.' },
  status,
} as const;
const eventFields = { year, date, direction, text: { type: 'string', minLength: 1, maxLength: 2000 }, translations, status } as const;
const recordFields = {
  year,
  caption: { type: 'string', minLength: 1, maxLength: 2000 },
  translations,
  eventId: { type: ['integer', 'null'], description: 'The event the photo shows, of the same partnership.' },
  photo: { type: ['string', 'null'], pattern: '^[0-9a-f-]{36}\\.(jpg|png|webp)$', description: 'A name returned by POST /api/staff/photos.' },
  status,
} as const;

export const partnershipItem = {
  type: 'object',
  properties: { ...stamp, home: { type: 'string' }, ...partnershipFields },
  required: ['id', 'version', 'home', 'partner', 'kind', 'affiliatedOn', 'noExchangeYears', 'status'],
} as const;
export const eventItem = {
  type: 'object',
  properties: { ...stamp, partnershipId: { type: 'integer' }, ...eventFields },
  required: ['id', 'version', 'partnershipId', 'year', 'date', 'direction', 'text', 'translations', 'status'],
} as const;
export const recordItem = {
  type: 'object',
  properties: { ...stamp, partnershipId: { type: 'integer' }, ...recordFields },
  required: ['id', 'version', 'partnershipId', 'year', 'caption', 'translations', 'eventId', 'photo', 'status'],
} as const;

export const createPartnershipBody = {
  type: 'object',
  properties: partnershipFields,
  required: ['partner', 'kind'],
  additionalProperties: false,
} as const;
export const createEventBody = {
  type: 'object',
  properties: { partnershipId: { type: 'integer' }, ...eventFields },
  required: ['partnershipId', 'year', 'direction', 'text'],
  additionalProperties: false,
} as const;
export const createRecordBody = {
  type: 'object',
  properties: { partnershipId: { type: 'integer' }, ...recordFields },
  required: ['partnershipId', 'year', 'caption'],
  additionalProperties: false,
} as const;
export const patchBody = (fields: Record<string, unknown>) =>
  ({ type: 'object', properties: { version, ...fields }, required: ['version'], additionalProperties: false }) as const;
export const patchPartnershipBody = patchBody(partnershipFields);
export const patchEventBody = patchBody(eventFields);
export const patchRecordBody = patchBody(recordFields);

export const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;
export const versionQuery = { type: 'object', properties: { version }, required: ['version'] } as const;

export const errorBody = {
  type: 'object',
  description: 'A refused request: a stable code, a message for people, and for conflicts the stored item.',
  properties: {
    error: { type: 'string', description: 'The stable code (EditConflict, EditRejected, PhotoRejected, UploadTooLarge, UsageError, NotAuthenticated, CsrfRejected …).' },
    code: { type: 'string', description: 'The same code.' },
    message: { type: 'string' },
    current: { type: 'object', additionalProperties: true },
    problems: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, problem: { type: 'string' } } } },
    preview: { type: 'object', additionalProperties: true, description: 'ImportPreviewStale: the preview made again, with a new token to confirm.' },
  },
  required: ['error', 'message'],
} as const;

export const historyEntry = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['partnership', 'event', 'record'] },
    itemId: { type: 'integer' },
    partnershipId: { type: 'integer' },
    version: { type: 'integer' },
    action: { type: 'string', enum: ['create', 'update', 'delete', 'restore', 'import'] },
    actor: { type: 'string' },
    at: { type: 'string' },
    before: { type: ['object', 'null'], additionalProperties: true },
    after: { type: ['object', 'null'], additionalProperties: true },
    changes: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, before: {}, after: {} } },
    },
  },
} as const;

const counts = {
  type: 'object',
  properties: { events: { type: 'integer' }, records: { type: 'integer' }, years: { type: 'integer' } },
} as const;

/** An event or photo record as an import summary reads it (date and direction for events only). */
const details = { type: 'object', properties: { kind: { type: 'string' }, affiliatedOn: { type: ['string', 'null'] } } } as const;

const reading = {
  type: 'object',
  properties: { year: { type: 'integer' }, date: { type: ['string', 'null'] }, direction: { type: 'string' }, text: { type: 'string' } },
} as const;

export const changeSummary = {
  type: 'object',
  properties: {
    home: { type: 'string' },
    partner: { type: 'string' },
    created: { type: 'boolean' },
    detailsChanged: { type: 'boolean' },
    added: counts,
    changed: counts,
    removed: counts,
    removedItems: {
      type: 'array',
      description: 'The stored events (kind event) and photo records (kind record) the documents no longer hold: year and text or caption.',
      items: { type: 'object', properties: { kind: { type: 'string' }, year: { type: 'integer' }, text: { type: 'string' } } },
    },
    details: {
      type: 'object',
      description: 'When detailsChanged: the kind and affiliation date (YYYY-MM-DD or null) before and after. A document that leaves either out keeps the stored one.',
      properties: { before: details, after: details },
    },
    changedItems: {
      type: 'array',
      description: 'The stored events and photo records whose year, date, direction or text the import changes, as they read before and after.',
      items: { type: 'object', properties: { kind: { type: 'string' }, before: reading, after: reading } },
    },
  },
} as const;
