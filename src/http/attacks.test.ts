import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { importDocuments } from '../services/import.service.js';
import type { Store } from '../storage/database.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';
import { SECURITY_HEADERS } from './security.js';

/**
 * Hostile requests against every route the public site has: SQL injection in each query and path parameter,
 * path traversal out of /assets/, and request bodies over the limit. Nothing may change the record, nothing may
 * answer 5xx, and no answer may show a database message or a stack.
 */

const seed = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));

const SQL_INJECTIONS = [
  "'",
  "''",
  '"',
  "' OR '1'='1",
  "' OR 1=1 --",
  '1 OR 1=1',
  '1; DROP TABLE events; --',
  "'; DROP TABLE partnerships; --",
  "大連'); DELETE FROM events; --",
  "1' UNION SELECT name, sql FROM sqlite_master --",
  "1 UNION SELECT table_name FROM information_schema.tables --",
  "'; UPDATE events SET text = 'pwned'; --",
  '%',
  '_',
  '%%\'%%',
  '\\',
  "\\'; --",
  '1e309',
  '-1',
  '0x7fffffffffffffff',
  '99999999999999999999999',
  '1/**/OR/**/1=1',
  "'||(SELECT sqlite_version())||'",
  "'; SELECT pg_sleep(0); --",
  '$1',
  '?',
  '\u0000',
  "' AND 1=CAST((SELECT version()) AS int) --",
];

/** Words of database and runtime errors that must never reach a reader. */
const LEAKS = /sqlite|SQLITE_|postgres|syntax error|pg_|relation "|column "|at \w+ \(|node_modules|\.ts:\d+|Kysely|stack/i;

const LOCALE_PREFIXES = ['', '/ja', '/en', '/zh'];

describeOnEachStore('SQL injection in every parameter', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let before_: string;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
    before_ = (await app.inject('/export.json')).body;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  async function expectHarmless(url: string): Promise<void> {
    const res = await app.inject(url);
    assert.ok(res.statusCode < 500, `${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    if (res.statusCode >= 400) assert.doesNotMatch(res.body, LEAKS, `${url} leaked: ${res.body.slice(0, 300)}`);
  }

  const enc = encodeURIComponent;
  it('path parameters: /partnerships/:id, /partnerships/:id/print, /partnerships/:id.pdf, /events/:id', async () => {
    for (const s of SQL_INJECTIONS) {
      for (const prefix of LOCALE_PREFIXES) {
        await expectHarmless(`${prefix}/partnerships/${enc(s)}`);
        await expectHarmless(`${prefix}/partnerships/${enc(s)}/print`);
        await expectHarmless(`${prefix}/partnerships/${enc(s)}.pdf`);
        await expectHarmless(`${prefix}/events/${enc(s)}`);
      }
    }
  });

  it('query parameters: search (q, partner, year, direction, kind, page) and the timeline (from, to, direction)', async () => {
    const partnership = /href="\/partnerships\/(\d+)"/.exec((await app.inject('/')).body)?.[1];
    assert.ok(partnership, 'the home page links the partnership');
    for (const s of SQL_INJECTIONS) {
      await expectHarmless(`/search?q=${enc(s)}`);
      await expectHarmless(`/zh/search?q=${enc(s)}&partner=${enc(s)}`);
      // A query with few hits, so that each filter is applied to a real result without rendering pages of it.
      for (const name of ['partner', 'year', 'direction', 'kind', 'page']) await expectHarmless(`/search?q=${enc('調印')}&${name}=${enc(s)}`);
      for (const name of ['from', 'to', 'direction']) await expectHarmless(`/partnerships/${partnership}?${name}=${enc(s)}`);
      await expectHarmless(`/?q=${enc(s)}`);
      await expectHarmless(`/export.json?partner=${enc(s)}`);
    }
  });

  it('a search for an injection finds only what holds that text, and the record is unchanged afterwards', async () => {
    const res = await app.inject(`/search?q=${enc("' OR '1'='1")}`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /class="hit-text"/, 'nothing in the sample holds the injection');
    assert.equal((await app.inject('/search?q=%00')).statusCode, 400, 'a NUL is refused at the edge');
    assert.equal((await app.inject('/export.json')).body, before_, 'the record must be exactly as before');
  });
});

describe('security headers on every kind of response', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openSqliteStore(':memory:');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', bodyLimit: 64 });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('the headers set before routing are the ones every page gets', async () => {
    const page = await app.inject('/');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(page.headers[name], value, name);
  });

  const REQUESTS: { what: string; method?: 'GET' | 'HEAD' | 'POST' | 'OPTIONS' | 'DELETE'; url: string; status: number; headers?: Record<string, string>; payload?: string }[] = [
    { what: 'a page', url: '/en/', status: 200 },
    { what: 'HEAD of a page', method: 'HEAD', url: '/', status: 200 },
    { what: 'the JSON export', url: '/export.json', status: 200 },
    { what: 'a style sheet', url: '/assets/koryu.css', status: 200 },
    { what: 'an unknown page', url: '/nowhere', status: 404 },
    { what: 'an unknown event', url: '/events/999999', status: 404 },
    { what: 'a method no route takes', method: 'DELETE', url: '/', status: 404 },
    { what: 'OPTIONS', method: 'OPTIONS', url: '/', status: 404 },
    { what: 'an address that is not valid percent-encoding', url: '/search?q=%E3%81', status: 200 },
    { what: 'a path that is not valid percent-encoding', url: '/events/%E3%81', status: 400 },
    { what: 'an API path that is not valid percent-encoding', url: '/api/partnerships/%E3%81', status: 400 },
    { what: 'a NUL in the address', url: '/search?q=a%00b', status: 400 },
    { what: 'a body over the limit', method: 'POST', url: '/', status: 413, headers: { 'content-type': 'text/plain' }, payload: 'x'.repeat(100) },
    { what: 'a PDF when no renderer is configured', url: '/partnerships/1.pdf', status: 503 },
  ];

  for (const r of REQUESTS) {
    it(`sets them on ${r.what} (${r.status})`, async () => {
      const res = await app.inject({ method: r.method ?? 'GET', url: r.url, headers: r.headers ?? {}, payload: r.payload });
      assert.equal(res.statusCode, r.status, res.body.slice(0, 200));
      for (const name of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']) {
        assert.equal(res.headers[name], SECURITY_HEADERS[name], `${name} on ${r.what}`);
      }
      assert.doesNotMatch(String(res.headers['content-security-policy']), /unsafe-inline|unsafe-eval/);
      if (r.status >= 400) assert.doesNotMatch(res.body, LEAKS);
    });
  }

  it('answers an API address that is not valid percent-encoding in JSON with its code, a page address in text', async () => {
    const api = await app.inject('/api/partnerships/%E3%81');
    assert.match(String(api.headers['content-type']), /^application\/json/);
    assert.deepEqual(api.json(), { error: 'UsageError', message: 'Bad request: the address is not valid.' });
    const page = await app.inject('/events/%E3%81');
    assert.match(String(page.headers['content-type']), /^text\/plain/);
  });
});

describe('path traversal out of /assets/', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openSqliteStore(':memory:');
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const TRAVERSALS = [
    '/assets/../package.json',
    '/assets/../../package.json',
    '/assets/%2e%2e/package.json',
    '/assets/%2e%2e%2fpackage.json',
    '/assets/..%2fpackage.json',
    '/assets/..%2f..%2fetc%2fpasswd',
    '/assets/%252e%252e%252fpackage.json',
    '/assets/....//package.json',
    '/assets/..\\package.json',
    '/assets/..%5cpackage.json',
    '/assets/%c0%ae%c0%ae/package.json',
    '/assets/koryu.css%00.json',
    '/assets//etc/passwd',
    '/assets/%2fetc%2fpasswd',
    '/assets/../src/config.ts',
    '/assets/../.git/config',
    '/assets/../node_modules/fastify/package.json',
  ];

  for (const url of TRAVERSALS) {
    it(`${url} serves nothing from outside public/`, async () => {
      const res = await app.inject(url);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} answered ${res.statusCode}`);
      assert.doesNotMatch(res.body, /"name": "koryu"|root:x:0|loadConfig|\[core\]|"name": "fastify"/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', 'refusals carry the security headers too');
    });
  }

  it('still serves the style sheet itself', async () => {
    assert.equal((await app.inject('/assets/koryu.css')).statusCode, 200);
  });
});

describe('request bodies over KORYU_MAX_REQUEST_BYTES', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let handled = 0;
  // Every state-changing request needs a CSRF token: the probe gets one as a form would.
  let csrf: Record<string, string> = {};
  before(async () => {
    store = await openSqliteStore(':memory:');
    app = await buildApp({ store, home: '金沢市', bodyLimit: 4096 });
    // A route that takes a body, as the editing routes do; the limit is the app's, not the route's.
    app.post('/probe', async (request) => {
      handled++;
      return { length: JSON.stringify(request.body).length };
    });
    app.get('/probe-token', async (_request, reply) => ({ token: reply.generateCsrf() }));
    const issued = await app.inject('/probe-token');
    const cookie = issued.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    csrf = { cookie, 'x-csrf-token': (issued.json() as { token: string }).token };
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('accepts a body under the limit', async () => {
    const res = await app.inject({ method: 'POST', url: '/probe', headers: csrf, payload: { text: 'あ'.repeat(100) } });
    assert.equal(res.statusCode, 200);
    assert.equal(handled, 1);
  });

  it('refuses a larger body with 413 before any handler runs, with the security headers and no detail', async () => {
    for (const type of ['application/json', 'text/plain']) {
      const res = await app.inject({ method: 'POST', url: '/probe', headers: { ...csrf, 'content-type': type }, payload: 'x'.repeat(4097) });
      assert.equal(res.statusCode, 413, `${type}: ${res.body}`);
      assert.match(res.body, /too large/i);
      assert.doesNotMatch(res.body, LEAKS);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
    assert.equal(handled, 1, 'the handler must not run for a refused body');
  });

  it('refuses on the declared length alone, before reading the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/probe',
      headers: { ...csrf, 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      payload: '{}',
    });
    assert.equal(res.statusCode, 413);
    assert.equal(handled, 1);
  });
});
