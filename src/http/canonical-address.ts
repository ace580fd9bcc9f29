import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES } from '../views/i18n/locale.js';

/** A language's home page without its slash: /en is /en/. */
const LANGUAGE_ROOT = new RegExp(`^/(?:${LOCALES.join('|')})$`);

/**
 * The canonical address of a GET or HEAD that matched no route, when one is served: a language's home page with its
 * slash (`/en` → `/en/`), any other page without a trailing slash (`/en/events/3/` → `/en/events/3`). The query is
 * kept. Undefined when the address is not one of those or the canonical one matches no route either, so a missing
 * page stays a 404 and never redirects in a loop. An address starting `//` or holding a backslash is never a target
 * (a browser would read it as another site's).
 */
export function canonicalAddress(app: FastifyInstance, request: FastifyRequest): string | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const at = request.url.indexOf('?');
  const path = at < 0 ? request.url : request.url.slice(0, at);
  const query = at < 0 ? '' : request.url.slice(at);
  let target: string;
  if (LANGUAGE_ROOT.test(path)) target = `${path}/`;
  else if (path.length > 1 && path.endsWith('/')) target = path.replace(/\/+$/, '');
  else return undefined;
  if (target === '' || target.startsWith('//') || target.includes('\\')) return undefined;
  if (!app.findRoute({ method: 'GET', url: target })) return undefined;
  return target + query;
}

/** The not-found handler: a permanent redirect to the canonical address when there is one, else `refuse`. */
export function redirectToCanonical(app: FastifyInstance, refuse: (request: FastifyRequest, reply: FastifyReply) => void) {
  return (request: FastifyRequest, reply: FastifyReply): void => {
    const target = canonicalAddress(app, request);
    if (target === undefined) refuse(request, reply);
    else void reply.redirect(target, 301);
  };
}
