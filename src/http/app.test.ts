import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { importDocuments } from '../services/import.service.js';
import type { Store } from '../storage/database.js';
import { buildApp } from './app.js';

const seed = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));

describeOnEachStore('the web pages', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('lists the partner cities on the home page, in Japanese', async () => {
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.match(res.body, /<html lang="ja">/);
    assert.match(res.body, /<link rel="stylesheet" href="\/assets\/koryu.css\?v=[0-9a-f]{10}"/);
    assert.match(res.body, /友好交流都市 大連市/);
    assert.match(res.body, /<dt>提携<\/dt><dd><time datetime="2006-11-24">2006年11月24日<\/time> <span class="era">\(平成18年\)<\/span><\/dd>/);
  });

  it('shows each year with its era label and its events, the no-exchange year, and the photo record', async () => {
    const home = await app.inject('/');
    const link = /href="(\/partnerships\/\d+)"/.exec(home.body)?.[1];
    assert.ok(link);
    const res = await app.inject(link);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>友好交流都市大連市との歩み<\/h1>/);
    assert.match(res.body, /2019年 <span class="era">\(平成31年\/令和元年\)<\/span>/);
    assert.match(res.body, /id="y2021"[\s\S]*?交流なし/);
    assert.equal((res.body.match(/<li id="e\d+">/g) ?? []).length, 60);
    assert.match(res.body, /大連市外事弁公室主任 市長表敬訪問/);
    assert.match(res.body, /ライフ&amp;ファッションウィーク開会式に市代表団が参加/, 'text is escaped');
  });

  it('answers 404 for a partnership that does not exist, with the error code', async () => {
    const res = await app.inject('/partnerships/999999');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /^PartnershipNotFound/);
  });

  it('serves the record as koryu/1 JSON', async () => {
    const res = await app.inject('/export.json');
    assert.equal(res.statusCode, 200);
    assert.equal(JSON.parse(res.body).partnerships[0].events.length, 60);
  });
});

describe('escaping', () => {
  it('renders markup in event text (kept as written by koryu/1) as text, never as elements', async () => {
    const { openSqliteStore } = await import('../storage/sqlite/connect.js');
    const store = await openSqliteStore(':memory:');
    const doc = JSON.stringify({
      format: 'koryu/1',
      partnerships: [{ partner: 'テスト市', kind: '姉妹都市', events: [{ year: 2001, direction: 'dispatch', text: '<script>alert(1)</script>が訪問' }] }],
    });
    await importDocuments(store, [{ name: 'x.txt', bytes: Buffer.from(doc) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const app = await buildApp({ store, home: '金沢市' });
    try {
      const page = await app.inject('/partnerships/1');
      assert.ok(!page.body.includes('<script>'));
      assert.match(page.body, /&lt;script>alert\(1\)&lt;\/script>が訪問/);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
