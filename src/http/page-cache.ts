import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokyoCalendarDate } from '../domain/anniversary.js';
import type { Store } from '../storage/database.js';
import { storeGeneration } from '../services/generation.service.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth/cookies.js';

interface Entry {
  body: Buffer;
  etag: string;
}

/** Where a public page's response comes from, found before its handler runs. */
export type CacheLookup =
  | { kind: 'bypass' }
  | { kind: 'not-modified'; etag: string }
  | { kind: 'hit'; etag: string; body: Buffer }
  | { kind: 'miss'; etag: string; key: string; generation: number };

/**
 * Rendered public pages, kept in memory and bounded by bytes (KORYU_PAGE_CACHE_BYTES), least recently used first
 * out. An entry is keyed by the store's generation (which every write transaction advances, in whichever process
 * it runs), the day (the home page shows the anniversaries around it), the language and the URL; so an entry
 * is never stale, and entries of older generations are dropped as soon as a newer one is seen. The ETag is made
 * of the same parts and a token of this process (another version of the program may render differently), so a
 * revalidation is answered 304 without rendering.
 *
 * Requests carrying a session or CSRF cookie are neither served from nor stored in the cache.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = -1;
  private readonly token = randomBytes(6).toString('base64url');

  constructor(
    private readonly store: Store,
    /** Most bytes of HTML kept; 0 keeps none (ETags and 304 still work). */
    readonly maxBytes: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What to answer `request` (for a page in `locale`) with, before rendering anything. */
  async lookup(request: FastifyRequest, locale: string): Promise<CacheLookup> {
    if (request.cookies?.[SESSION_COOKIE] !== undefined || request.cookies?.[CSRF_COOKIE] !== undefined) return { kind: 'bypass' };
    const generation = await storeGeneration(this.store);
    if (generation > this.generation) this.clear(generation);
    const day = dayOf(this.now());
    const etag = `"${this.token}-${generation}-${day}-${locale}"`;
    if (request.headers['if-none-match'] === etag) return { kind: 'not-modified', etag };
    const key = `${generation}|${day}|${locale}|${request.url}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return { kind: 'miss', etag, key, generation };
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { kind: 'hit', etag, body: entry.body };
  }

  /** Keeps a page rendered after a miss, unless the store moved on meanwhile or it is larger than the whole cache. */
  keep(miss: Extract<CacheLookup, { kind: 'miss' }>, html: string): void {
    if (miss.generation !== this.generation) return;
    const body = Buffer.from(html);
    if (body.length > this.maxBytes) return;
    const old = this.entries.get(miss.key);
    if (old) this.bytes -= old.body.length;
    this.entries.set(miss.key, { body, etag: miss.etag });
    this.bytes += body.length;
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= entry.body.length;
    }
  }

  /** Bytes of HTML held now. */
  get size(): number {
    return this.bytes;
  }

  private clear(generation: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation = generation;
  }
}

/**
 * The day a page is rendered for: the date in Japan (the anniversaries on the home page follow it) and the UTC
 * date (a timeline without years starts at the UTC year), as YYYYMMDD-YYYYMMDD.
 */
function dayOf(at: Date): string {
  // Intl's formatting costs more than the rest of a cached answer: computed once a minute.
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastDay.minute) {
    const tokyo = tokyoCalendarDate(at);
    lastDay = { minute, day: `${tokyo.year * 10000 + tokyo.month * 100 + tokyo.day}-${at.toISOString().slice(0, 10).replace(/-/g, '')}` };
  }
  return lastDay.day;
}

let lastDay = { minute: Number.NaN, day: '' };

/** Headers of a cacheable page: readers revalidate every time, and an unchanged page costs a 304. */
export function sendCacheHeaders(reply: FastifyReply, etag: string): FastifyReply {
  return reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
}
