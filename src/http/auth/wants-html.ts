import type { FastifyRequest } from 'fastify';
import { isLocale, negotiateLocale, type Locale } from '../../views/i18n/locale.js';

/** True for a browser asking for a page (navigation, form post); false for JSON and other API calls. */
export function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

/** The language of the request: its URL prefix (/en/…) or else Accept-Language. */
export function requestLocale(request: FastifyRequest): { locale: Locale; explicit: boolean } {
  const prefix = /^\/(\w\w)(?:\/|$|\?)/.exec(request.url)?.[1];
  if (isLocale(prefix)) return { locale: prefix, explicit: true };
  return { locale: negotiateLocale(request.headers['accept-language']), explicit: false };
}

/** A path inside this site that is safe to return to after signing in, or undefined (no scheme, host or //). */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\u0000-\u001f\\]/.test(value)) return undefined;
  return value;
}
