import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { KoryuError } from '../../errors.js';
import { importDocuments } from '../../services/import.service.js';
import { listPartnerships } from '../../services/record.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { buildApp } from '../app.js';
import type { StaffAccess, StaffUser } from './staff-access.js';

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url));
const ROLES = ['viewer', 'translator', 'editor', 'admin'] as const;

/** A stand-in for sign-in: the user named in x-test-user (name:role); each user's CSRF token is `token-NAME`. */
const testAccess: StaffAccess = {
  async userOf(request: FastifyRequest) {
    const v = request.headers['x-test-user'];
    if (typeof v !== 'string') return null;
    const [name, role] = v.split(':');
    return { name: name!, role: role as StaffUser['role'] };
  },
  async checkCsrf(request, _reply, token) {
    const user = await testAccess.userOf(request);
    if (!user || token !== `token-${user.name}`) throw new KoryuError('CsrfRejected', 'The form has expired: reload it.');
  },
  async csrfToken(request) {
    return `token-${(await testAccess.userOf(request))?.name ?? ''}`;
  },
};

const as = (role: string, csrf = true) => ({ 'x-test-user': `${role}1:${role}`, ...(csrf ? { 'x-csrf-token': `token-${role}1` } : {}) });

/** A multipart body with one file field. */
function multipart(name: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = '----koryu' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
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
  const dir = mkdtempSync(join(tmpdir(), 'koryu-api-'));
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1 << 24 });
    dalian = (await listPartnerships(store))[0]!.id;
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 200_000, maxDocumentBytes: 1 << 20, access: testAccess } });
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = { partnershipId: 0, year: 2025, date: '2025-07-01', direction: 'reception', text: '大連市職員研修団が来訪', translations: { en: 'Dalian city staff trainees visited' } };

  it('creates a draft event, edits it on its version, and answers an outdated edit with 409 and the stored item', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/staff/events', headers: as('editor'), payload: { ...event, partnershipId: dalian } });
    assert.equal(created.statusCode, 201, created.body);
    const item = created.json();
    assert.equal(item.status, 'draft');
    assert.equal(item.version, 1);
    const publicPage = await app.inject({ url: `/ja/events/${item.id}` });
    assert.equal(publicPage.statusCode, 404, 'a draft has no public page');

    const first = await app.inject({ method: 'PATCH', url: `/api/staff/events/${item.id}`, headers: as('editor'), payload: { version: 1, text: '大連市職員研修団が来訪し市役所を視察' } });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 2);
    const stale = await app.inject({ method: 'PATCH', url: `/api/staff/events/${item.id}`, headers: as('admin'), payload: { version: 1, text: '別の修正' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'EditConflict');
    assert.equal(stale.json().current.version, 2);
    assert.equal(stale.json().current.text, '大連市職員研修団が来訪し市役所を視察');

    const history = await app.inject({ url: `/api/staff/events/${item.id}/history`, headers: as('viewer') });
    assert.equal(history.statusCode, 200);
    assert.deepEqual(history.json()[0].changes.map((c: { field: string }) => c.field), ['text']);
    const restore = await app.inject({ method: 'POST', url: `/api/staff/history/${history.json()[1].id}/restore`, headers: as('editor'), payload: {} });
    assert.equal(restore.statusCode, 200, restore.body);
    assert.equal(restore.json().text, event.text);
  });

  it('refuses bad input with 400 or 422 and a stable code, writing nothing', async () => {
    const before = (await listPartnerships(store, { drafts: true }))[0]!.events.length;
    const bad = await app.inject({ method: 'POST', url: '/api/staff/events', headers: as('editor'), payload: { ...event, partnershipId: dalian, year: 1700 } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'UsageError');
    const badDate = await app.inject({ method: 'POST', url: '/api/staff/events', headers: as('editor'), payload: { ...event, partnershipId: dalian, date: '2025-13-01' } });
    assert.equal(badDate.statusCode, 422);
    assert.deepEqual(badDate.json().problems, [{ field: 'date', problem: 'invalidDate' }]);
    assert.equal((await listPartnerships(store, { drafts: true }))[0]!.events.length, before);
  });

  it('lets a translator change translations only', async () => {
    const item = (await app.inject({ method: 'POST', url: '/api/staff/events', headers: as('editor'), payload: { ...event, partnershipId: dalian } })).json();
    const translated = await app.inject({ method: 'PATCH', url: `/api/staff/events/${item.id}`, headers: as('translator'), payload: { version: 1, translations: { zh: '大连市职员研修团来访' } } });
    assert.equal(translated.statusCode, 200, translated.body);
    const text = await app.inject({ method: 'PATCH', url: `/api/staff/events/${item.id}`, headers: as('translator'), payload: { version: 2, text: '書き換え' } });
    assert.equal(text.statusCode, 403);
  });

  it('uploads a photo by content, refuses a text file named .jpg, and serves the photo with its type', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const up = await app.inject({ method: 'POST', url: '/api/staff/photos', ...merge(multipart('signing.jpg', jpeg, 'image/jpeg'), as('editor')) });
    assert.equal(up.statusCode, 201, up.body);
    const served = await app.inject({ url: `/photos/display/${up.json().photo}` });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/jpeg');
    const text = await app.inject({ method: 'POST', url: '/api/staff/photos', ...merge(multipart('photo.jpg', Buffer.from('not a photo at all'), 'image/jpeg'), as('editor')) });
    assert.equal(text.statusCode, 422);
    assert.equal(text.json().code, 'PhotoRejected');
    const big = await app.inject({ method: 'POST', url: '/api/staff/photos', ...merge(multipart('big.jpg', Buffer.concat([jpeg, Buffer.alloc(300_000)])), as('editor')) });
    assert.equal(big.statusCode, 422);
    assert.match(big.json().message, /larger than the limit/);
  });

  it('imports a document through a preview with diagnostics and a confirmation that reports the changes', async () => {
    const doc = Buffer.from(sample.toString('utf8').replace('金沢美大訪問団が大連工大学を表敬訪問', '金沢美大訪問団が大連工業大学を表敬訪問'));
    const preview = await app.inject({ method: 'POST', url: '/api/staff/imports/preview', ...merge(multipart('dalian-v2.txt', doc, 'text/plain'), as('editor')) });
    assert.equal(preview.statusCode, 200, preview.body);
    const { token, documents } = preview.json();
    assert.equal(documents[0].partnerships[0].events.length, 60);
    assert.ok(!(await listPartnerships(store))[0]!.events.some((e) => e.text === '金沢美大訪問団が大連工業大学を表敬訪問'), 'the preview writes nothing');
    const other = await app.inject({ method: 'POST', url: '/api/staff/imports', headers: as('admin'), payload: { token } });
    assert.equal(other.statusCode, 404, 'a preview is confirmed only by the one who made it');
    const confirmed = await app.inject({ method: 'POST', url: '/api/staff/imports', headers: as('editor'), payload: { token } });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().changes[0].changed.events, 1);
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
      { method: 'POST', url: `/api/staff/history/${ids.history}/restore`, payload: { version: 999 }, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/imports', payload: { token: 'none' }, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/photos', multipart: true, need: 'record:edit' },
      { method: 'POST', url: '/api/staff/imports/preview', multipart: true, need: 'record:edit' },
    ] as const;
    const allowed = { 'record:edit': ['editor', 'admin'], 'translation:edit': ['translator', 'editor', 'admin'] } as const;

    it('answers 401 anonymous, 403 to roles without the permission and to any role without a token, and lets the others through', async () => {
      const e = (await app.inject({ method: 'POST', url: '/api/staff/events', headers: as('editor'), payload: { ...event, partnershipId: dalian } })).json();
      const h = (await app.inject({ url: `/api/staff/events/${e.id}/history`, headers: as('editor') })).json()[0];
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).png().toBuffer();
      for (const route of routes({ event: e.id, history: h.id })) {
        const send = (headers: Record<string, string>) =>
          app.inject({
            method: route.method,
            url: route.url,
            ...('multipart' in route ? merge(multipart('a.png', png), headers) : { headers, ...('payload' in route ? { payload: route.payload } : {}) }),
          });
        const label = `${route.method} ${route.url}`;
        assert.equal((await send({})).statusCode, 401, `${label} anonymous`);
        for (const role of ROLES) {
          const withToken = await send(as(role));
          const ok = (allowed[route.need] as readonly string[]).includes(role);
          if (ok) assert.ok(![401, 403].includes(withToken.statusCode), `${label} ${role} is allowed (got ${withToken.statusCode} ${withToken.body})`);
          else assert.equal(withToken.statusCode, 403, `${label} ${role} is refused`);
          const withoutToken = await send(as(role, false));
          assert.equal(withoutToken.statusCode, 403, `${label} ${role} without a CSRF token`);
        }
      }
    });
  });
});

function merge(m: { payload: Buffer; headers: Record<string, string> }, headers: Record<string, string>) {
  return { payload: m.payload, headers: { ...m.headers, ...headers } };
}
