import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { createItem, getItem, historyOf } from '../../services/editing.service.js';
import { storePhoto } from '../../services/photo.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn, type PhotoFiles } from '../../storage/photo.files.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import { buildApp } from '../app.js';

/** A record's form as the staff page sends it: multipart, with a photo file or none. */
function recordForm(fields: Record<string, string>, photo?: Buffer) {
  const boundary = `----koryu${randomBytes(8).toString('hex')}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const file = photo
    ? Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="new.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from('\r\n')])
    : Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`);
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' } };
}

const jpeg = (background: string) => sharp({ create: { width: 320, height: 240, channels: 3, background } }).jpeg().toBuffer();

describe('who may see a stored photo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-photo-route-'));
  let store: Store;
  let photos: PhotoFiles;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let partnershipId: number;
  const actor = { name: 'setup' };
  const anonymous = (name: string, size = 'display') => app.inject({ url: `/photos/${size}/${name}` });

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    photos = photoFilesIn(dir);
    app = await buildApp({ store, home: '金沢市', editing: { photos, maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    editor = await loggedInAs(store, app, 'hanako', 'editor');
    partnershipId = (await createItem(store, 'partnership', { home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], status: 'published' }, actor)).id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a published record’s photo to everyone, and a replaced one only to staff, and history can bring it back', async () => {
    const first = await storePhoto(photos, await jpeg('#aa3333'), 1 << 20);
    const record = await createItem(store, 'record', { partnershipId, year: 2019, caption: '青少年交流団の記念撮影', translations: {}, eventId: null, photo: first, status: 'published' }, actor);
    const shown = await anonymous(first);
    assert.equal(shown.statusCode, 200);
    assert.doesNotMatch(String(shown.headers['cache-control']), /immutable|31536000/, 'a public photo is not cached for a year: it may be removed');
    assert.equal((await anonymous(first, 'thumb')).statusCode, 200);

    const replaced = await editor.session.request({ method: 'POST', url: `/ja/staff/records/${record.id}`, ...recordForm({ _csrf: editor.csrf, version: String(record.version), year: '2019', caption: record.caption, status: 'published' }, await jpeg('#3333aa')) });
    assert.equal(replaced.statusCode, 303, replaced.body.slice(0, 300));
    const second = (await getItem(store, 'record', record.id)).photo!;
    assert.notEqual(second, first);
    assert.equal((await anonymous(second)).statusCode, 200);
    for (const size of ['display', 'thumb']) assert.equal((await anonymous(first, size)).statusCode, 404, `the replaced photo (${size}) is no longer public`);
    const staff = await editor.session.request({ method: 'GET', url: `/photos/thumb/${first}` });
    assert.equal(staff.statusCode, 200, 'staff still see it (its history shows it)');
    assert.match(String(staff.headers['cache-control']), /no-store/);

    // Restoring the version with the first photo makes it public again.
    const restore = (await historyOf(store, 'record', record.id)).find((e) => e.after?.photo === first)!;
    const back = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${restore.id}/restore`, headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: editor.csrf }).toString() });
    assert.equal(back.statusCode, 303, back.body.slice(0, 300));
    assert.equal((await getItem(store, 'record', record.id)).photo, first);
    assert.equal((await anonymous(first)).statusCode, 200);
    assert.equal((await anonymous(second)).statusCode, 404);
  });

  it('lets staff remove a record’s photo without a replacement, and the photo is then no longer public', async () => {
    const photo = await storePhoto(photos, await jpeg('#33aa33'), 1 << 20);
    const record = await createItem(store, 'record', { partnershipId, year: 2020, caption: 'オンライン交流会', translations: {}, eventId: null, photo, status: 'published' }, actor);
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/records/${record.id}`, headers: { accept: 'text/html' } });
    assert.match(page.body, /<input[^>]*type="checkbox"[^>]*name="removePhoto"/);
    assert.match(page.body, /写真を外す/);
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/records/${record.id}`, ...recordForm({ _csrf: editor.csrf, version: String(record.version), year: '2020', caption: record.caption, status: 'published', removePhoto: 'on' }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal((await getItem(store, 'record', record.id)).photo, null);
    assert.equal((await anonymous(photo)).statusCode, 404);
  });

  it('keeps the photos of drafts and of photos uploaded but not yet given to a record from the public', async () => {
    const loose = await storePhoto(photos, await jpeg('#999999'), 1 << 20);
    assert.equal((await anonymous(loose)).statusCode, 404);
    const drafted = await storePhoto(photos, await jpeg('#777777'), 1 << 20);
    await createItem(store, 'record', { partnershipId, year: 2021, caption: '下書きの写真', translations: {}, eventId: null, photo: drafted, status: 'draft' }, actor);
    assert.equal((await anonymous(drafted)).statusCode, 404);
    assert.equal((await editor.session.request({ method: 'GET', url: `/photos/display/${drafted}` })).statusCode, 200);
  });
});
