import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import type { Store } from '../storage/database.js';
import { buildApp } from './app.js';

describe('headers on every response', () => {
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

  for (const url of ['/', '/en/', '/assets/koryu.css', '/export.json', '/no-such-page']) {
    it(`sets the security headers on ${url}`, async () => {
      const res = await app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    });
  }

  it('gives pages an ETag, answers 304 when it matches, and makes readers revalidate', async () => {
    const first = await app.inject('/');
    assert.equal(first.headers['cache-control'], 'public, max-age=0, must-revalidate');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await app.inject({ url: '/', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const changed = await app.inject({ url: '/', headers: { 'if-none-match': '"something-else"' } });
    assert.equal(changed.statusCode, 200);
  });

  it('serves the versioned style sheet for a year, with its own ETag', async () => {
    const page = await app.inject('/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(href);
    const css = await app.inject(href);
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.ok(css.headers.etag);
  });

  it('chooses the language from the path, else from Accept-Language, and says the page varies by it', async () => {
    const negotiated = await app.inject({ url: '/', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    assert.match(negotiated.body, /<html lang="zh-Hans">/);
    assert.match(String(negotiated.headers.vary), /accept-language/i);
    const prefixed = await app.inject({ url: '/en/', headers: { 'accept-language': 'zh-CN' } });
    assert.match(prefixed.body, /<html lang="en">/);
    assert.doesNotMatch(String(prefixed.headers.vary ?? ''), /accept-language/i);
  });

  it('offers the same page in the other languages, keeping path and query', async () => {
    const res = await app.inject('/en/');
    assert.match(res.body, /<a lang="ja" hreflang="ja" href="\/ja\/">日本語<\/a>/);
    assert.match(res.body, /<a lang="zh-Hans" hreflang="zh-Hans" href="\/zh\/">简体中文<\/a>/);
    assert.match(res.body, /<span lang="en" aria-current="true">/);
  });

});
