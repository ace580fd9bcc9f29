import type { FastifyInstance } from 'fastify';
import { licenceNotice, type Licence } from '../../../domain/licence.js';

/** RFC 8187 ext-value: UTF-8, every octet outside attr-char percent-encoded. */
const extValue = (text: string): string => `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * The Link header (RFC 8288) every response of the read API carries: the licence's deed as `rel="license"` (RFC 4946),
 * titled with the credit and terms line the exports carry (出典：…／利用条件：…, RFC 8187 `title*`), and the API's
 * description as `rel="describedby"`. A header, so that every answer (a list, one event, a refusal) carries the same
 * terms without its JSON changing shape.
 */
export function apiLinkHeader(licence: Licence | undefined): string {
  const describedBy = '</api/openapi.json>; rel="describedby"';
  return licence ? `<${licence.url}>; rel="license"; title*=${extValue(licenceNotice(licence))}, ${describedBy}` : describedBy;
}

/** Gives every response under /api but the staff's the Link header, which a page of another origin may read too. */
export function carryLicence(app: FastifyInstance, licence: Licence | undefined): void {
  const link = apiLinkHeader(licence);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/staff/')) return;
    void reply.header('link', link).header('access-control-expose-headers', 'Link, ETag');
  });
}
