import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { getPartnershipForStaff } from '../../services/editing.service.js';
import { importLog } from '../../services/import-log.service.js';
import { importDocuments } from '../../services/import.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { buildApp } from '../app.js';

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
const options = { home: '金沢市', maxDocumentBytes: 1 << 24 };
/** The sample with one event corrected, one removed and one added. */
const corrected = sample
  .replace('金沢美大訪問団が大連工大学を表敬訪問', '金沢美大訪問団が大連工業大学を表敬訪問')
  .replace('2021年 (令和3年)\t—\t—', '2021年 (令和3年)\t派遣\t市長がオンラインで新年のあいさつ')
  .replace(' 金沢マラソン参加団が来訪\n2016', '\n2016');

describeOnEachStore('undoing an import in the staff pages (import-undo.route)', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let viewer: { session: HttpSession; csrf: string };
  let dalian: number;
  const ids: Record<'first' | 'corrected' | 'toyama', number> = { first: 0, corrected: 0, toyama: 0 };

  const dir = mkdtempSync(join(tmpdir(), 'koryu-import-undo-'));
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(sample) }], { ...options, actor: 'koryu import (ops)' });
    ids.first = (await importLog(store, 1))[0]!.id;
    await importDocuments(store, [{ name: '大連_訂正版.txt', bytes: Buffer.from(corrected) }], { ...options, actor: 'sato' });
    ids.corrected = (await importLog(store, 1))[0]!.id;
    await importDocuments(store, [{ name: 'toyama.txt', bytes: Buffer.from(sample), home: '富山市' }], { ...options, actor: 'suzuki' });
    ids.toyama = (await importLog(store, 1))[0]!.id;
    dalian = (await store.db.selectFrom('partnerships').select('id').where('home', '=', '金沢市').executeTakeFirstOrThrow()).id;
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    editor = await loggedInAs(store, app, 'sato', 'editor');
    viewer = await loggedInAs(store, app, 'reader', 'viewer');
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (who: { session: HttpSession }, url: string) => who.session.request({ method: 'GET', url, headers: { accept: 'text/html' } });
  const post = (url: string, fields: Record<string, string>) =>
    editor.session.request({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });

  it('gives each undoable row of the import log a 取り消す button, for whoever may import only', async () => {
    const res = await get(editor, '/ja/staff/imports');
    assert.equal(res.statusCode, 200);
    const buttons = [...res.body.matchAll(/<button type="submit" aria-label="取り込み #(\d+) を取り消す">取り消す<\/button>/g)].map((m) => Number(m[1]));
    // The first import of 金沢市–大連市 has a later one; each partnership's latest can be undone.
    assert.deepEqual(buttons, [ids.toyama, ids.corrected]);
    assert.match(res.body, new RegExp(`action="/ja/staff/imports/${ids.corrected}/undo"`));
    const own = await get(editor, `/ja/staff/imports?partnership=${dalian}`);
    assert.match(own.body, new RegExp(`<input type="hidden" name="partnership" value="${dalian}"/>`));
    assert.doesNotMatch((await get(viewer, '/ja/staff/imports')).body, /取り消す<\/button>/);
  });

  it('asks first: what will be removed, put back and restored, with counts and items, in a form with its CSRF token', async () => {
    const res = await get(editor, `/ja/staff/imports/${ids.corrected}/undo?partnership=${dalian}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, new RegExp(`<h1>取り込み #${ids.corrected} の取り消し</h1>`));
    assert.match(res.body, /削除されるもの（取り込みで追加された項目）: 交流 1件、写真の記録 0件/);
    assert.match(res.body, /2021 市長がオンラインで新年のあいさつ/);
    assert.match(res.body, /元の位置に復元されるもの（取り込みで削除された項目）: 交流 1件、写真の記録 0件/);
    assert.match(res.body, /2015 金沢マラソン参加団が来訪/);
    assert.match(res.body, /取り込み前の内容に戻るもの（取り込みで変更された項目）: 交流 1件/);
    assert.match(res.body, /提携先の情報（種別、提携日、交流のない年）も取り込みの前に戻ります。/);
    assert.match(res.body, new RegExp(`<form method="post" action="/ja/staff/imports/${ids.corrected}/undo"[^>]*><input type="hidden" name="_csrf" value="[^"]+"/>`));
    const en = await get(editor, `/en/staff/imports/${ids.toyama}/undo`);
    assert.match(en.body, /This import created the partnership 富山市–大連市/);
    assert.equal((await get(viewer, `/ja/staff/imports/${ids.corrected}/undo`)).statusCode, 403);
    assert.equal((await get(editor, '/ja/staff/imports/999999/undo')).statusCode, 404);
  });

  it('refuses a POST without the CSRF token, and one that cannot be undone with a page saying why and what to do instead', async () => {
    const noToken = await post(`/ja/staff/imports/${ids.corrected}/undo`, {});
    assert.equal(noToken.statusCode, 403);
    const refused = await post(`/ja/staff/imports/${ids.first}/undo`, { _csrf: editor.csrf });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /取り消せるのは提携先の最新の取り込みだけです/);
    assert.match(refused.body, /変更履歴」から元の版を一つずつ復元してください/);
    const zh = await get(editor, `/zh/staff/imports/${ids.first}/undo`);
    assert.equal(zh.statusCode, 409);
    assert.match(zh.body, /只能撤销交流对象最新的一次导入/);
  });

  it('undoes the import, goes back to the log it came from, and the log and the history say so', async () => {
    const res = await post(`/ja/staff/imports/${ids.corrected}/undo`, { _csrf: editor.csrf, partnership: String(dalian) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/ja/staff/imports?partnership=${dalian}&undone=${ids.corrected}`);
    const log = await get(editor, res.headers.location);
    const [undo] = await importLog(store, 1, { home: '金沢市', partner: '大連市' });
    assert.match(log.body, new RegExp(`取り込み #${ids.corrected} を取り消しました（取り込みの記録 #${undo!.id}）`));
    assert.match(log.body, new RegExp(`取り消し済み（#${undo!.id}）`));
    assert.match(log.body, new RegExp(`#${ids.corrected} の取り消し`));
    assert.equal(undo!.actor, 'sato');
    const { events } = await getPartnershipForStaff(store, dalian);
    const marathon = events.find((e) => e.year === 2015 && e.text === '金沢マラソン参加団が来訪')!;
    assert.ok(!events.some((e) => e.text === '市長がオンラインで新年のあいさつ'));
    const history = await get(editor, `/ja/staff/events/${marathon.id}/history`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, new RegExp(`: 取り消し（取り込み #${ids.corrected}） — sato`));
    // The import's own entry names its row of the log.
    assert.match(history.body, new RegExp(`: 取り込み（#${ids.first}） — koryu import \\(ops\\)`));
    // Undone once: asked again, the page says so.
    const again = await post(`/ja/staff/imports/${ids.corrected}/undo`, { _csrf: editor.csrf });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /この取り込みはすでに取り消されています。/);
  });

  it('undoes an import that created a partnership by removing it, back to the whole record’s log', async () => {
    const toyama = (await store.db.selectFrom('partnerships').select('id').where('home', '=', '富山市').executeTakeFirstOrThrow()).id;
    const res = await post(`/en/staff/imports/${ids.toyama}/undo`, { _csrf: editor.csrf, partnership: String(toyama) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/en/staff/imports?undone=${ids.toyama}`);
    assert.equal(await store.db.selectFrom('partnerships').select('id').where('home', '=', '富山市').executeTakeFirst(), undefined);
    assert.match((await get(editor, res.headers.location)).body, new RegExp(`Import #${ids.toyama} was undone`));
  });
});
