import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../storage/database.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';
import { SECURITY_HEADERS } from './security.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('refusals made before any route', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let port: number;
  before(async () => {
    store = await openSqliteStore(':memory:');
    app = await buildApp({ store, home: '金沢市' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  /** A request over a real connection: Node refuses oversized headers before Fastify sees them. */
  function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers a NUL under /api in the documented JSON with its code', async () => {
    const res = await app.inject('/api/search?q=%00');
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.deepEqual(Object.keys(res.json()).sort(), ['error', 'message']);
    assert.equal(res.json().error, 'UsageError');
  });

  it('shows a browser the refusal of a NUL or a malformed address as a page in its language', async () => {
    for (const [url, lang, title] of [
      ['/zh/search?q=%00', 'zh-Hans', '无法受理此网址'],
      ['/en/search?q=%00', 'en', 'This address cannot be accepted'],
      ['/en/events/%E3%81', 'en', 'This address cannot be accepted'],
      ['/search?q=%00', 'ja', 'このアドレスは受け付けられません'],
    ] as const) {
      const res = await app.inject({ url, headers: HTML });
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`), url);
      assert.ok(res.body.includes(title), url);
      assert.ok(!res.body.includes('%00') && !res.body.includes('%E3%81'), 'the address is not echoed');
    }
    assert.match(String((await app.inject('/search?q=%00')).headers['content-type']), /^text\/plain/, 'a caller not asking for HTML gets text');
  });

  it('answers a path parameter past the router’s length (414) in JSON under /api, as a page to a browser', async () => {
    const api = await app.inject(`/api/partnerships/${'1'.repeat(150)}`);
    assert.equal(api.statusCode, 414);
    assert.deepEqual(api.json(), { error: 'RequestTooLarge', message: 'The address is too long.' });
    const en = await app.inject({ url: `/en/events/${'1'.repeat(150)}`, headers: HTML });
    assert.equal(en.statusCode, 414);
    assert.match(en.body, /<html lang="en"/);
    assert.ok(en.body.includes('The address is too long'));
  });

  it('answers an address too long for the server (431) in JSON with its code under /api, as a page to a browser', async () => {
    const long = 'x'.repeat(20_000);
    const api = await raw(`/api/search?q=${long}`);
    assert.equal(api.status, 431);
    assert.match(api.type, /^application\/json/);
    assert.deepEqual(JSON.parse(api.body), { error: 'RequestTooLarge', message: 'The address or the headers are too long.' });
    assert.equal(api.headers['x-content-type-options'], SECURITY_HEADERS['x-content-type-options']);
    const zh = await raw(`/zh/search?q=${long}`, HTML);
    assert.equal(zh.status, 431);
    assert.match(zh.type, /^text\/html/);
    assert.match(zh.body, /<html lang="zh-Hans"/);
    assert.ok(zh.body.includes('网址过长'));
    assert.ok(!zh.body.includes(long.slice(0, 100)), 'the address is not echoed');
    const plain = await raw(`/search?q=${long}`);
    assert.equal(plain.status, 431);
    assert.match(plain.type, /^text\/plain/);
  });
});
