import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { createItem, deletedItems, editItem, getItem, removeItem } from '../../services/editing.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import { buildApp } from '../app.js';

/** What the staff's edit pages say besides their fields: a 交流なし mark a save took away, why a form is read-only. */

const form = (fields: Record<string, string>) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const html = { accept: 'text/html' };

describe('the notes of the staff edit pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-staff-notes-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let translator: { session: HttpSession; csrf: string };
  let viewer: { session: HttpSession; csrf: string };
  let partnershipId: number;
  const actor = { name: 'setup' };

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    editor = await loggedInAs(store, app, 'hanako', 'editor');
    translator = await loggedInAs(store, app, 'li', 'translator');
    viewer = await loggedInAs(store, app, 'ken', 'viewer');
    partnershipId = (await createItem(store, 'partnership', { home: '金沢市', partner: '全州市', kind: '姉妹都市', affiliatedOn: '2002-04-15', noExchangeYears: [2020, 2021], status: 'published' }, actor)).id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says after adding an exchange in a year marked 交流なし (typed as 令和２年) that the mark was taken away', async () => {
    const res = await editor.session.request({
      method: 'POST',
      url: '/ja/staff/events',
      ...form({ _csrf: editor.csrf, partnershipId: String(partnershipId), year: '令和２年', date: '', direction: 'mutual', text: 'コロナ禍のため書簡を交換', en: '', zh: '', status: 'published' }),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.match(String(res.headers.location), /\?done=saved&unmarked=2020$/);
    assert.deepEqual((await getItem(store, 'partnership', partnershipId)).noExchangeYears, [2021]);
    const page = await editor.session.request({ method: 'GET', url: String(res.headers.location), headers: html });
    assert.match(page.body, /<p class="notice" role="status">保存しました。2020年は「交流なし」になっていましたが、交流を登録したため、「交流なし」の印を外しました（提携先の変更履歴に残っています）。<\/p>/);
  });

  it('says only 保存しました after an exchange saved in a year that was not marked', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2019, date: null, direction: 'dispatch', text: '市長が全州市を訪問', translations: {}, status: 'published' }, actor);
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${event.id}`, ...form({ _csrf: editor.csrf, version: String(event.version), year: '2019', date: '', direction: 'dispatch', text: '市長が全州市を公式訪問', status: 'published' }) });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /\?done=saved$/);
    // Moved into the marked 2021 by an edit: the notice again.
    const moved = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${event.id}`, ...form({ _csrf: editor.csrf, version: String(event.version + 1), year: '2021', date: '', direction: 'dispatch', text: '市長が全州市を公式訪問', status: 'published' }) });
    assert.match(String(moved.headers.location), /\?done=saved&unmarked=2021$/);
    const en = await editor.session.request({ method: 'GET', url: `/en/staff/events/${event.id}?done=saved&unmarked=2021`, headers: html });
    assert.match(en.body, /Saved\.? 2021 was marked as a year without exchange/);
  });

  it('tells a viewer why the form cannot be changed, and draws every field of it disabled', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2018, date: null, direction: 'reception', text: '全州市の訪問団が来訪', translations: { en: 'A Jeonju delegation visited' }, status: 'published' }, actor);
    const page = await viewer.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: html });
    assert.match(page.body, /<p class="notice read-only">閲覧者の権限のため、内容を見ることだけができます（変更はできません）。/);
    assert.doesNotMatch(page.body, /翻訳者の権限|翻訳担当/);
    // Every box sits in a disabled fieldset, the translations' too.
    const boxes = page.body.split(/<fieldset class="plain" disabled>/).slice(1).map((part) => part.split('</fieldset>')[0]!).join('');
    for (const name of ['year', 'date', 'direction', 'text', 'en', 'zh', 'status']) assert.match(boxes, new RegExp(`name="${name}"`), `${name} is disabled`);
    const partnership = await viewer.session.request({ method: 'GET', url: `/ja/staff/partnerships/${partnershipId}`, headers: html });
    assert.match(partnership.body, /閲覧者の権限のため/);
    const start = await viewer.session.request({ method: 'GET', url: '/ja/staff', headers: html });
    assert.match(start.body, /閲覧者の権限のため、下書きを含む記録と変更履歴を見ることができます/);
    assert.doesNotMatch(start.body, /記録の編集や翻訳の機能は/);
  });

  it('tells a translator what it may change, on an item’s page and on a partnership’s; an editor is told nothing', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2017, date: null, direction: 'reception', text: '全州市長一行が来訪', translations: {}, status: 'published' }, actor);
    const page = await translator.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: html });
    assert.match(page.body, /翻訳担当のため、英語訳と中国語訳だけを変更できます/);
    assert.doesNotMatch(page.body, /name="en"[^>]*disabled/);
    const [, translations] = page.body.split(/<fieldset class="plain">/);
    assert.match(translations ?? '', /name="en"/, 'the translations are in a fieldset that is not disabled');
    const partnership = await translator.session.request({ method: 'GET', url: `/ja/staff/partnerships/${partnershipId}`, headers: html });
    assert.match(partnership.body, /翻訳者の権限のため、提携先の内容は変更できません/);
    const start = await translator.session.request({ method: 'GET', url: '/ja/staff', headers: html });
    assert.match(start.body, /翻訳者の権限のため、交流と写真の記録の英語訳・中国語訳を追加・変更できます/);
    const editorPage = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: html });
    assert.doesNotMatch(editorPage.body, /read-only/);
    assert.doesNotMatch(editorPage.body, /disabled/);
  });

  it('shows the era beside each year of the partnership’s exchanges, and the forms the 提携日 box reads', async () => {
    await createItem(store, 'event', { partnershipId, year: 2019, date: null, direction: 'reception', text: '全州市の青少年団が来訪', translations: {}, status: 'draft' }, actor);
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/partnerships/${partnershipId}`, headers: html });
    assert.match(page.body, /<td>2019<span class="era">（平成31年\/令和元年）<\/span><\/td>/);
    assert.match(page.body, /<small id="p-aff-hint" class="hint">YYYY-MM-DD（2002\/4\/15、平成14年4月15日、H14.4.15の形でも可。空欄可）<\/small>/);
    // And it reads them: 平成14年4月15日 is 2002-04-15.
    const p = await getItem(store, 'partnership', partnershipId);
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/partnerships/${partnershipId}`, ...form({ _csrf: editor.csrf, version: String(p.version), partner: p.partner, kind: p.kind, affiliatedOn: '平成14年4月15日', noExchangeYears: p.noExchangeYears.join(', '), status: p.status }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal((await getItem(store, 'partnership', partnershipId)).affiliatedOn, '2002-04-15');
  });

  it('names a deleted exchange with its partner and year, its history link apart from its restore button', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2016, date: null, direction: 'dispatch', text: '市長が全州市を訪問', translations: {}, status: 'published' }, actor);
    await removeItem(store, 'event', event.id, event.version, { name: 'hanako' });
    const page = await editor.session.request({ method: 'GET', url: '/ja/staff/record', headers: html });
    assert.match(page.body, /交流: <span class="deleted-where">［全州市 2016年］<\/span>市長が全州市を訪問 \(hanako, \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 日本時間\) <span class="deleted-actions"><a [^>]*>変更履歴<\/a><form/);
  });

  it('says on the conflict page who made the newer version, and when', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2015, date: null, direction: 'dispatch', text: '全州市を訪問', translations: {}, status: 'published' }, actor);
    await editItem(store, 'event', event.id, { text: '全州市を公式訪問' }, event.version, { name: 'suzuki' });
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${event.id}`, ...form({ _csrf: editor.csrf, version: String(event.version), year: '2015', date: '', direction: 'dispatch', text: '全州市を表敬訪問', status: 'published' }) });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /<p class="conflict-by">suzuki さんが \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（日本時間）に変更しました。<\/p>/);
  });

  it('titles an item’s page by its year and the beginning of its text, and separates the version line with ・', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2014, date: null, direction: 'reception', text: '全州市の伝統音楽公演団が来訪し、市民会館で記念公演を開催', translations: {}, status: 'published' }, actor);
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}`, headers: html });
    assert.match(page.body, /<title>交流 2014年「全州市の伝統音楽公演団が来訪し、市民会館…」 \|/);
    assert.match(page.body, /<h1>交流 2014年「全州市の伝統音楽公演団が来訪し、市民会館…」<\/h1>/);
    assert.match(page.body, /版 1・<a [^>]*>変更履歴<\/a>/);
    assert.doesNotMatch(page.body, / · /);
  });

  it('says on the staff 404 page that the address may be wrong or a one-time page opened again, not only that someone deleted it', async () => {
    const res = await editor.session.request({ method: 'GET', url: '/ja/staff/events/99999', headers: html });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /このページは見つかりません。アドレスの誤りか、取り込みの確認画面のように一度だけ表示するページを開き直した可能性があります。/);
  });

  it('says after restoring a deleted exchange into a year marked 交流なし since that the mark was taken away', async () => {
    const event = await createItem(store, 'event', { partnershipId, year: 2013, date: null, direction: 'dispatch', text: '全州市に職員を派遣', translations: {}, status: 'published' }, actor);
    await removeItem(store, 'event', event.id, event.version, actor);
    const p = await getItem(store, 'partnership', partnershipId);
    await editItem(store, 'partnership', partnershipId, { noExchangeYears: [...p.noExchangeYears, 2013] }, p.version, actor);
    const deletion = (await deletedItems(store)).find((d) => d.itemId === event.id && d.kind === 'event')!;
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${deletion.id}/restore`, ...form({ _csrf: editor.csrf }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `/ja/staff/events/${event.id}?done=restored&unmarked=2013`);
    assert.ok(!(await getItem(store, 'partnership', partnershipId)).noExchangeYears.includes(2013));
  });
});
