import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { loggedInEditor, type HttpSession } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import type { ChangeSummary } from '../../domain/partnership.js';
import { exportFiles } from '../../services/export.service.js';
import { importDocuments } from '../../services/import.service.js';
import { listPartnerships } from '../../services/record.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { buildApp } from '../app.js';
import { MAX_FILES } from './upload-limit.js';
import { editItem, getItem } from '../../services/editing.service.js';

/**
 * The web import takes several files at once and reads them together, as `koryu import` does: the CSV export's two
 * files (FILE.csv, the events; FILE.photos.csv, the photo records) re-import to no change, on the JSON API and on the
 * staff page, and each file is held to KORYU_MAX_DOCUMENT_BYTES on its own.
 */

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url));

interface FilePart {
  name: string;
  bytes: Buffer;
}

/** A multipart body with the given text fields and every file under the field `file`, as a browser sends `<input multiple>`. */
function multipart(fields: Record<string, string>, files: readonly FilePart[]) {
  const boundary = `----koryu${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const unchanged = (s: ChangeSummary) => [s.partner, s.created, s.detailsChanged, s.added, s.changed, s.removed];
const NOTHING = { events: 0, records: 0, years: 0 };

describeOnEachStore('the web import of several documents', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let session: HttpSession;
  let csrf: string;
  let events: FilePart;
  let photos: FilePart;
  let maxDocumentBytes: number;
  const dir = mkdtempSync(join(tmpdir(), 'koryu-staff-import-'));

  /** The stored record, without the ids and versions an import that changes nothing keeps anyway. */
  const record = async () => (await listPartnerships(store)).map((p) => ({ events: p.events.map((e) => [e.year, e.direction, e.text]), records: p.records.map((r) => [r.year, r.caption]) }));

  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1 << 24 });
    const [csv, photosCsv] = await exportFiles(store, 'csv');
    events = { name: 'koryu.csv', bytes: Buffer.from(csv!.body) };
    photos = { name: 'koryu.photos.csv', bytes: Buffer.from(photosCsv!.body) };
    assert.equal(photosCsv!.exporter.format, 'photos-csv');
    // Each file fits the limit on its own; the two together do not.
    maxDocumentBytes = Math.max(events.bytes.length, photos.bytes.length);
    assert.ok(events.bytes.length + photos.bytes.length > maxDocumentBytes);
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 100_000, maxDocumentBytes } });
    ({ session, csrf } = await loggedInEditor(store, app));
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the JSON API previews and imports the CSV export\'s two files as one document that changes nothing', async () => {
    const stored = await record();
    assert.equal(stored[0]!.records.length, 14, 'the sample has photo records to lose');
    const body = multipart({}, [events, photos]);
    const preview = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: body.payload, headers: { ...body.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(preview.statusCode, 200, preview.body);
    const { token, documents, changes } = preview.json();
    assert.deepEqual(documents.map((d: { source: string }) => d.source), ['koryu.csv + koryu.photos.csv']);
    assert.deepEqual(documents[0].diagnostics, []);
    assert.deepEqual(changes.map(unchanged), [['大連市', false, false, NOTHING, NOTHING, NOTHING]]);
    const confirmed = await session.request({ method: 'POST', url: '/api/staff/imports', payload: { token }, headers: { accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.deepEqual(confirmed.json().changes.map(unchanged), [['大連市', false, false, NOTHING, NOTHING, NOTHING]]);
    assert.deepEqual(await record(), stored);
  });

  it('the import page takes both files of one form, shows them as one document, and its confirmation removes no photo record', async () => {
    const stored = await record();
    const body = multipart({ _csrf: csrf }, [events, photos]);
    const preview = await session.request({ method: 'POST', url: '/ja/staff/import/preview', payload: body.payload, headers: { ...body.headers, accept: 'text/html' } });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 300));
    assert.ok(preview.body.includes('取り込む内容：koryu.csv + koryu.photos.csv'), preview.body);
    assert.ok(!preview.body.includes('削除されます'), 'the preview warns of removals');
    const token = /name="token" value="([^"]+)"/.exec(preview.body)![1]!;
    const form = new URLSearchParams({ _csrf: csrf, token }).toString();
    const done = await session.request({ method: 'POST', url: '/ja/staff/import', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    assert.equal(done.statusCode, 200, done.body.slice(0, 300));
    assert.ok(done.body.includes('取り込みました'));
    assert.deepEqual(await record(), stored);
  });

  it('imports nothing when the record changed after the preview, and shows the preview made again to confirm', async () => {
    const body = multipart({ _csrf: csrf }, [events, photos]);
    const preview = await session.request({ method: 'POST', url: '/ja/staff/import/preview', payload: body.payload, headers: { ...body.headers, accept: 'text/html' } });
    const token = /name="token" value="([^"]+)"/.exec(preview.body)![1]!;
    // A colleague corrects an event after the preview said the import changes nothing.
    const [event] = await store.db.selectFrom('events').select(['id', 'version', 'text']).where('status', '=', 'published').orderBy('id').limit(1).execute();
    await editItem(store, 'event', event!.id, { text: `${event!.text}（訂正）` }, event!.version, { name: 'colleague' });
    const confirm = (t: string) => session.request({ method: 'POST', url: '/ja/staff/import', payload: new URLSearchParams({ _csrf: csrf, token: t }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    const stale = await confirm(token);
    assert.equal(stale.statusCode, 409, stale.body.slice(0, 300));
    assert.match(stale.body, /確認の後に記録が変更されたため、取り込んでいません/);
    assert.equal((await getItem(store, 'event', event!.id)).text, `${event!.text}（訂正）`, 'the colleague’s correction stays');
    const again = /name="token" value="([^"]+)"/.exec(stale.body)?.[1];
    assert.ok(again && again !== token, 'a new preview to confirm');
    const done = await confirm(again);
    assert.equal(done.statusCode, 200, done.body.slice(0, 300));
    assert.equal((await getItem(store, 'event', event!.id)).text, event!.text, 'confirmed knowingly, the document’s text is back');
    // The JSON API says the same with its code and the new preview.
    const api = multipart({}, [events, photos]);
    const previewed = (await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: api.payload, headers: { ...api.headers, accept: 'application/json', 'x-csrf-token': csrf } })).json() as { token: string };
    const current = await getItem(store, 'event', event!.id);
    await editItem(store, 'event', event!.id, { text: `${event!.text}（再訂正）` }, current.version, { name: 'colleague' });
    const refused = await session.request({ method: 'POST', url: '/api/staff/imports', payload: { token: previewed.token }, headers: { accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(refused.statusCode, 409, refused.body);
    const answer = refused.json() as { code: string; preview: { token: string; changes: { changed: { events: number } }[] } };
    assert.equal(answer.code, 'ImportPreviewStale');
    assert.equal(answer.preview.changes[0]!.changed.events, 1);
  });

  it('says in the page’s language, before any confirmation, that two documents holding one partnership are refused', async () => {
    const stored = await record();
    const text = { name: 'kanazawa-dalian.txt', bytes: sample };
    const body = multipart({ _csrf: csrf }, [events, photos, text]);
    const preview = await session.request({ method: 'POST', url: '/ja/staff/import/preview', payload: body.payload, headers: { ...body.headers, accept: 'text/html' } });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 300));
    assert.ok(/kanazawa-dalian\.txt と koryu\.csv \+ koryu\.photos\.csv のどちらにも 金沢市–大連市 の交流が含まれています/.test(preview.body), 'the refusal, named');
    assert.doesNotMatch(preview.body, /name="token"/, 'no confirmation offered');
    // Confirmed anyway (a token from the API's preview), the page says why, in Japanese.
    const api = multipart({}, [events, photos, text]);
    const previewed = (await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: api.payload, headers: { ...api.headers, accept: 'application/json', 'x-csrf-token': csrf } })).json();
    assert.deepEqual(previewed.refusal, { kind: 'samePartnership', first: 'kanazawa-dalian.txt', second: 'koryu.csv + koryu.photos.csv', home: '金沢市', partner: '大連市' });
    const token = previewed.token as string;
    const form = new URLSearchParams({ _csrf: csrf, token }).toString();
    const done = await session.request({ method: 'POST', url: '/ja/staff/import', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    assert.equal(done.statusCode, 422);
    assert.match(done.body, /のどちらにも 金沢市–大連市 の交流が含まれています/);
    assert.doesNotMatch(done.body, /both hold/);
    assert.deepEqual(await record(), stored);
  });

  it('the import form lets several files be chosen', async () => {
    const page = await session.request({ method: 'GET', url: '/ja/staff/import', headers: { accept: 'text/html' } });
    assert.match(page.body, /<input id="doc" type="file" name="file" multiple/);
  });

  it('the events CSV alone is previewed as changing no photo record, and the photo CSV alone is refused', async () => {
    const alone = multipart({}, [events]);
    const preview = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: alone.payload, headers: { ...alone.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(preview.statusCode, 200, preview.body);
    // The events CSV carries the captions of the records linked to events; a record linked to none is only in the
    // photo CSV, and is kept: the events CSV alone cannot say what the records are.
    // (An earlier test edited an event after the export: that edit is undone, and is no record's change.)
    const { added, changed, removed } = preview.json().changes[0];
    assert.equal(removed.events, 0);
    assert.deepEqual([added.records, changed.records, removed.records], [0, 0, 0]);
    const only = multipart({}, [photos]);
    const refused = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: only.payload, headers: { ...only.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(refused.statusCode, 200, refused.body);
    assert.equal(refused.json().changes, undefined);
    const errors = refused.json().documents[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    assert.deepEqual(errors.map((d: { code: string }) => d.code), ['RecordsWithoutEvents']);
  });

  it('holds each file to the document limit: one byte over is refused with 413 on the API and the page, and nothing is imported', async () => {
    const stored = await record();
    const big = { name: 'koryu.csv', bytes: Buffer.concat([events.bytes, Buffer.alloc(maxDocumentBytes + 1 - events.bytes.length, 0x0a)]) };
    const api = multipart({}, [big, photos]);
    const refused = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: api.payload, headers: { ...api.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(refused.statusCode, 413, refused.body);
    assert.equal(refused.json().code, 'UploadTooLarge');
    const page = multipart({ _csrf: csrf }, [photos, big]);
    const onPage = await session.request({ method: 'POST', url: '/ja/staff/import/preview', payload: page.payload, headers: { ...page.headers, accept: 'text/html' } });
    assert.equal(onPage.statusCode, 413, onPage.body.slice(0, 300));
    assert.ok(onPage.body.includes('文書が上限の'), onPage.body);
    assert.match(onPage.headers['content-type'] as string, /^text\/html/, 'a browser gets a page of the site, not bare text');
    assert.match(onPage.body, /<html lang="ja">[\s\S]*<h1>送信できませんでした<\/h1>[\s\S]*<a href="\/ja\/staff\/import">/);
    assert.doesNotMatch(onPage.body, /UploadTooLarge:/);
    assert.deepEqual(await record(), stored);
  });

  it('refuses more documents than one import takes with 413, in the page\'s language, and a second photo likewise', async () => {
    const stored = await record();
    const many = Array.from({ length: MAX_FILES.document + 1 }, (_, i) => ({ name: `t${i}.txt`, bytes: Buffer.from(`姉妹都市ナンシー市との交流\n2019年\t派遣\t市長が訪問（${i}）\n`) }));
    const api = multipart({}, many);
    const refused = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: api.payload, headers: { ...api.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(refused.statusCode, 413, refused.body);
    assert.equal(refused.json().code, 'UploadTooLarge');
    assert.equal(refused.json().message, `At most ${MAX_FILES.document} documents can be sent at once. Nothing was stored.`);
    for (const [locale, words] of Object.entries({ ja: `一度に取り込める文書は${MAX_FILES.document}個までです。`, zh: `一次最多可导入${MAX_FILES.document}个文档。`, en: 'documents can be imported at once' })) {
      const page = multipart({ _csrf: csrf }, many);
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/import/preview`, payload: page.payload, headers: { ...page.headers, accept: 'text/html' } });
      assert.equal(res.statusCode, 413, res.body.slice(0, 300));
      assert.ok(res.body.includes(words), `${locale}: ${res.body}`);
    }
    const ten = multipart({}, many.slice(0, MAX_FILES.document));
    const accepted = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: ten.payload, headers: { ...ten.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(accepted.statusCode, 200, accepted.body);
    const two = multipart({}, [{ name: 'a.jpg', bytes: Buffer.from('a') }, { name: 'b.jpg', bytes: Buffer.from('b') }]);
    const photosRes = await session.request({ method: 'POST', url: '/api/staff/photos', payload: two.payload, headers: { ...two.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(photosRes.statusCode, 413, photosRes.body);
    assert.deepEqual(await record(), stored);
  });

  it('shows each stored item the import would change, as it reads now and as the document has it, on the page and in the API', async () => {
    const stored = await record();
    const corrected = { name: 'dalian-corrected.txt', bytes: Buffer.from(sample.toString('utf8').replace('\t派遣\t市英語教育研修参加派遣団が訪問', '\t派遣\t市英語教育研修派遣団が訪問')) };
    const page = multipart({ _csrf: csrf }, [corrected]);
    const res = await session.request({ method: 'POST', url: '/ja/staff/import/preview', payload: page.payload, headers: { ...page.headers, accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /金沢市–大連市：登録済みの1件の項目の内容が、次のように変わります/);
    // An earlier test of this file left its own correction on the stored text.
    const now = (await store.db.selectFrom('events').select('text').where('year', '=', 2006).where('text', 'like', '市英語教育研修参加派遣団が訪問%').executeTakeFirstOrThrow()).text;
    assert.ok(res.body.includes(`<ul class="changed-items"><li><del>2006 派遣 ${now}</del> → <ins>2006 派遣 市英語教育研修派遣団が訪問</ins></li></ul>`), res.body.slice(-3000));
    const api = multipart({}, [corrected]);
    const json = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: api.payload, headers: { ...api.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.deepEqual(json.json().changes[0].changedItems, [
      { kind: 'event', before: { year: 2006, date: null, direction: 'dispatch', text: now }, after: { year: 2006, date: null, direction: 'dispatch', text: '市英語教育研修派遣団が訪問' } },
    ]);
    assert.deepEqual(await record(), stored, 'previews write nothing');
  });

  it('warns before a document starts a new partnership for a partner stored under another spelling (大連 beside 大連市)', async () => {
    const stored = await record();
    const dalian = { name: 'dalian-short.txt', bytes: Buffer.from(sample.toString('utf8').replaceAll('大連市との', '大連との')) };
    const api = multipart({}, [dalian]);
    const preview = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: api.payload, headers: { ...api.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.deepEqual(preview.json().changes.map((c: ChangeSummary) => [c.partner, c.created]), [['大連', true]]);
    assert.deepEqual(preview.json().similar, [{ home: '金沢市', partner: '大連', stored: ['大連市'] }]);
    for (const [locale, said] of [
      ['ja', '金沢市–大連：新しい提携先として追加されます。登録済みの「大連市」と同じ都市なら'],
      ['en', 'If it is the same city as the stored “大連市”, correct'],
    ] as const) {
      const page = multipart({ _csrf: csrf }, [dalian]);
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/import/preview`, payload: page.payload, headers: { ...page.headers, accept: 'text/html' } });
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes(said), res.body.slice(0, 200));
    }
    const same = multipart({}, [{ name: 'dalian.txt', bytes: sample }]);
    const plain = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: same.payload, headers: { ...same.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(plain.json().similar, undefined, 'the stored spelling itself is no warning');
    assert.deepEqual(await record(), stored, 'previews write nothing');
  });
});
