import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import sharp from 'sharp';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { importDocuments } from '../../services/import.service.js';
import { listPartnerships } from '../../services/record.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { buildApp } from '../app.js';
import { addAccount } from '../../services/account.service.js';
import { HttpSession } from '../../../test/support/http-session.js';

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url));
const ROLES = ['viewer', 'translator', 'editor', 'admin'] as const;
type Headers = Record<string, string>;

/** A multipart body with one file field. */
function multipart(name: string, bytes: Buffer, type = 'application/octet-stream', csrf?: string) {
  const boundary = '----koryu' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(csrf === undefined ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeOnEachStore('the staff JSON API', (openFresh) => {
  let store: Store;
  let app: FastifyInstance;
  let dalian: number;
  const sessions = new Map<string, { session: HttpSession; csrf: string }>();
  /** A request as a signed-in role (with its CSRF token unless `csrf` is false), or anonymous. */
  const send = (role: string | null, options: InjectOptions & { url: string }, csrf = true) => {
    if (role === null) return app.inject(options);
    const { session, csrf: token } = sessions.get(role)!;
    const headers: Headers = { accept: 'application/json', ...(options.headers as Headers | undefined), ...(csrf ? { 'x-csrf-token': token } : {}) };
    return session.request({ ...options, headers });
  };
  const dir = mkdtempSync(join(tmpdir(), 'koryu-api-'));
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1 << 24 });
    dalian = (await listPartnerships(store))[0]!.id;
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 200_000, maxDocumentBytes: 1 << 20 } });
    for (const role of ROLES) {
      await addAccount(store, { name: `${role}1`, role, password: `${role}-password-1234` }, { scrypt: { N: 1024, r: 8, p: 1 } });
      const session = new HttpSession(app);
      assert.equal((await session.login(`${role}1`, `${role}-password-1234`)).statusCode, 303);
      sessions.set(role, { session, csrf: await session.csrfToken('/staff') });
    }
    const anonymous = new HttpSession(app);
    sessions.set('anonymous', { session: anonymous, csrf: await anonymous.csrfToken('/login') });
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = { partnershipId: 0, year: 2025, date: '2025-07-01', direction: 'reception', text: '大連市職員研修団が来訪', translations: { en: 'Dalian city staff trainees visited' } };

  it('creates a draft event, edits it on its version, and answers an outdated edit with 409 and the stored item', async () => {
    const created = await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian } });
    assert.equal(created.statusCode, 201, created.body);
    const item = created.json();
    assert.equal(item.status, 'draft');
    assert.equal(item.version, 1);
    const publicPage = await app.inject({ url: `/ja/events/${item.id}` });
    assert.equal(publicPage.statusCode, 404, 'a draft has no public page');

    const first = await send('editor', { method: 'PATCH', url: `/api/staff/events/${item.id}`, payload: { version: 1, text: '大連市職員研修団が来訪し市役所を視察' } });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 2);
    const stale = await send('admin', { method: 'PATCH', url: `/api/staff/events/${item.id}`, payload: { version: 1, text: '別の修正' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'EditConflict');
    assert.equal(stale.json().current.version, 2);
    assert.equal(stale.json().current.text, '大連市職員研修団が来訪し市役所を視察');

    const history = await send('viewer', { url: `/api/staff/events/${item.id}/history` });
    assert.equal(history.statusCode, 200);
    assert.deepEqual(history.json()[0].changes.map((c: { field: string }) => c.field), ['text']);
    const restore = await send('editor', { method: 'POST', url: `/api/staff/history/${history.json()[1].id}/restore`, payload: {} });
    assert.equal(restore.statusCode, 200, restore.body);
    assert.equal(restore.json().text, event.text);
  });

  it('refuses bad input with 400 or 422 and a stable code, writing nothing', async () => {
    const before = (await listPartnerships(store, { drafts: true }))[0]!.events.length;
    const bad = await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian, year: 1700 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'UsageError');
    const badDate = await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian, date: '2025-13-01' } });
    assert.equal(badDate.statusCode, 422);
    assert.deepEqual(badDate.json().problems, [{ field: 'date', problem: 'noSuchDay' }], 'a month no calendar has: the date is well formed, the day does not exist');
    assert.equal((await listPartnerships(store, { drafts: true }))[0]!.events.length, before);
  });

  it('stores a text sent with line breaks, tabs and control characters on one line, and refuses one that is nothing else', async () => {
    const created = await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian, text: ' 大連市職員\r\n研修団が\t来訪\u0001', translations: { en: 'Dalian\nstaff visited' } } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().text, '大連市職員 研修団が 来訪');
    assert.deepEqual(created.json().translations, { en: 'Dalian staff visited' });
    const blank = await send('editor', { method: 'PATCH', url: `/api/staff/events/${created.json().id}`, payload: { version: 1, text: '\n\t\u000b' } });
    assert.equal(blank.statusCode, 422, blank.body);
    assert.deepEqual(blank.json().problems, [{ field: 'text', problem: 'required' }]);
  });

  it('lets a translator change translations only', async () => {
    const item = (await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian } })).json();
    const translated = await send('translator', { method: 'PATCH', url: `/api/staff/events/${item.id}`, payload: { version: 1, translations: { zh: '大连市职员研修团来访' } } });
    assert.equal(translated.statusCode, 200, translated.body);
    const text = await send('translator', { method: 'PATCH', url: `/api/staff/events/${item.id}`, payload: { version: 2, text: '書き換え' } });
    assert.equal(text.statusCode, 403);
  });

  it('uploads a photo by content, refuses a text file named .jpg, and serves the photo with its type', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const up = await send('editor', { method: 'POST', url: '/api/staff/photos', ...multipart('signing.jpg', jpeg, 'image/jpeg') });
    assert.equal(up.statusCode, 201, up.body);
    // Uploaded but given to no published record yet: staff see it, the public does not.
    const served = await send('editor', { url: `/photos/display/${up.json().photo}` });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/jpeg');
    assert.equal((await app.inject({ url: `/photos/display/${up.json().photo}` })).statusCode, 404);
    // A published record with the photo, linked to a published event: both public pages show the photo.
    const ev = (await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian, status: 'published' } })).json();
    const rec = await send('editor', { method: 'POST', url: '/api/staff/records', payload: { partnershipId: dalian, year: 2025, caption: '調印式', eventId: ev.id, photo: up.json().photo, status: 'published' } });
    assert.equal(rec.statusCode, 201, rec.body);
    assert.ok((await app.inject({ url: `/en/events/${ev.id}` })).body.includes(`src="/photos/display/${up.json().photo}"`));
    assert.ok((await app.inject({ url: `/en/partnerships/${dalian}` })).body.includes(`src="/photos/thumb/${up.json().photo}"`));
    assert.equal((await app.inject({ url: `/photos/thumb/${up.json().photo}` })).statusCode, 200, 'a published record’s photo is public');
    const text = await send('editor', { method: 'POST', url: '/api/staff/photos', ...multipart('photo.jpg', Buffer.from('not a photo at all'), 'image/jpeg') });
    assert.equal(text.statusCode, 422);
    assert.equal(text.json().code, 'PhotoRejected');
    const big = await send('editor', { method: 'POST', url: '/api/staff/photos', ...multipart('big.jpg', Buffer.concat([jpeg, Buffer.alloc(300_000)])) });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().code, 'UploadTooLarge');
    assert.match(big.json().message, /larger than the limit/);
    for (const photo of ['../../koryu.db', 'x.jpg', `${up.json().photo}/../a`]) {
      const refused = await send('editor', { method: 'PATCH', url: `/api/staff/records/${rec.json().id}`, payload: { version: rec.json().version, photo } });
      assert.equal(refused.statusCode, 400, photo);
    }
  });

  it('imports a document through a preview with diagnostics and a confirmation that reports the changes', async () => {
    const doc = Buffer.from(sample.toString('utf8').replace('金沢美大訪問団が大連工大学を表敬訪問', '金沢美大訪問団が大連工業大学を表敬訪問'));
    const preview = await send('editor', { method: 'POST', url: '/api/staff/imports/preview', ...multipart('dalian-v2.txt', doc, 'text/plain') });
    assert.equal(preview.statusCode, 200, preview.body);
    const { token, documents } = preview.json();
    assert.equal(documents[0].partnerships[0].events.length, 60);

    assert.ok(!(await listPartnerships(store))[0]!.events.some((e) => e.text === '金沢美大訪問団が大連工業大学を表敬訪問'), 'the preview writes nothing');
    const other = await send('admin', { method: 'POST', url: '/api/staff/imports', payload: { token } });
    assert.equal(other.statusCode, 404, 'a preview is confirmed only by the one who made it');
    const confirmed = await send('editor', { method: 'POST', url: '/api/staff/imports', payload: { token } });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().changes[0].changed.events, 1);
    assert.deepEqual(preview.json().changes, confirmed.json().changes, 'the preview said what confirming changed');
    assert.ok((await listPartnerships(store))[0]!.events.some((e) => e.text === '金沢美大訪問団が大連工業大学を表敬訪問'));
  });

  describe('permissions: every state-changing route × role, and none without a CSRF token', () => {
    const routes = (ids: { event: number; history: number }) => [
      { method: 'POST', url: '/api/staff/partnerships', payload: { partner: 'ナンシー市', kind: '姉妹都市' }, need: 'record:edit' },
      { method: 'PATCH', url: `/api/staff/partnerships/${dalian}`, payload: { version: 999, kind: '友好都市' }, need: 'record:edit' },
      { method: 'DELETE', url: `/api/staff/partnerships/${dalian}?version=999`, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian }, need: 'record:edit' },
      { method: 'PATCH', url: `/api/staff/events/${ids.event}`, payload: { version: 999, text: '変更' }, need: 'record:edit' },
      { method: 'PATCH', url: `/api/staff/events/${ids.event}`, payload: { version: 999, translations: { en: 'x' } }, need: 'translation:edit' },
      { method: 'DELETE', url: `/api/staff/events/${ids.event}?version=999`, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/records', payload: { partnershipId: dalian, year: 2025, caption: '記念撮影' }, need: 'record:edit' },
      { method: 'PATCH', url: '/api/staff/records/999999', payload: { version: 1, caption: 'x' }, need: 'record:edit' },
      { method: 'DELETE', url: '/api/staff/records/999999?version=1', need: 'record:edit' },
      // A translator restores an event's translations alone (staff-restore.route.test.ts).
      { method: 'POST', url: `/api/staff/history/${ids.history}/restore`, payload: { version: 999 }, need: 'translation:edit' },
      { method: 'POST', url: '/api/staff/imports', payload: { token: 'none' }, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/photos', multipart: true, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/imports/preview', multipart: true, need: 'record:edit' },
    ] as const;
    const allowed = { 'record:edit': ['editor', 'admin'], 'translation:edit': ['translator', 'editor', 'admin'] } as const;

    it('answers 401 anonymous, 403 to roles without the permission and to any role without a token, and lets the others through', async () => {
      const e = (await send('editor', { method: 'POST', url: '/api/staff/events', payload: { ...event, partnershipId: dalian } })).json();
      const h = (await send('editor', { url: `/api/staff/events/${e.id}/history` })).json()[0];
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer();
      for (const route of routes({ event: e.id, history: h.id })) {
        const request = (role: string | null, csrf = true) =>
          send(role, { method: route.method, url: route.url, ...('multipart' in route ? multipart('a.png', png) : 'payload' in route ? { payload: route.payload } : {}) }, csrf);
        const label = `${route.method} ${route.url}`;
        assert.equal((await request('anonymous')).statusCode, 401, `${label} anonymous, with a CSRF token`);
        assert.equal((await request(null)).statusCode, 403, `${label} anonymous without a CSRF token`);
        for (const role of ROLES) {
          const withToken = await request(role);
          const ok = (allowed[route.need] as readonly string[]).includes(role);
          if (ok) assert.ok(![401, 403].includes(withToken.statusCode), `${label} ${role} is allowed (got ${withToken.statusCode} ${withToken.body})`);
          else assert.equal(withToken.statusCode, 403, `${label} ${role} is refused`);
          const withoutToken = await request(role, false);
          assert.equal(withoutToken.statusCode, 403, `${label} ${role} without a CSRF token: ${withoutToken.body}`);
        }
      }
    });
  });
});
