import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { createItem } from '../../services/editing.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import { buildApp } from '../app.js';

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...headers },
  payload: new URLSearchParams(fields).toString(),
});

/** An editor whose session ends while an event's form is open: the sign-in page says so and leads back to the form. */
describe('a staff session that expires with a form open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-session-expiry-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let eventId: number;
  const actor = { name: 'setup' };
  const expireSessions = () => store.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    const partnershipId = (await createItem(store, 'partnership', { home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], status: 'published' }, actor)).id;
    eventId = (await createItem(store, 'event', { partnershipId, year: 2019, date: null, direction: 'dispatch', text: '青少年交流団を派遣', translations: {}, status: 'published' }, actor)).id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [prefix, said] of [
    ['/ja', 'ログインの有効期限が切れたため、保存していません'],
    ['/en', 'Your session has expired, so nothing was saved'],
    ['/zh', '登录已过期，因此未保存'],
  ] as const) {
    it(`sends a save made after expiry (${prefix}) to the sign-in page, which says so, then back to the form`, async () => {
      editor = await loggedInAs(store, app, `editor${prefix.slice(1)}`, 'editor');
      const formPage = `${prefix}/staff/events/${eventId}`;
      const page = await editor.session.request({ method: 'GET', url: formPage, headers: { accept: 'text/html' } });
      assert.equal(page.statusCode, 200);
      await expireSessions();
      const save = await editor.session.request({
        method: 'POST',
        url: formPage,
        ...form({ _csrf: editor.csrf, version: '1', year: '2019', direction: 'dispatch', text: '青少年交流団を派遣（書き直し）', status: 'published' }, { referer: `http://localhost${formPage}` }),
      });
      assert.equal(save.statusCode, 303);
      const location = new URL(String(save.headers.location), 'http://localhost');
      assert.equal(location.pathname, `${prefix}/login`);
      assert.equal(location.searchParams.get('next'), formPage);
      assert.equal(location.searchParams.get('expired'), '1');
      assert.ok(!editor.session.cookies.has('koryu_session'), 'the dead session cookie is cleared');
      const login = await editor.session.request({ method: 'GET', url: `${location.pathname}${location.search}`, headers: { accept: 'text/html' } });
      assert.ok(login.body.includes(said), login.body.slice(0, 2000));
      assert.match(login.body, new RegExp(`<input type="hidden" name="next" value="${formPage}"/>`));
      const token = /name="_csrf" value="([^"]+)"/.exec(login.body)![1]!;
      const signedIn = await editor.session.request({ method: 'POST', url: `${prefix}/login`, ...form({ _csrf: token, name: `editor${prefix.slice(1)}`, password: `editor${prefix.slice(1)}-password-1234`, next: formPage }) });
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, formPage, 'back to the form');
    });
  }

  it('leads back only to a page of this site: a foreign or scheme-relative Referer gives no next', async () => {
    const fresh = await loggedInAs(store, app, 'editor-x', 'editor');
    await expireSessions();
    for (const referer of ['https://evil.example/staff/events/1', 'http://localhost//evil.example/x', 'javascript:alert(1)']) {
      const save = await fresh.session.request({ method: 'POST', url: `/ja/staff/events/${eventId}`, ...form({ _csrf: fresh.csrf, version: '1' }, { referer }) });
      assert.equal(save.statusCode, 303, referer);
      const location = new URL(String(save.headers.location), 'http://localhost');
      assert.equal(location.pathname, '/ja/login');
      assert.equal(location.searchParams.get('next'), null, referer);
    }
  });

  it('says nothing of expiry to a visitor who never signed in', async () => {
    const res = await app.inject({ url: '/ja/staff', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 303);
    assert.doesNotMatch(String(res.headers.location), /expired/);
  });
});
