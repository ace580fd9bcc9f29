import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore, TEST_DATABASE_URL } from '../../test/support/test-stores.js';
import { backupStore, restoreStore } from '../services/backup.service.js';
import { createItem, editItem, getItem } from '../services/editing.service.js';
import { importDocuments } from '../services/import.service.js';
import { confirmOrganization } from '../services/knowledge.service.js';
import { listPartnerships } from '../services/record.service.js';
import type { Store } from '../storage/database.js';
import { openPostgresStore } from '../storage/postgres/connect.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';
import { acceptedEncoding } from './page-cache.js';
import { GENERATION_MAX_AGE_MS } from '../services/generation.watch.js';
import { sql } from 'kysely';

const seed = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
const FIRST_EVENT = '市英語教育研修参加派遣団が訪問';
const editor = { name: 'editor' };
/** The ETag the page cache gives: this process's token, the generation, the day and the language. */
const GENERATION_ETAG = /^"[\w-]+-\d+-\d{8}-\d{8}-[a-z]+"$/;

/** A second connection to the same store, as another server process would hold. */
function reopen(store: Store): Promise<Store> {
  return store.file !== undefined ? openSqliteStore(store.file) : openPostgresStore(TEST_DATABASE_URL, { schema: store.schema! });
}

describeOnEachStore('the page cache', (openFresh) => {
  let store: Store;
  let other: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let page: string;
  let firstEventId: number;
  const get = async (url = page, headers: Record<string, string> = {}) => app.inject({ url, headers });
  /** Changes an event's text behind the store's back: no transaction, so the generation stays; only a cache miss shows it. */
  const writeUnseen = (id: number, text: string) => store.db.updateTable('events').set({ text }).where('id', '=', id).execute();

  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(seed) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    other = await reopen(store);
    app = await buildApp({ store, home: '金沢市' });
    const [dalian] = await listPartnerships(store, { partner: '大連市' });
    assert.ok(dalian);
    page = `/partnerships/${dalian.id}`;
    firstEventId = dalian.events.find((e) => e.text === FIRST_EVENT)!.id;
  });
  after(async () => {
    await app?.close();
    await other?.close();
    await store?.close();
  });

  it('answers a public page from the cache until the store changes', async () => {
    assert.match((await get()).body, new RegExp(FIRST_EVENT));
    await writeUnseen(firstEventId, '変更された研修');
    assert.match((await get()).body, new RegExp(FIRST_EVENT), 'the cached page, although the row changed');
    await store.transaction(async () => undefined);
    assert.match((await get()).body, /変更された研修/, 'a write transaction advances the generation');
    await writeUnseen(firstEventId, FIRST_EVENT);
    await store.transaction(async () => undefined);
  });

  it('shows an edit made through another connection of this process on the next request', async () => {
    await get();
    const event = await getItem(other, 'event', firstEventId);
    // A correction that keeps the wording: the re-import below takes it as the same exchange changed back.
    await editItem(other, 'event', firstEventId, { text: `${FIRST_EVENT}（訂正）` }, event.version, editor);
    assert.match((await get()).body, new RegExp(`${FIRST_EVENT}（訂正）`));
  });

  it('shows a write of another process once the generation read is older than its max age', async () => {
    let clock = 0;
    const watched = await buildApp({ store, home: '金沢市', generationClock: () => clock });
    const { text } = await getItem(store, 'event', firstEventId);
    try {
      assert.doesNotMatch((await watched.inject(page)).body, /別のプロセスの訂正/);
      // Another process's write transaction: the row and the generation change, and no write of this process is counted.
      await writeUnseen(firstEventId, '別のプロセスの訂正');
      await sql`update store_generation set generation = generation + 1 where id = 1`.execute(store.db);
      clock += GENERATION_MAX_AGE_MS - 1;
      assert.doesNotMatch((await watched.inject(page)).body, /別のプロセスの訂正/, 'the generation read is still current');
      clock += 1;
      assert.match((await watched.inject(page)).body, /別のプロセスの訂正/, 'read again, a new generation');
    } finally {
      await watched.close();
      await writeUnseen(firstEventId, text);
      await store.transaction(async () => undefined);
    }
  });

  it('shows an import on the next request', async () => {
    await get();
    const corrected = seed.replace('遼寧師範大学訪問団が来訪', '遼寧師範大学の訪問団が来訪');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(corrected) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const body = (await get()).body;
    assert.match(body, /遼寧師範大学の訪問団が来訪/);
    assert.doesNotMatch(body, /遼寧師範大学訪問団が来訪/);
  });

  it('hides an unpublished event at once and shows it again when published, never showing a draft', async () => {
    await get();
    let event = await getItem(store, 'event', firstEventId);
    event = await editItem(store, 'event', firstEventId, { status: 'draft' }, event.version, editor);
    assert.doesNotMatch((await get()).body, new RegExp(event.text), 'unpublished');
    const partnershipId = event.partnershipId;
    await createItem(store, 'event', { partnershipId, year: 2010, direction: 'dispatch', date: null, text: '下書きの訪問団', translations: {}, status: 'draft' }, editor);
    assert.doesNotMatch((await get()).body, /下書きの訪問団/, 'a new draft');
    await editItem(store, 'event', firstEventId, { status: 'published' }, event.version, editor);
    const body = (await get()).body;
    assert.match(body, new RegExp(event.text), 'published again');
    assert.doesNotMatch(body, /下書きの訪問団/, 'still a draft');
  });

  it('shows an editor’s decision about an organisation on the next request', async () => {
    assert.doesNotMatch((await get()).body, /<option value="教育プラザ富樫">/);
    await confirmOrganization(store, '教育プラザ富樫');
    assert.match((await get()).body, /<option value="教育プラザ富樫">/);
  });

  it('shows a restored backup on the next request', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'koryu-cache-'));
    try {
      const photosDir = join(folder, 'photos');
      await backupStore(store, join(folder, 'backup'), { photosDir });
      const before = (await get()).body;
      const event = await getItem(store, 'event', firstEventId);
      await editItem(store, 'event', firstEventId, { text: 'バックアップの後の訂正' }, event.version, editor);
      assert.match((await get()).body, /バックアップの後の訂正/);
      await restoreStore(store, join(folder, 'backup'), { photosDir });
      // The chart's generated class names differ between renders; the record shown must not.
      const shown = (html: string) => html.replace(/zr\d+-cls-\d+/g, 'zr');
      assert.ok(shown((await get()).body) === shown(before), 'the page as it was at the backup');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('labels a page with the generation: 304 while it holds, 200 with the new page after a write', async () => {
    const first = await get();
    const etag = String(first.headers.etag);
    assert.match(etag, GENERATION_ETAG);
    assert.equal(first.headers['cache-control'], 'public, max-age=0, must-revalidate');
    const again = await get(page, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    await store.transaction(async () => undefined);
    const changed = await get(page, { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
  });

  it('sends a kept page compressed to readers that accept it, each encoding with its own ETag', async () => {
    await store.transaction(async () => undefined);
    const plain = await get(page);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/);
    const html = plain.rawPayload;
    assert.ok(html.length > 10_000, `the timeline is ${html.length} bytes`);
    const etags = new Set([String(plain.headers.etag)]);
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
      ['*', 'br', brotliDecompressSync],
    ] as const) {
      // The first answer of each encoding compresses; the second comes from the cache: the same bytes.
      for (const round of [1, 2]) {
        const answer = await get(page, { 'accept-encoding': accept });
        assert.equal(answer.headers['content-encoding'], encoding, `${accept}, answer ${round}`);
        assert.ok(answer.rawPayload.length < html.length / 4, `${encoding}: ${answer.rawPayload.length} of ${html.length} bytes`);
        assert.deepEqual(decode(answer.rawPayload), html);
        assert.match(String(answer.headers.vary), /accept-encoding/);
        etags.add(String(answer.headers.etag));
        const revalidated = await get(page, { 'accept-encoding': accept, 'if-none-match': String(answer.headers.etag) });
        assert.equal(revalidated.statusCode, 304);
      }
    }
    assert.equal(etags.size, 3, 'one ETag per encoding: as it is, br and gzip');
    const refused = await get(page, { 'accept-encoding': 'br;q=0, gzip;q=0, identity' });
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.deepEqual(refused.rawPayload, html);
    // A copy as rendered is still this generation's page, whatever the reader accepts now.
    assert.equal((await get(page, { 'accept-encoding': 'gzip', 'if-none-match': String(plain.headers.etag) })).statusCode, 304);
    // A compressed copy's ETag holds only where that encoding is accepted: otherwise the whole page again.
    assert.equal((await get(page, { 'accept-encoding': 'identity', 'if-none-match': [...etags].find((e) => e.endsWith('-br"'))! })).statusCode, 200);
    // Just rendered (a miss): compressed as well.
    await store.transaction(async () => undefined);
    const fresh = await get(page, { 'accept-encoding': 'br' });
    assert.equal(fresh.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(fresh.rawPayload), html);
  });

  it('keeps one entry per language of an unprefixed address', async () => {
    const ja = await get(page);
    const en = await get(page, { 'accept-language': 'en' });
    assert.match(ja.body, /<html lang="ja">/);
    assert.match(en.body, /<html lang="en">/);
    assert.notEqual(ja.headers.etag, en.headers.etag);
  });

  it('neither serves nor keeps pages for requests with a session or CSRF cookie', async () => {
    for (const cookie of ['koryu_session=abc', '_csrf=abc']) {
      await get();
      await writeUnseen(firstEventId, `クッキー付き${cookie.length}`);
      const res = await get(page, { cookie });
      assert.match(res.body, new RegExp(`クッキー付き${cookie.length}`), cookie);
      assert.doesNotMatch(String(res.headers.etag ?? ''), GENERATION_ETAG);
      await store.transaction(async () => undefined);
    }
  });

  it('never caches an error page or a staff page', async () => {
    const missing = await get('/partnerships/999999');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.headers['cache-control'], undefined);
    const login = await get('/login');
    assert.doesNotMatch(String(login.headers.etag ?? ''), GENERATION_ETAG, 'the login page holds a CSRF token');
  });
});

describe('the page cache bound', () => {
  let store: Store;
  before(async () => {
    store = await openSqliteStore(':memory:');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(seed) }], { home: '金沢市', maxDocumentBytes: 1e7 });
  });
  after(async () => store?.close());

  it('drops the least recently used page when the bytes would exceed the bound', async () => {
    const [dalian] = await listPartnerships(store, { partner: '大連市' });
    const a = `/partnerships/${dalian!.id}`;
    const b = '/en/';
    const probe = await buildApp({ store, home: '金沢市', pageCacheBytes: 0 });
    const sizeA = Buffer.byteLength((await probe.inject(a)).body);
    const sizeB = Buffer.byteLength((await probe.inject(b)).body);
    await probe.close();
    const app = await buildApp({ store, home: '金沢市', pageCacheBytes: Math.max(sizeA, sizeB) + 1000 });
    try {
      const id = dalian!.events[0]!.id;
      const text = dalian!.events[0]!.text;
      await app.inject(a);
      await store.db.updateTable('events').set({ text: '追い出された後' }).where('id', '=', id).execute();
      assert.match((await app.inject(a)).body, new RegExp(text), 'still held');
      await app.inject(b);
      assert.match((await app.inject(a)).body, /追い出された後/, 'dropped for the other page, so rendered again');
    } finally {
      await app.close();
    }
  });

  it('renders the home page again on a new day in Japan, whose anniversaries it shows', async () => {
    let now = new Date('2026-11-24T14:00:00Z'); // 23:00 in Tokyo
    const app = await buildApp({ store, home: '金沢市', now: () => now });
    try {
      const before = await app.inject('/');
      assert.equal((await app.inject({ url: '/', headers: { 'if-none-match': String(before.headers.etag) } })).statusCode, 304);
      now = new Date('2026-11-24T15:30:00Z'); // 00:30 on the 25th in Tokyo, still the 24th in UTC
      const after = await app.inject({ url: '/', headers: { 'if-none-match': String(before.headers.etag) } });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, before.headers.etag);
    } finally {
      await app.close();
    }
  });

  it('keeps nothing when the bound is 0, and still answers 304', async () => {
    const app = await buildApp({ store, home: '金沢市', pageCacheBytes: 0 });
    try {
      const first = await app.inject('/');
      assert.equal((await app.inject({ url: '/', headers: { 'if-none-match': String(first.headers.etag) } })).statusCode, 304);
      // Nothing kept, so a reader that accepts compression got the page as rendered, and its ETag still holds.
      const browser = { 'accept-encoding': 'gzip, deflate, br' };
      const sent = await app.inject({ url: '/', headers: browser });
      assert.equal(sent.headers['content-encoding'], undefined);
      assert.equal((await app.inject({ url: '/', headers: { ...browser, 'if-none-match': String(sent.headers.etag) } })).statusCode, 304);
    } finally {
      await app.close();
    }
  });
});

describe('the encoding a page is sent in', () => {
  it('prefers Brotli, then gzip, among the encodings the reader accepts with a weight above 0', () => {
    const cases: [string | string[] | undefined, string][] = [
      [undefined, 'identity'],
      ['', 'identity'],
      ['identity', 'identity'],
      ['gzip', 'gzip'],
      ['GZIP', 'gzip'],
      ['gzip, deflate, br', 'br'],
      ['br;q=0', 'identity'],
      ['br;q=0, gzip', 'gzip'],
      ['br; q=0 , gzip; q=0.1', 'gzip'],
      ['*', 'br'],
      ['*;q=0', 'identity'],
      ['gzip;q=0, *', 'br'],
      ['br;q=0, *', 'gzip'],
      ['deflate', 'identity'],
      ['gzip;q=x', 'identity'],
      [['deflate', 'gzip'], 'gzip'],
    ];
    for (const [header, encoding] of cases) assert.equal(acceptedEncoding(header), encoding, JSON.stringify(header));
  });
});
