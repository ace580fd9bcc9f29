import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { HttpSession, loggedInAs } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import type { Store } from '../../storage/database.js';
import { savePartnership } from '../../storage/partnership.repository.js';
import { findPlaceNames } from '../../storage/place-name.repository.js';
import { buildPartnership } from '../../storage/test-factories.js';
import { buildApp } from '../app.js';

const form = (fields: Record<string, string>) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describeOnEachStore('the staff page of place names', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let translator: { session: HttpSession; csrf: string };
  let viewer: { session: HttpSession; csrf: string };

  before(async () => {
    store = await openFresh();
    await store.transaction(async (trx) => {
      await savePartnership(trx, buildPartnership(), 'kanazawa-dalian.txt');
      await savePartnership(trx, buildPartnership({ home: '富山市', partner: 'ナンシー市', kind: '姉妹都市' }), null);
    });
    app = await buildApp({ store, home: '金沢市', auth: { limits: { windowMinutes: 15, perAccount: 1000, perAddress: 1000 } } });
    translator = await loggedInAs(store, app, 'honyaku', 'translator');
    viewer = await loggedInAs(store, app, 'etsuran', 'viewer');
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('is linked from the staff home and lists every home and partner name, in Japanese first, saying that changes have no history', async () => {
    const home = await translator.session.request({ method: 'GET', url: '/staff', headers: { accept: 'text/html' } });
    assert.match(home.body, /<a href="\/staff\/places">地名の英語・中国語表記<\/a>/);
    const page = await translator.session.request({ method: 'GET', url: '/staff/places', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    const names = [...page.body.matchAll(/<input type="hidden" name="name" value="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(names, ['ナンシー市', '大連市', '富山市', '金沢市']);
    assert.match(page.body, /<span lang="ja">大連市<\/span> <small>\(提携先\)<\/small>/);
    assert.match(page.body, /地名の表記の変更は、各項目の変更履歴には残りません。/);
    const en = await translator.session.request({ method: 'GET', url: '/en/staff/places', headers: { accept: 'text/html' } });
    assert.match(en.body, /<h1>Place names in English and Chinese<\/h1>/);
  });

  it('lets a translator set a name’s English and Chinese, which the English and Chinese pages then show; the Japanese pages stay as they were', async () => {
    const jaBefore = (await app.inject({ url: '/ja/' })).body;
    assert.match((await app.inject({ url: '/en/' })).body, /<h1>International exchanges of <span lang="ja">金沢市<\/span><\/h1>/);
    for (const [name, en, zh] of [['金沢市', 'Kanazawa', '金泽市'], ['大連市', 'Dalian', '大连市']] as const) {
      const saved = await translator.session.request({ method: 'POST', url: '/staff/places', ...form({ _csrf: translator.csrf, name, en, zh }) });
      assert.equal(saved.statusCode, 200, saved.body.slice(0, 300));
      assert.match(saved.body, new RegExp(`${name} の表記を保存しました。`));
    }
    assert.deepEqual(Object.fromEntries(await findPlaceNames(store.db)), { 大連市: { en: 'Dalian', zh: '大连市' }, 金沢市: { en: 'Kanazawa', zh: '金泽市' } });
    const page = await translator.session.request({ method: 'GET', url: '/staff/places', headers: { accept: 'text/html' } });
    assert.match(page.body, /name="en" lang="en" maxLength="100" value="Dalian"/i);
    assert.match(page.body, /\(honyaku\)/);
    const en = (await app.inject({ url: '/en/' })).body;
    assert.match(en, /<h1>International exchanges of <span class="place">Kanazawa \(<span lang="ja">金沢市<\/span>\)<\/span><\/h1>/);
    assert.match(en, /Dalian \(<span lang="ja">大連市<\/span>\)/);
    assert.match((await app.inject({ url: '/zh/' })).body, /<h1>金泽市国际交流记录<\/h1>/);
    assert.equal((await app.inject({ url: '/ja/' })).body, jaBefore);
    const dalian = /<a href="\/en\/partnerships\/(\d+)">[^]*?Dalian \(<span lang="ja">大連市<\/span>\)/.exec(en)?.[1];
    assert.ok(dalian, 'the card links the partnership');
    const search = (await app.inject({ url: '/en/search?q=dalian' })).body;
    assert.match(search, new RegExp(`<p class="hint place-hint">What you searched for names a partner city; its exchanges: <span><a href="/en/partnerships/${dalian}"><span class="place">Dalian \\(<span lang="ja">大連市</span>\\)</span></a></span></p>`));
    assert.match((await app.inject({ url: '/zh/search?q=%E5%A4%A7%E8%BF%9E' })).body, /您搜索的词语是以下友好城市的名称/);
    assert.doesNotMatch((await app.inject({ url: '/ja/search?q=Dalian' })).body, /place-hint/);
    assert.doesNotMatch((await app.inject({ url: '/en/search?q=Paris' })).body, /place-hint/);
    // Every page naming the partnership names it so: its timeline, its print view, an event's page.
    const timeline = (await app.inject({ url: `/en/partnerships/${dalian}` })).body;
    assert.match(timeline, /<h1>Exchanges with <span class="place">Dalian \(<span lang="ja">大連市<\/span>\)<\/span>, /);
    const print = (await app.inject({ url: `/en/partnerships/${dalian}/print` })).body;
    assert.match(print, /Home city: <span class="place">Kanazawa \(<span lang="ja">金沢市<\/span>\)<\/span>/);
    assert.match((await app.inject({ url: `/zh/partnerships/${dalian}/print` })).body, /<h1>[^]*?大连市[^]*?<\/h1>/);
    const eventId = /href="\/en\/events\/(\d+)"/.exec(timeline)?.[1];
    assert.match((await app.inject({ url: `/en/events/${eventId}` })).body, /<title>[^<]*\| Dalian \(大連市\) \| Kanazawa \(金沢市\) International Exchange Record<\/title>/);
    const same = await translator.session.request({ method: 'POST', url: '/staff/places', ...form({ _csrf: translator.csrf, name: '大連市', en: 'Dalian', zh: '大连市' }) });
    assert.match(same.body, /大連市 の表記は変わっていません。/);
  });

  it('refuses a name of two lines or one the record does not hold, keeping what was typed; a viewer reads without forms', async () => {
    const bad = await translator.session.request({ method: 'POST', url: '/en/staff/places', ...form({ _csrf: translator.csrf, name: 'ナンシー市', en: 'Nancy\nFrance', zh: '南锡' }) });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Not saved: A name must be one line of at most 100 characters\./);
    assert.match(bad.body, /value="南锡"/);
    const unknown = await translator.session.request({ method: 'POST', url: '/staff/places', ...form({ _csrf: translator.csrf, name: '架空市', en: 'Nowhere' }) });
    assert.equal(unknown.statusCode, 404);
    assert.equal((await findPlaceNames(store.db)).has('ナンシー市'), false);
    const read = await viewer.session.request({ method: 'GET', url: '/staff/places', headers: { accept: 'text/html' } });
    assert.equal(read.statusCode, 200);
    assert.doesNotMatch(read.body, /name="en"/);
    assert.match(read.body, /表記を変更できるのは、翻訳者・編集者・管理者です。/);
    assert.match(read.body, /<span lang="en">Dalian<\/span>/);
  });
});
