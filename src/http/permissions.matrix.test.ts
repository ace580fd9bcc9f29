import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { HttpSession } from '../../test/support/http-session.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { ROLES } from '../domain/account.js';
import { addAccount } from '../services/account.service.js';
import type { Store } from '../storage/database.js';
import { buildApp } from './app.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { photoFilesIn } from '../storage/photo.files.js';

/** Photos uploaded by the matrix's requests (none are valid images, so nothing is written). */
const photoDir = mkdtempSync(join(tmpdir(), 'koryu-matrix-'));
import { PERMISSION_MATRIX, PRINCIPALS, type PermissionRow, type Principal } from './permissions.matrix.js';

const PASSWORD = 'matrix password 2026';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOCALE_PREFIXES = ['', '/ja', '/en', '/zh'];

/** Every (method, route) a row stands for. */
function expand(row: PermissionRow): { method: string; route: string; path: string }[] {
  return (row.localized ? LOCALE_PREFIXES : ['']).map((prefix) => ({
    method: row.method,
    route: `${prefix}${row.route}`,
    path: `${prefix}${row.path ?? row.route}`,
  }));
}

/** The guard's answers: 401 NotAuthenticated, 403 NotAuthorized (JSON, since the matrix calls as an API client would). */
function denied(status: number, body: string): boolean {
  return (status === 401 && body.includes('NotAuthenticated')) || (status === 403 && body.includes('NotAuthorized'));
}

describeOnEachStore('the permission matrix', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const routes: { method: string; route: string }[] = [];

  before(async () => {
    store = await openFresh();
    for (const role of ROLES) await addAccount(store, { name: `m-${role}`, role, password: PASSWORD }, { scrypt: { N: 1024, r: 8, p: 1 } });
    app = await buildApp({
      store,
      home: '金沢市',
      auth: { limits: { windowMinutes: 15, perAccount: 1000, perAddress: 1000 } },
      editing: { photos: photoFilesIn(photoDir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 },
      onRoute: (r) => {
        for (const method of [r.method].flat()) routes.push({ method, route: r.url });
      },
    });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  /** A browser of this principal, signed in unless anonymous, with a CSRF token for its requests. */
  async function client(principal: Principal): Promise<{ session: HttpSession; csrf: string }> {
    const session = new HttpSession(app);
    if (principal !== 'anonymous') {
      const res = await session.login(`m-${principal}`, PASSWORD);
      assert.equal(res.statusCode, 303, `signing in as m-${principal}`);
    }
    return { session, csrf: await session.csrfToken('/login') };
  }

  function send(session: HttpSession, target: { method: string; path: string }, row: PermissionRow, csrf: string | undefined) {
    return session.request({
      method: target.method as 'POST',
      url: target.path,
      headers: { accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(target.method === 'GET' ? {} : { payload: (row.payload ?? {}) as object }),
    });
  }

  it('lists every state-changing route of the app, and no route the app does not have', () => {
    const listed = new Set(PERMISSION_MATRIX.flatMap(expand).map((r) => `${r.method} ${r.route}`));
    const unsafe = routes.filter((r) => UNSAFE.has(r.method)).map((r) => `${r.method} ${r.route}`);
    assert.ok(unsafe.length > 0, 'the app has state-changing routes (login, logout at least)');
    const missing = unsafe.filter((r) => !listed.has(r));
    assert.deepEqual(missing, [], 'add a row to src/http/permissions.matrix.ts for each of these routes');
    const registered = new Set(routes.map((r) => `${r.method} ${r.route}`));
    assert.deepEqual([...listed].filter((r) => !registered.has(r)), [], 'rows for routes that do not exist');
  });

  for (const row of PERMISSION_MATRIX) {
    for (const principal of PRINCIPALS) {
      const expected = row.allow.includes(principal) ? 'allowed' : 'denied';
      it(`${row.method} ${row.route}${row.localized ? ' (and /ja /en /zh)' : ''}: ${principal} is ${expected}`, async () => {
        for (const target of expand(row)) {
          const { session, csrf } = await client(principal);
          const res = await send(session, target, row, csrf);
          const outcome = denied(res.statusCode, res.body) ? 'denied' : 'allowed';
          assert.equal(outcome, expected, `${target.method} ${target.path} as ${principal}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (expected === 'denied') assert.equal(res.statusCode, principal === 'anonymous' ? 401 : 403);
        }
      });
    }
  }

  for (const row of PERMISSION_MATRIX.filter((r) => UNSAFE.has(r.method))) {
    it(`${row.method} ${row.route}: refused with 403 CsrfRejected without a CSRF token, for admin and anonymous`, async () => {
      for (const principal of ['admin', 'anonymous'] as const) {
        for (const target of expand(row)) {
          const { session } = await client(principal);
          const res = await send(session, target, row, undefined);
          assert.equal(res.statusCode, 403, `${target.method} ${target.path} as ${principal}`);
          assert.equal(JSON.parse(res.body).error, 'CsrfRejected');
          const forged = await send(session, target, row, 'forged-token');
          assert.equal(JSON.parse(forged.body).error, 'CsrfRejected', 'a made-up token is no token');
        }
      }
    });
  }
});
