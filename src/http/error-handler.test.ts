import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../storage/database.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';
import { frameworkCode } from './error-handler.js';

describe('errors at the HTTP edge', () => {
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

  const json = (body: string) => JSON.parse(body) as { error: string; message: string };

  it('answers every /api refusal as JSON with a stable code, whatever the Accept header', async () => {
    const cases = [
      { url: '/api/partnerships/abc', status: 400, code: 'UsageError' },
      { url: '/api/search?q=', status: 400, code: 'UsageError' },
      { url: '/api/partnerships/999', status: 404, code: 'PartnershipNotFound' },
      { url: '/api/no-such-thing', status: 404, code: 'RouteNotFound' },
      // /api itself, with or without the slash or a query, is the API's address as /api/ is.
      { url: '/api', status: 404, code: 'RouteNotFound' },
      { url: '/api/', status: 404, code: 'RouteNotFound' },
      { url: '/api?q=1', status: 404, code: 'RouteNotFound' },
    ];
    for (const c of cases) {
      const res = await app.inject({ url: c.url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, c.status, c.url);
      assert.match(String(res.headers['content-type']), /^application\/json/, c.url);
      const body = json(res.body);
      assert.equal(body.error, c.code, c.url);
      assert.ok(body.message.length > 0, c.url);
    }
  });

  it('answers /api as /api/ (JSON and CORS), and an address merely starting with “api” as a page', async () => {
    const bare = await app.inject({ url: '/api', headers: { accept: 'text/html' } });
    const slash = await app.inject({ url: '/api/', headers: { accept: 'text/html' } });
    assert.deepEqual([bare.statusCode, bare.headers['content-type'], bare.headers['access-control-allow-origin'], bare.body], [slash.statusCode, slash.headers['content-type'], slash.headers['access-control-allow-origin'], slash.body]);
    const page = await app.inject({ url: '/apix', headers: { accept: 'text/html' } });
    assert.match(String(page.headers['content-type']), /^text\/html/);
  });

  it('does not echo an unknown address back, as JSON or as text', async () => {
    const api = await app.inject('/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.equal(api.statusCode, 404);
    assert.doesNotMatch(api.body, /script|alert/);
    const page = await app.inject('/no-such-page-marker');
    assert.equal(page.statusCode, 404);
    assert.match(String(page.headers['content-type']), /^text\/plain/);
    assert.doesNotMatch(page.body, /marker/);
  });

  it('shows a browser a page in its language for an address with nothing at it', async () => {
    const cases = [
      { url: '/ja/partnerships/999', lang: 'ja', words: 'お探しのページは見つかりませんでした' },
      { url: '/zh/events/99999', lang: 'zh-Hans', words: '找不到您要访问的页面' },
      { url: '/en/no-such-page', lang: 'en', words: 'There is no page at this address' },
      { url: '/no-such-page', lang: 'ja', words: 'お探しのページは見つかりませんでした' },
    ];
    for (const c of cases) {
      const res = await app.inject({ url: c.url, headers: { accept: 'text/html,application/xhtml+xml' } });
      assert.equal(res.statusCode, 404, c.url);
      assert.match(String(res.headers['content-type']), /^text\/html/, c.url);
      assert.match(res.body, new RegExp(`<html lang="${c.lang}"`), c.url);
      assert.match(res.body, /<title>[^<]+<\/title>/, c.url);
      assert.ok(res.body.includes(c.words), c.url);
    }
  });

  it('gives JSON callers of a page JSON too', async () => {
    const res = await app.inject({ url: '/no-such-page', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 404);
    assert.equal(json(res.body).error, 'RouteNotFound');
  });

  it('names the framework refusals by status', () => {
    assert.equal(frameworkCode(400), 'UsageError');
    assert.equal(frameworkCode(404), 'RouteNotFound');
    assert.equal(frameworkCode(413), 'RequestTooLarge');
    assert.equal(frameworkCode(415), 'UsageError');
    assert.equal(frameworkCode(500), 'InternalError');
  });
});
