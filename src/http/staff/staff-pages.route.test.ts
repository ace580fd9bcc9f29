import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { createItem, editItem, getItem, getPartnershipForStaff, removeItem } from '../../services/editing.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import { buildApp } from '../app.js';
import { pageShownAfter } from './staff-pages.route.js';

/** The staff pages' forms as each role uses them, and what a refused or impossible edit shows. */

const form = (fields: Record<string, string>) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

function multipart(fields: Record<string, string>, name: string, bytes: Buffer) {
  const boundary = `----koryu${randomBytes(8).toString('hex')}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const payload = Buffer.concat([Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' } };
}

/** The value of the input named `name` on a page (the first such input). */
const inputValue = (html: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];

describe('the staff pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-staff-pages-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let translator: { session: HttpSession; csrf: string };
  let viewer: { session: HttpSession; csrf: string };
  let partnershipId: number;
  const actor = { name: 'setup' };

  const newEvent = async (fields: Partial<{ text: string; translations: Record<string, string>; year: number }> = {}) =>
    createItem(store, 'event', { partnershipId, year: fields.year ?? 2006, date: null, direction: 'dispatch', text: fields.text ?? '市長が大連市を訪問', translations: fields.translations ?? {}, status: 'published' }, actor);

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    editor = await loggedInAs(store, app, 'hanako', 'editor');
    translator = await loggedInAs(store, app, 'li', 'translator');
    viewer = await loggedInAs(store, app, 'ken', 'viewer');
    partnershipId = (await createItem(store, 'partnership', { home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], status: 'published' }, actor)).id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a translator save a translation from the form, changing nothing else and keeping the other language', async () => {
    const event = await newEvent({ translations: { zh: '市长访问大连市' } });
    const page = await translator.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /翻訳担当のため、英語訳と中国語訳だけを変更できます/);
    assert.match(page.body, /<fieldset class="plain" disabled>/, 'the other fields are shown but cannot be changed');
    assert.doesNotMatch(page.body, /\/delete"/, 'no delete button');
    const res = await translator.session.request({
      method: 'POST',
      url: `/ja/staff/events/${event.id}`,
      ...form({ _csrf: translator.csrf, version: String(event.version), en: 'The mayor visited Dalian', zh: '市长访问大连市', text: '書き換え', year: '1999' }),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const saved = await getItem(store, 'event', event.id);
    assert.deepEqual(saved.translations, { en: 'The mayor visited Dalian', zh: '市长访问大连市' });
    assert.equal(saved.text, '市長が大連市を訪問');
    assert.equal(saved.year, 2006);
  });

  it('shows a viewer the item without a save, delete or import button', async () => {
    const event = await newEvent();
    const page = await viewer.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /<button type="submit">保存<\/button>/);
    assert.doesNotMatch(page.body, /\/delete"/);
    const home = await viewer.session.request({ method: 'GET', url: '/ja/staff/record', headers: { accept: 'text/html' } });
    assert.doesNotMatch(home.body, /staff\/import"/);
    for (const who of [viewer, translator]) {
      const start = await who.session.request({ method: 'GET', url: '/ja/staff', headers: { accept: 'text/html' } });
      assert.equal(start.statusCode, 200);
      assert.doesNotMatch(start.body, /staff\/import"/, 'no link to a page the role may not use');
    }
    assert.match((await editor.session.request({ method: 'GET', url: '/ja/staff', headers: { accept: 'text/html' } })).body, /staff\/import"/);
    const editorPage = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: { accept: 'text/html' } });
    assert.match(editorPage.body, /<button type="submit">保存<\/button>/, 'an editor has them');
    assert.match(editorPage.body, /\/delete"/);
    assert.match(editorPage.body, /<details class="confirm-delete"><summary>削除<\/summary><form[^>]*action="\/ja\/staff\/events\/\d+\/delete"[^>]*>[\s\S]*?元に戻せます[\s\S]*?<button type="submit" class="danger">削除する<\/button>/, 'deleting takes a second click, after being told what it does');
  });

  it('saves a text pasted with line breaks, tabs and control characters on one line, as an import of it would', async () => {
    const event = await newEvent();
    const res = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/events/${event.id}`,
      ...form({ _csrf: editor.csrf, version: String(event.version), year: '2006', date: '', direction: 'dispatch', text: '市長が\r\n大連市を\t訪問\u000c', en: 'The mayor\r\nvisited Dalian', status: 'published' }),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const saved = await getItem(store, 'event', event.id);
    assert.equal(saved.text, '市長が 大連市を 訪問');
    assert.deepEqual(saved.translations, { en: 'The mayor visited Dalian' });
  });

  it('reads years and dates as staff type them: full-width digits, 2019年, 令和元年, 2019/5/1', async () => {
    const event = await newEvent();
    const res = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/events/${event.id}`,
      ...form({ _csrf: editor.csrf, version: String(event.version), year: '令和元年', date: '２０１９/５/１', direction: 'dispatch', text: '市長が大連市を訪問', status: 'published' }),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const saved = await getItem(store, 'event', event.id);
    assert.equal(saved.year, 2019);
    assert.equal(saved.date, '2019-05-01');
    const p = await getItem(store, 'partnership', partnershipId);
    const years = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/partnerships/${partnershipId}`,
      ...form({ _csrf: editor.csrf, version: String(p.version), partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006年11月24日', noExchangeYears: '２０２０、令和3年', status: 'published' }),
    });
    assert.equal(years.statusCode, 303, years.body.slice(0, 500));
    const after = await getItem(store, 'partnership', partnershipId);
    assert.deepEqual(after.noExchangeYears, [2020, 2021]);
    assert.equal(after.affiliatedOn, '2006-11-24');
  });

  it('shows a refused form again with what was typed, and each problem under the field’s own name', async () => {
    const event = await newEvent();
    const res = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/events/${event.id}`,
      ...form({ _csrf: editor.csrf, version: String(event.version), year: '昨年', date: '', direction: 'dispatch', text: '書き直した内容', status: 'published' }),
    });
    assert.equal(res.statusCode, 422);
    assert.equal(inputValue(res.body, 'year'), '昨年');
    assert.match(res.body, /書き直した内容<\/textarea>/);
    assert.match(res.body, /<li>年: 1868〜2100年の年を、西暦か和暦で入力してください（2020、令和2年、R2など）<\/li>/);
    assert.doesNotMatch(res.body, /<li>year:/);
    const p = await getItem(store, 'partnership', partnershipId);
    const years = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/partnerships/${partnershipId}`,
      ...form({ _csrf: editor.csrf, version: String(p.version), partner: '大連市', kind: '友好交流都市', affiliatedOn: '', noExchangeYears: '去年, 一昨年', status: 'published' }),
    });
    assert.equal(years.statusCode, 422);
    assert.equal(inputValue(years.body, 'noExchangeYears'), '去年, 一昨年');
    assert.doesNotMatch(years.body, /NaN/);
    const created = await editor.session.request({
      method: 'POST',
      url: '/ja/staff/events',
      ...form({ _csrf: editor.csrf, partnershipId: String(partnershipId), year: '2006', date: '2019-05-01', direction: 'dispatch', text: '新しい交流の内容', status: 'draft' }),
    });
    assert.equal(created.statusCode, 422);
    assert.match(created.body, /日付: 日付が年と合っていません/);
    assert.match(created.body, /新しい交流の内容<\/textarea>/, 'the new event’s text is kept');
  });

  it('refuses a date typed in an era it lies outside, saying so in the staff’s language, and a year past its era', async () => {
    const typed = { _csrf: editor.csrf, partnershipId: String(partnershipId), year: '2019', date: '令和元年4月30日', direction: 'dispatch', text: '改元前の交流', status: 'draft' };
    const ja = await editor.session.request({ method: 'POST', url: '/ja/staff/events', ...form(typed) });
    assert.equal(ja.statusCode, 422);
    assert.equal(inputValue(ja.body, 'date'), '令和元年4月30日');
    assert.match(ja.body, /<li>日付: この日付は、書かれた元号の期間にありません/);
    const zh = await editor.session.request({ method: 'POST', url: '/zh/staff/events', ...form(typed) });
    assert.match(zh.body, /该日期不在所写日本年号的期间内/);
    const en = await editor.session.request({ method: 'POST', url: '/en/staff/events', ...form({ ...typed, date: '', year: '平成35年' }) });
    assert.equal(en.statusCode, 422);
    assert.match(en.body, /Enter a year from 1868 to 2100, Western or Japanese era/);
    assert.ok(!(await getPartnershipForStaff(store, partnershipId)).events.some((e) => e.text === '改元前の交流'), 'nothing was saved');
  });

  it('keeps the caption and translations typed when the photo sent with them is refused', async () => {
    const record = await createItem(store, 'record', { partnershipId, year: 2006, caption: '記念撮影', translations: {}, eventId: null, photo: null, status: 'published' }, actor);
    const fields = { _csrf: editor.csrf, version: String(record.version), year: '2006', caption: '調印式の記念撮影', en: 'changed', zh: '', status: 'published' };
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/records/${record.id}`, ...multipart(fields, 'photo.jpg', Buffer.from('<html>not a photo</html>')) });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /調印式の記念撮影<\/textarea>/);
    assert.match(res.body, /lang="en" rows="2">changed<\/textarea>/);
  });

  it('answers a photo over the limit with a page in the staff’s language that leads back to the record', async () => {
    const record = await createItem(store, 'record', { partnershipId, year: 2006, caption: '大きな写真', translations: {}, eventId: null, photo: null, status: 'published' }, actor);
    const fields = { _csrf: editor.csrf, version: String(record.version), year: '2006', caption: '大きな写真', status: 'published' };
    const res = await editor.session.request({ method: 'POST', url: `/en/staff/records/${record.id}`, ...multipart(fields, 'big.jpg', Buffer.alloc((1 << 20) + 128 * 1024, 0xff)) });
    assert.equal(res.statusCode, 413);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.match(res.body, /<h1>The upload was refused<\/h1>/);
    assert.ok(res.body.includes(`<a href="/en/staff/records/${record.id}">`), res.body);
  });

  it('shows what was typed when the item was deleted meanwhile, and a page in the staff’s language for a deleted item', async () => {
    const event = await newEvent();
    await removeItem(store, 'event', event.id, event.version, actor);
    const res = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/events/${event.id}`,
      ...form({ _csrf: editor.csrf, version: String(event.version), year: '2006', direction: 'dispatch', text: '消される前に書いた文', status: 'published' }),
    });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /ほかの人がこの項目を削除しました/);
    assert.match(res.body, /消される前に書いた文/);
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 404);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /<html lang="ja"/);
    assert.match(page.body, /削除した項目は職員用ページの「削除した項目」から元に戻せます/);
  });

  it('says in the page’s language why a partnership cannot be deleted or restored', async () => {
    const p = await getItem(store, 'partnership', partnershipId);
    const refused = await editor.session.request({ method: 'POST', url: `/ja/staff/partnerships/${partnershipId}/delete`, ...form({ _csrf: editor.csrf, version: String(p.version) }) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /交流や写真の記録が残っているため削除できません/);
    assert.doesNotMatch(refused.body, /still has events/);
    assert.doesNotMatch(refused.body, /:id/, 'no address holds a route parameter');
    assert.ok(refused.body.includes(`hreflang="en" href="/en/staff/partnerships/${partnershipId}"`), 'the language links lead to the partnership’s page');

    const twin = await createItem(store, 'partnership', { home: '金沢市', partner: '蘇州市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [], status: 'draft' }, actor);
    await removeItem(store, 'partnership', twin.id, twin.version, actor);
    await createItem(store, 'partnership', { home: '金沢市', partner: '蘇州市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [], status: 'draft' }, actor);
    const deleted = await store.db.selectFrom('history').select('id').where('item_id', '=', twin.id).where('item_kind', '=', 'partnership').where('action', '=', 'delete').executeTakeFirstOrThrow();
    const restore = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${deleted.id}/restore`, ...form({ _csrf: editor.csrf }) });
    assert.equal(restore.statusCode, 422);
    assert.match(restore.headers['content-type'] as string, /text\/html/);
    assert.match(restore.body, /提携先: この提携先はすでにあります/);
    assert.ok(restore.body.includes('hreflang="en" href="/en/staff/record"'));
  });

  it('refuses, saying why in the page’s language, to restore a deleted exchange that is in the record again', async () => {
    const event = await newEvent({ text: '青少年交流団を派遣', year: 2019 });
    await removeItem(store, 'event', event.id, event.version, actor);
    // As a re-import of a document holding it would: the same exchange, under a new id.
    const again = await newEvent({ text: '青少年交流団を派遣', year: 2019 });
    const deleted = await store.db.selectFrom('history').select('id').where('item_id', '=', event.id).where('item_kind', '=', 'event').where('action', '=', 'delete').executeTakeFirstOrThrow();
    for (const [locale, said] of [
      ['ja', '同じ年・区分・内容の交流がこの提携先にすでにあります'],
      ['en', 'This partnership already has an exchange with the same year, direction and text'],
      ['zh', '该友好城市已有年份、类型和内容相同的交流'],
    ] as const) {
      const res = await editor.session.request({ method: 'POST', url: `/${locale}/staff/history/${deleted.id}/restore`, ...form({ _csrf: editor.csrf }) });
      assert.equal(res.statusCode, 422);
      assert.ok(res.body.includes(said), locale);
    }
    assert.equal((await store.db.selectFrom('events').select('id').where('text', '=', '青少年交流団を派遣').execute()).length, 1, 'no duplicate');
    await removeItem(store, 'event', again.id, again.version, actor);
  });

  it('says that a well-formed date names no day, in the page’s language', async () => {
    for (const [locale, said] of [
      ['ja', '日付: この日付は暦にありません'],
      ['en', 'Date: There is no such day'],
      ['zh', '日期: 日历上没有这一天'],
    ] as const) {
      const event = await newEvent({ year: 2024 });
      const res = await editor.session.request({ method: 'POST', url: `/${locale}/staff/events/${event.id}`, ...form({ _csrf: editor.csrf, version: String(event.version), year: '2024', date: '2024-02-30', direction: 'dispatch', text: event.text, status: 'published' }) });
      assert.equal(res.statusCode, 422, locale);
      assert.ok(res.body.includes(said), `${locale}: ${/<div class="problems"[\s\S]*?<\/div>/.exec(res.body)?.[0]}`);
      assert.ok(!res.body.includes('日付の形式が正しくありません'), locale);
      assert.ok(res.body.includes('value="2024-02-30"'), 'the date typed stays in its box');
    }
  });

  it('warns on a photo record’s page when the exchange it is linked to is of another year, and not when the years agree', async () => {
    const of2019 = await newEvent({ text: '青少年交流団を派遣', year: 2019 });
    const record = await createItem(store, 'record', { partnershipId, year: 2024, caption: '交流団の記念撮影', translations: {}, eventId: null, photo: null, status: 'published' }, actor);
    const saved = await editor.session.request({ method: 'POST', url: `/ja/staff/records/${record.id}`, ...form({ _csrf: editor.csrf, version: String(record.version), year: '2024', caption: record.caption, eventId: String(of2019.id), status: 'published' }) });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    for (const [locale, said] of [
      ['ja', 'この写真の記録は2024年、リンクした交流は2019年です'],
      ['en', 'This photo record is of 2024, the exchange it is linked to of 2019'],
      ['zh', '该照片记录为2024年，所关联的交流为2019年'],
    ] as const) {
      const page = await editor.session.request({ method: 'GET', url: `/${locale}/staff/records/${record.id}`, headers: { accept: 'text/html' } });
      assert.ok(page.body.includes(said), locale);
    }
    const of2024 = await newEvent({ text: '友好提携記念植樹', year: 2024 });
    const now = await getItem(store, 'record', record.id);
    await editItem(store, 'record', record.id, { eventId: of2024.id }, now.version, actor);
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/records/${record.id}`, headers: { accept: 'text/html' } });
    assert.ok(!page.body.includes('リンクした交流は'), 'same year: no warning');
  });

  it('names fields and values as staff know them in the history, at Japan’s time', async () => {
    const event = await newEvent();
    const res = await editor.session.request({
      method: 'POST',
      url: `/ja/staff/events/${event.id}`,
      ...form({ _csrf: editor.csrf, version: String(event.version), year: '2006', direction: 'reception', text: '市長が来訪', en: 'The mayor came', status: 'draft' }),
    });
    assert.equal(res.statusCode, 303);
    const history = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}/history`, headers: { accept: 'text/html' } });
    assert.match(history.body, /<th scope="row">内容（日本語）<\/th><td><del>市長が大連市を訪問<\/del><\/td><td><ins>市長が来訪<\/ins><\/td>/);
    assert.match(history.body, /<th scope="row">区分<\/th><td><del>派遣<\/del><\/td><td><ins>受入<\/ins><\/td>/);
    assert.match(history.body, /<th scope="row">状態<\/th><td><del>公開<\/del><\/td><td><ins>下書き<\/ins><\/td>/);
    assert.match(history.body, /英語訳: The mayor came/);
    assert.doesNotMatch(history.body, /<th scope="row">提携先<\/th>/, 'the partnership an event keeps all its life is not a change');
    const [entry] = await store.db.selectFrom('history').select('at').where('item_id', '=', event.id).where('item_kind', '=', 'event').orderBy('id', 'desc').execute();
    // In Japan's time, as staff write a time: 2026年11月28日 13:05 (a UTC evening is the next day there).
    const t = new Date(Date.parse(entry!.at) + 9 * 3600_000);
    const tokyo = `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${t.toISOString().slice(11, 16)}`;
    assert.ok(history.body.includes(`${tokyo}</time> 日本時間`), `the time in Japan: ${tokyo}`);
  });

  it('names a photo record’s linked event by its year and text in the history, and the id of one since deleted', async () => {
    const first = await newEvent({ text: '友好都市提携調印式', year: 2007 });
    const second = await newEvent({ text: '青少年交流団を派遣', year: 2008 });
    const record = await createItem(store, 'record', { partnershipId, year: 2007, caption: '調印式の様子', translations: {}, eventId: first.id, photo: null, status: 'published' }, actor);
    const edited = await editItem(store, 'record', record.id, { eventId: second.id }, record.version, actor);
    await removeItem(store, 'event', first.id, (await getItem(store, 'event', first.id)).version, actor);
    const history = await editor.session.request({ method: 'GET', url: `/ja/staff/records/${edited.id}/history`, headers: { accept: 'text/html' } });
    assert.doesNotMatch(history.body, /<td><del>—<\/del><\/td><td><ins>—<\/ins><\/td>/, 'no row for translations empty before and after');
    assert.ok(history.body.includes(`<th scope="row">写っている交流</th><td><del>#${first.id}</del></td><td><ins>2008 青少年交流団を派遣 (#${second.id})</ins></td>`), history.body);
  });

  it('shows a photo record’s photos in its history as thumbnails, not file names', async () => {
    const record = await createItem(store, 'record', { partnershipId, year: 2007, caption: '写真の差し替え', translations: {}, eventId: null, photo: 'a1b2c3d4.jpg', status: 'published' }, actor);
    await editItem(store, 'record', record.id, { photo: 'e5f6a7b8.jpg' }, record.version, actor);
    const history = await editor.session.request({ method: 'GET', url: `/ja/staff/records/${record.id}/history`, headers: { accept: 'text/html' } });
    assert.ok(history.body.includes('<th scope="row">写真</th><td><del><img src="/photos/thumb/a1b2c3d4.jpg" alt="写真" class="thumb"/></del></td><td><ins><img src="/photos/thumb/e5f6a7b8.jpg" alt="写真" class="thumb"/></ins></td>'), history.body);
  });

  it('offers to restore earlier versions and a deleted item, never the current version or an old deletion', async () => {
    const event = await newEvent({ text: '版の確認' });
    const restoreButtons = async () => {
      const page = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}/history`, headers: { accept: 'text/html' } });
      const entries = page.body.split('<section class="history-entry"').slice(1);
      return entries.map((e) => /<button type="submit">([^<]+)<\/button>/.exec(e)?.[1] ?? (e.includes('現在の版です。') ? 'current' : 'none'));
    };
    assert.deepEqual(await restoreButtons(), ['current'], 'a new item: its one version is the current one');
    await removeItem(store, 'event', event.id, event.version, actor);
    assert.deepEqual(await restoreButtons(), ['元に戻す', 'この版に戻す'], 'deleted: bring it back, or restore the version');
    const deletion = await store.db.selectFrom('history').select('id').where('item_id', '=', event.id).where('item_kind', '=', 'event').where('action', '=', 'delete').executeTakeFirstOrThrow();
    const back = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${deletion.id}/restore`, ...form({ _csrf: editor.csrf }) });
    assert.equal(back.statusCode, 303, back.body.slice(0, 300));
    assert.deepEqual(await restoreButtons(), ['current', 'none', 'この版に戻す'], 'restored: the old deletion offers nothing');
  });

  it('refuses a restore made from a history page someone’s later edit made stale, and shows the history as it is now', async () => {
    const event = await newEvent({ text: '古い版' });
    const second = await editItem(store, 'event', event.id, { text: '二人目が開いた版' }, event.version, actor);
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}/history`, headers: { accept: 'text/html' } });
    assert.ok(page.body.includes(`<input type="hidden" name="version" value="${second.version}"/>`), 'the restore is made on the version shown');
    await editItem(store, 'event', event.id, { text: '同僚の新しい編集' }, second.version, { name: 'colleague' });
    const first = await store.db.selectFrom('history').select('id').where('item_id', '=', event.id).where('item_kind', '=', 'event').where('version', '=', 1).executeTakeFirstOrThrow();
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${first.id}/restore`, ...form({ _csrf: editor.csrf, version: String(second.version) }) });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /他の人がこの項目を変更したため、戻していません/);
    assert.match(res.body, /同僚の新しい編集/, 'the history as it is now');
    assert.equal((await getItem(store, 'event', event.id)).text, '同僚の新しい編集', 'the colleague’s edit stays');
    const fresh = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${first.id}/restore`, ...form({ _csrf: editor.csrf, version: String(second.version + 1) }) });
    assert.equal(fresh.statusCode, 303);
    assert.equal((await getItem(store, 'event', event.id)).text, '古い版');
  });

  it('sends a signed-in person whose form token was refused back to the staff pages, not to the sign-in', async () => {
    const event = await newEvent();
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${event.id}`, ...form({ _csrf: 'stale', version: String(event.version), year: '2006', text: '書き換え' }) });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /<h1>送信を受け付けられませんでした<\/h1>/);
    assert.match(res.body, /href="\/ja\/staff">職員用ページへ<\/a>/);
    assert.doesNotMatch(res.body, /\/login"/);
  });

  it('says in the page’s language that an import preview has expired', async () => {
    const res = await editor.session.request({ method: 'POST', url: '/ja/staff/import', ...form({ _csrf: editor.csrf, token: 'no-such-preview' }) });
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /有効期限が切れたか、別の担当者のものです/);
  });
});

describe('pageShownAfter', () => {
  it('gives each staff form the page its answer stands for, every parameter filled in', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/staff/partnerships', {}, '/staff/record'],
      ['/staff/partnerships/:id', { id: '7' }, '/staff/partnerships/7'],
      ['/staff/events', {}, '/staff/record'],
      ['/staff/events/:id', { id: '12' }, '/staff/events/12'],
      ['/staff/records/:id/delete', { id: '3' }, '/staff/records/3'],
      ['/staff/history/:id/restore', { id: '40' }, '/staff/record'],
      ['/staff/import/preview', {}, '/staff/import'],
      ['/staff/import', {}, '/staff/import'],
    ];
    for (const [path, params, page] of cases) assert.equal(pageShownAfter(path, params), page, path);
  });
});
