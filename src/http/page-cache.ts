import { createHash, randomBytes } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokyoCalendarDate } from '../domain/anniversary.js';
import type { Store } from '../storage/database.js';
import { GenerationWatch } from '../services/generation.watch.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth/cookies.js';

/** How a kept page is sent: as rendered, or compressed once for every reader that accepts it. */
export type Encoding = 'identity' | 'br' | 'gzip';

/** Pages shorter than this are sent as they are: compression would save little. */
const COMPRESS_FROM_BYTES = 1024;

interface Entry {
  /** The page as rendered, and compressed forms made when first asked for. */
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
}

/** Where a public page's response comes from, found before its handler runs. */
export type CacheLookup =
  | { kind: 'bypass' }
  | { kind: 'not-modified'; etag: string; encoding: Encoding }
  | { kind: 'hit'; etag: string; body: Buffer; encoding: Encoding }
  | { kind: 'miss'; etag: string; key: string; generation: number; wanted: Encoding; etagOf: (encoding: Encoding) => string };

/**
 * Rendered public pages, kept in memory and bounded by bytes (KORYU_PAGE_CACHE_BYTES), least recently used first
 * out. An entry is keyed by the store's generation (which every write transaction advances, in whichever process
 * it runs), the day (the home page shows the anniversaries around it), the language and the URL; entries of older
 * generations are dropped as soon as a newer one is seen. The generation is watched (GenerationWatch): a page
 * never outlives a write of this process, and one of another process shows within 100 ms. The ETag is made
 * of the same parts and a token of this process (another version of the program may render differently), so a
 * revalidation is answered 304 without rendering.
 *
 * A kept page is compressed (Brotli, else gzip, as the request's Accept-Encoding allows) the first time a reader
 * asks for it so, and kept compressed too: a timeline of forty years is some 120 KB of HTML and a tenth of that
 * compressed, for readers on mobile connections and across borders. Each encoding has its own ETag.
 *
 * Requests carrying a session or CSRF cookie are neither served from nor stored in the cache.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation = -1;
  private readonly token = randomBytes(6).toString('base64url');
  private readonly generations: GenerationWatch;

  constructor(
    store: Store,
    /** Most bytes of HTML kept; 0 keeps none (ETags and 304 still work). */
    readonly maxBytes: number,
    private readonly now: () => Date = () => new Date(),
    generations?: GenerationWatch,
  ) {
    this.generations = generations ?? new GenerationWatch(store);
  }

  /** What to answer `request` (for a page in `locale`) with, before rendering anything. */
  async lookup(request: FastifyRequest, locale: string): Promise<CacheLookup> {
    if (request.cookies?.[SESSION_COOKIE] !== undefined || request.cookies?.[CSRF_COOKIE] !== undefined) return { kind: 'bypass' };
    const generation = await this.generations.current();
    if (generation > this.generation) this.clear(generation);
    const day = dayOf(this.now());
    const wanted = acceptedEncoding(request.headers['accept-encoding']);
    const etagOf = (encoding: Encoding) => `"${this.token}-${generation}-${day}-${locale}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    // The reader's copy may be in another encoding than it accepts now (a page too short to compress, or one the
    // cache could not keep, went out as rendered): any encoding of this generation is still that page.
    const held = request.headers['if-none-match'];
    for (const encoding of [wanted, 'identity'] as const) if (held === etagOf(encoding)) return { kind: 'not-modified', etag: held, encoding };
    const key = `${generation}|${day}|${locale}|${request.url}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return { kind: 'miss', etag: etagOf('identity'), key, generation, wanted, etagOf };
    this.entries.delete(key);
    this.entries.set(key, entry);
    const encoding = entry.bodies.identity.length < COMPRESS_FROM_BYTES ? 'identity' : wanted;
    return { kind: 'hit', etag: etagOf(encoding), body: this.body(entry, encoding), encoding };
  }

  /**
   * The ETag of a response made from the store alone but not kept here (a PDF, a second of Chromium each): the
   * generation's and the day's, for `request`'s path in `locale`, so that a reader asking again while the store is
   * unchanged is answered 304 before anything is made.
   */
  async validator(request: FastifyRequest, locale: string): Promise<string> {
    const generation = await this.generations.current();
    const path = createHash('sha1').update(request.url.split('?')[0]!).digest('base64url').slice(0, 12);
    return `"${this.token}-${generation}-${dayOf(this.now())}-${locale}-${path}"`;
  }

  /**
   * Keeps a page rendered after a miss, unless the store moved on meanwhile or it is larger than the whole cache;
   * returns what to send: the kept page in the encoding the reader accepts, with that encoding's ETag.
   */
  keep(miss: Extract<CacheLookup, { kind: 'miss' }>, html: string): { body: Buffer; encoding: Encoding; etag: string } | undefined {
    if (miss.generation !== this.generation) return undefined;
    const body = Buffer.from(html);
    if (body.length > this.maxBytes) return undefined;
    const old = this.entries.get(miss.key);
    if (old) this.bytes -= sizeOf(old);
    const entry: Entry = { bodies: { identity: body } };
    this.entries.set(miss.key, entry);
    this.bytes += body.length;
    this.evict();
    const encoding = body.length < COMPRESS_FROM_BYTES ? 'identity' : miss.wanted;
    return { body: this.body(entry, encoding), encoding, etag: miss.etagOf(encoding) };
  }

  /** The entry's body in `encoding`, compressed now if it is the first time. */
  private body(entry: Entry, encoding: Encoding): Buffer {
    const kept = entry.bodies[encoding];
    if (kept) return kept;
    const compressed =
      encoding === 'br'
        ? // Quality 5 compresses a timeline in a few milliseconds, to within some 10% of the slowest setting.
          brotliCompressSync(entry.bodies.identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: entry.bodies.identity.length } })
        : gzipSync(entry.bodies.identity);
    entry.bodies[encoding] = compressed;
    this.bytes += compressed.length;
    this.evict();
    return compressed;
  }

  /** Drops the least recently used entries until the bytes are within the bound. */
  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= sizeOf(entry);
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

function sizeOf(entry: Entry): number {
  return Object.values(entry.bodies).reduce((n, body) => n + body.length, 0);
}

/**
 * The encoding to send a page in: Brotli when the request's Accept-Encoding names it (or `*`) with a weight above
 * 0, else gzip likewise, else the page as it is.
 */
export function acceptedEncoding(header: string | string[] | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  const allows = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : 'identity';
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

/**
 * Headers of a cacheable page: readers revalidate every time, and an unchanged page costs a 304. The page varies by
 * Accept-Encoding, whichever encoding this answer has.
 */
export function sendCacheHeaders(reply: FastifyReply, etag: string, encoding: Encoding): FastifyReply {
  const vary = reply.getHeader('vary');
  void reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
  if (encoding !== 'identity') void reply.header('content-encoding', encoding);
  return reply.header('etag', etag).header('cache-control', 'public, max-age=0, must-revalidate');
}
