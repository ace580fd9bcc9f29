import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { HttpSession, loggedInAs } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { listAccounts } from '../../services/account.service.js';
import type { Store } from '../../storage/database.js';
import { buildApp } from '../app.js';

const form = (fields: Record<string, string>) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

/** The password a page shows once, after it was made. */
const issuedPassword = (body: string) => /<code class="password">([^<]+)<\/code>/.exec(body)?.[1];

describeOnEachStore('the staff pages for accounts', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let admin: { session: HttpSession; csrf: string };

  before(async () => {
    store = await openFresh();
    app = await buildApp({ store, home: '金沢市', auth: { limits: { windowMinutes: 15, perAccount: 1000, perAddress: 1000 } } });
    admin = await loggedInAs(store, app, 'chief', 'admin');
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('lets an administrator add an account, shows its password once, and the account signs in with it', async () => {
    const page = await admin.session.request({ method: 'GET', url: '/staff/accounts', headers: { accept: 'text/html', 'accept-language': 'ja' } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(page.body, /<th scope="row">chief （あなた）<\/th><td>管理者<\/td>/);
    const added = await admin.session.request({ method: 'POST', url: '/ja/staff/accounts', ...form({ _csrf: admin.csrf, name: 'ｔａｎａｋａ', role: 'editor' }) });
    assert.equal(added.statusCode, 200, added.body.slice(0, 300));
    assert.match(added.body, /tanaka を追加しました。/);
    assert.match(added.body, /<h2 id="issued-title">tanaka のパスワード<\/h2>/, 'the full-width name is stored in its NFKC form');
    const password = issuedPassword(added.body);
    assert.ok(password && password.length >= 12);
    assert.deepEqual((await listAccounts(store)).map((a) => [a.name, a.role]).sort(), [['chief', 'admin'], ['tanaka', 'editor']]);
    const again = await admin.session.request({ method: 'GET', url: '/ja/staff/accounts', headers: { accept: 'text/html' } });
    assert.equal(issuedPassword(again.body), undefined, 'shown once, not on the next visit');
    assert.equal((await new HttpSession(app).login('tanaka', password)).statusCode, 303);
  });

  it('refuses a bad name, an unknown role and a taken name, keeping the entries, in the page’s language', async () => {
    const before = await listAccounts(store);
    const bad = await admin.session.request({ method: 'POST', url: '/en/staff/accounts', ...form({ _csrf: admin.csrf, name: '.tanaka', role: 'editor' }) });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Nothing was added: Use 1–64 letters/, 'an account that was not added is said so, not as a change');
    assert.match(bad.body, /<input id="account-name" name="name"[^>]*value=".tanaka"/);
    const role = await admin.session.request({ method: 'POST', url: '/zh/staff/accounts', ...form({ _csrf: admin.csrf, name: 'sato', role: 'owner' }) });
    assert.equal(role.statusCode, 422);
    assert.match(role.body, /请选择权限/);
    const taken = await admin.session.request({ method: 'POST', url: '/ja/staff/accounts', ...form({ _csrf: admin.csrf, name: 'tanaka', role: 'viewer' }) });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /追加していません: その名前のアカウントはすでにあります/);
    // The creation time in Japan's time, said as such: 2026年11月28日 13:47 日本時間.
    assert.match(taken.body, /<time datetime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}<\/time> 日本時間/);
    assert.deepEqual(await listAccounts(store), before);
  });

  it('issues a new password that ends the account’s sessions; the old one no longer signs in', async () => {
    const viewer = await loggedInAs(store, app, 'suzuki', 'viewer');
    const issued = await admin.session.request({ method: 'POST', url: '/ja/staff/accounts/suzuki/password', ...form({ _csrf: admin.csrf }) });
    assert.equal(issued.statusCode, 200);
    assert.match(issued.body, /suzuki のパスワードを発行し直しました。/);
    const password = issuedPassword(issued.body)!;
    const staff = await viewer.session.request({ method: 'GET', url: '/staff', headers: { accept: 'text/html' } });
    assert.equal(staff.statusCode, 303, 'the old session ended');
    assert.equal((await new HttpSession(app).login('suzuki', 'suzuki-password-1234')).statusCode, 401, 'the old password is refused');
    assert.equal((await new HttpSession(app).login('suzuki', password)).statusCode, 303);
    const none = await admin.session.request({ method: 'POST', url: '/ja/staff/accounts/nobody/password', ...form({ _csrf: admin.csrf }) });
    assert.equal(none.statusCode, 404);
    assert.match(none.body, /そのアカウントはありません/);
  });

  it('removes another account, never the administrator’s own', async () => {
    await loggedInAs(store, app, 'gone', 'translator');
    const removed = await admin.session.request({ method: 'POST', url: '/ja/staff/accounts/gone/delete', ...form({ _csrf: admin.csrf }) });
    assert.equal(removed.statusCode, 200);
    assert.match(removed.body, /gone を削除しました。/);
    assert.ok(!(await listAccounts(store)).some((a) => a.name === 'gone'));
    const self = await admin.session.request({ method: 'POST', url: '/ja/staff/accounts/chief/delete', ...form({ _csrf: admin.csrf }) });
    assert.equal(self.statusCode, 422);
    assert.match(self.body, /自分のアカウントは削除できません/);
    assert.ok((await listAccounts(store)).some((a) => a.name === 'chief'));
  });

  it('links the accounts page for administrators only, and the own-password page for everyone', async () => {
    const editor = await loggedInAs(store, app, 'yamada', 'editor');
    const theirs = (await editor.session.request({ method: 'GET', url: '/ja/staff', headers: { accept: 'text/html' } })).body;
    assert.match(theirs, /href="\/ja\/staff\/password"/);
    assert.doesNotMatch(theirs, /href="\/ja\/staff\/accounts"/);
    const mine = (await admin.session.request({ method: 'GET', url: '/ja/staff', headers: { accept: 'text/html' } })).body;
    assert.match(mine, /href="\/ja\/staff\/accounts">アカウントの管理<\/a>/);
    assert.equal((await editor.session.request({ method: 'GET', url: '/ja/staff/accounts', headers: { accept: 'text/html' } })).statusCode, 403);
  });

  it('changes one’s own password given the current one, then asks to sign in again with it', async () => {
    const own = await loggedInAs(store, app, 'kato', 'translator');
    const send = (fields: Record<string, string>) => own.session.request({ method: 'POST', url: '/ja/staff/password', ...form({ _csrf: own.csrf, ...fields }) });
    const wrong = await send({ current: 'not-my-password', password: 'a-new-password-5678', again: 'a-new-password-5678' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /今のパスワードが正しくありません/);
    const short = await send({ current: 'kato-password-1234', password: 'short', again: 'short' });
    assert.match(short.body, /新しいパスワードは12字以上にしてください/);
    const differ = await send({ current: 'kato-password-1234', password: 'a-new-password-5678', again: 'a-new-password-5679' });
    assert.match(differ.body, /2回とも同じになっていません/);
    assert.equal((await new HttpSession(app).login('kato', 'kato-password-1234')).statusCode, 303, 'unchanged so far');
    const done = await send({ current: 'kato-password-1234', password: 'a-new-password-5678', again: 'a-new-password-5678' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/ja/login?passwordChanged=1');
    const login = await own.session.request({ method: 'GET', url: done.headers.location, headers: { accept: 'text/html' } });
    assert.match(login.body, /パスワードを変更しました。新しいパスワードでログインしてください。/);
    assert.equal((await own.session.request({ method: 'GET', url: '/ja/staff', headers: { accept: 'text/html' } })).statusCode, 303, 'signed out');
    assert.equal((await new HttpSession(app).login('kato', 'kato-password-1234')).statusCode, 401, 'the old password is refused');
    assert.equal((await new HttpSession(app).login('kato', 'a-new-password-5678')).statusCode, 303);
  });
});
