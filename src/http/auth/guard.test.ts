import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { HttpSession } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { ROLES, type Role } from '../../domain/account.js';
import { addAccount } from '../../services/account.service.js';
import type { Store } from '../../storage/database.js';
import { buildApp } from '../app.js';
import { requirePermission } from './guard.js';

const PASSWORD = 'guard password 2026';

describeOnEachStore('requirePermission (the route guard)', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const sessions = new Map<Role, HttpSession>();
  before(async () => {
    store = await openFresh();
    app = await buildApp({ store, home: '金沢市' });
    // A route like the editing ones: only editors and admins; it echoes who got through.
    app.post('/test/edit', { preHandler: requirePermission('record:edit') }, async (request) => ({ by: request.user?.name }));
    app.get('/test/translate', { preHandler: requirePermission('translation:edit') }, async (request) => ({ by: request.user?.name }));
    for (const role of ROLES) {
      await addAccount(store, { name: `g-${role}`, role, password: PASSWORD }, { scrypt: { N: 1024, r: 8, p: 1 } });
      const session = new HttpSession(app);
      assert.equal((await session.login(`g-${role}`, PASSWORD)).statusCode, 303);
      sessions.set(role, session);
    }
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('lets editors and admins through with request.user set, and answers 403 NotAuthorized to the others', async () => {
    for (const role of ROLES) {
      const session = sessions.get(role)!;
      const csrf = await session.csrfToken('/staff');
      const res = await session.request({ method: 'POST', url: '/test/edit', headers: { accept: 'application/json', 'x-csrf-token': csrf }, payload: {} });
      if (role === 'editor' || role === 'admin') {
        assert.equal(res.statusCode, 200, role);
        assert.deepEqual(JSON.parse(res.body), { by: `g-${role}` });
      } else {
        assert.equal(res.statusCode, 403, role);
        assert.deepEqual(JSON.parse(res.body), { error: 'NotAuthorized', message: `The ${role} role may not do this (record:edit).` });
      }
    }
  });

  it('lets translators through to translation routes but not viewers', async () => {
    const translator = await sessions.get('translator')!.request({ url: '/test/translate', headers: { accept: 'application/json' } });
    assert.equal(translator.statusCode, 200);
    const viewer = await sessions.get('viewer')!.request({ url: '/test/translate', headers: { accept: 'text/html' } });
    assert.equal(viewer.statusCode, 403);
    assert.match(viewer.body, /<h1>この操作を行う権限がありません<\/h1>/, 'a browser sees a page saying so');
  });

  it('answers 401 to an anonymous JSON call and redirects an anonymous page request to the login page', async () => {
    const json = await app.inject({ method: 'POST', url: '/test/edit', headers: { accept: 'application/json' }, payload: {} });
    assert.equal(json.statusCode, 403, 'no CSRF token: refused before the guard');
    const anonymous = new HttpSession(app);
    const token = await anonymous.csrfToken();
    const res = await anonymous.request({ method: 'POST', url: '/test/edit', headers: { accept: 'application/json', 'x-csrf-token': token }, payload: {} });
    assert.equal(res.statusCode, 401);
    assert.equal(JSON.parse(res.body).error, 'NotAuthenticated');
    const page = await app.inject({ url: '/en/test/translate', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 404, 'only registered paths');
    const redirect = await app.inject({ url: '/test/translate?x=1', headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'en' } });
    assert.equal(redirect.statusCode, 303);
    assert.equal(redirect.headers.location, '/en/login?next=%2Ftest%2Ftranslate%3Fx%3D1');
  });

  it('ignores a forged or expired session cookie', async () => {
    for (const cookie of ['koryu_session=' + 'A'.repeat(43), 'koryu_session=garbage', 'koryu_session=']) {
      const res = await app.inject({ url: '/test/translate', headers: { accept: 'application/json', cookie } });
      assert.equal(res.statusCode, 401, cookie);
    }
  });
});
