import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { licenceNotice, type Licence } from '../../../domain/licence.js';

// FastifySchema's summary, description and tags are declared once, in src/http/route-docs.ts.

type Json = Record<string, unknown>;

interface CollectedRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

/** /api/partnerships/:id → /api/partnerships/{id} */
const templatePath = (url: string): string => url.replace(/:(\w+)/g, '{$1}');

function parameters(schema: unknown, where: 'path' | 'query'): Json[] {
  const s = schema as { properties?: Record<string, Json>; required?: string[] } | undefined;
  return Object.entries(s?.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (s?.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** Every refusal under /api: JSON with a stable code and a message for people (src/http/error-handler.ts). */
const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'A stable code: UsageError, RouteNotFound, PartnershipNotFound, EventNotFound, …', examples: ['PartnershipNotFound'] },
    message: { type: 'string', description: 'What went wrong, for people (English).' },
  },
};

const refusal = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operation(route: CollectedRoute): Json {
  const schema = route.schema ?? {};
  const responses: Json = {};
  for (const [status, body] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
    responses[status] = { description: status === '200' ? 'OK' : status, content: { 'application/json': { schema: body } } };
  }
  if (Object.keys(responses).length === 0) responses['200'] = { description: 'OK' };
  const found = route.url.includes(':') ? { '404': refusal('Not found: nothing has this id (PartnershipNotFound, EventNotFound, …)') } : {};
  return {
    ...(schema.summary ? { summary: schema.summary } : {}),
    ...(schema.description ? { description: schema.description } : {}),
    ...(schema.tags ? { tags: schema.tags } : {}),
    operationId: `${route.method.toLowerCase()}${templatePath(route.url).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    parameters: [...parameters(schema.params, 'path'), ...parameters(schema.querystring, 'query')],
    responses: {
      '400': refusal('Bad request: a parameter is missing, malformed or out of range (UsageError)'),
      ...found,
      default: refusal('Any other refusal or failure, with its status (401, 403, 409, 413, 422, 500, 503 …)'),
      ...responses,
    },
  };
}

export interface OpenApiInfo {
  title: string;
  version: string;
  licence?: Licence;
}

/** The OpenAPI 3.1 document of the collected routes. */
export function openApiDocument(routes: readonly CollectedRoute[], info: OpenApiInfo): Json {
  const paths: Record<string, Json> = {};
  for (const route of [...routes].sort((a, b) => a.url.localeCompare(b.url))) {
    (paths[templatePath(route.url)] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.licence
        ? {
            description: `Open data: ${licenceNotice(info.licence)}. Every answer of the read API carries these terms in its Link header: rel="license" (the licence's deed, titled with this credit line as an RFC 8187 title*) and rel="describedby" (this document).`,
            license: { name: info.licence.name, url: info.licence.url },
          }
        : {}),
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { Error: ERROR_SCHEMA } },
  };
}

/**
 * Collects every GET, POST, PUT, PATCH and DELETE route under /api as it is registered (whoever registers it)
 * and serves their OpenAPI document at /api/openapi.json. Register this before the /api routes.
 */
export function registerOpenApi(app: FastifyInstance, info: OpenApiInfo): void {
  const routes: CollectedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/') || route.url.includes('*')) return;
    for (const method of [route.method].flat()) {
      if (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) routes.push({ method, url: route.url, schema: route.schema });
    }
  });
  let document: string | undefined;
  app.get('/api/openapi.json', { schema: { summary: 'This document: the OpenAPI description of every /api route', tags: ['meta'] } }, async (_request, reply) => {
    document ??= JSON.stringify(openApiDocument(routes, info), null, 2);
    return reply.type('application/json; charset=utf-8').send(document);
  });
}
