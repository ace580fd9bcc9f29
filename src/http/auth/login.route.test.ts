import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { HttpSession } from '../../../test/support/http-session.js';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { addAccount } from '../../services/account.service.js';
import type { Store } from '../../storage/database.js';
import { buildApp } from '../app.js';

const PASSWORD = 'ginkgo leaves in autumn';
const FAST = { scrypt: { N: 1024, r: 8, p: 1 } };
const form = { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };

describeOnEachStore('login, staff home and logout', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openFresh();
    await addAccount(store, { name: 'tanaka', role: 'editor', password: PASSWORD }, FAST);
    await addAccount(store, { name: 'wang', role: 'translator', password: PASSWORD }, FAST);
    app = await buildApp({ store, home: '金沢市', trustProxy: '127.0.0.1', auth: { limits: { windowMinutes: 15, perAccount: 3, perAddress: 50 } } });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('serves the login form in ja, en and zh with a CSRF field, a HttpOnly SameSite=Lax CSRF cookie, and no caching', async () => {
    for (const [path, lang, label] of [['/login', 'ja', 'アカウント名'], ['/en/login', 'en', 'Account name'], ['/zh/login', 'zh-Hans', '账户名']] as const) {
      const res = await app.inject({ url: path, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 200, path);
      assert.match(res.body, new RegExp(`<html lang="${lang}">`));
      assert.match(res.body, new RegExp(`<label for="login-name">${label}</label>`));
      assert.match(res.body, new RegExp(`<form class="staff-form" action="${path}" method="post"><input type="hidden" name="_csrf" value="[^"]{20,}"/>`));
      assert.equal(res.headers['cache-control'], 'no-store');
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /^_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Lax$/);
    }
  });

  it('refuses a sign-in without a CSRF token, or with a wrong one, and opens no session', async () => {
    const browser = new HttpSession(app);
    const token = await browser.csrfToken();
    const bodies = [
      new URLSearchParams({ name: 'tanaka', password: PASSWORD }),
      new URLSearchParams({ name: 'tanaka', password: PASSWORD, _csrf: `${token.slice(0, -2)}xx` }),
    ];
    for (const body of bodies) {
      const res = await browser.request({ method: 'POST', url: '/login', headers: form, payload: body.toString() });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /<h1>送信を受け付けられませんでした<\/h1>/, 'a browser sees a page in its language');
      assert.equal(browser.cookies.has('koryu_session'), false);
    }
    assert.equal((await store.db.selectFrom('sessions').selectAll().execute()).length, 0);
    const en = await browser.request({ method: 'POST', url: '/en/login', headers: form, payload: 'name=tanaka' });
    assert.match(en.body, /<html lang="en">[\s\S]*<h1>The form could not be accepted<\/h1>[\s\S]*Nothing was saved\./);
    const api = await browser.request({ method: 'POST', url: '/login', headers: { accept: 'application/json' }, payload: {} });
    assert.equal(JSON.parse(api.body).error, 'CsrfRejected');
  });

  it('says clearly, in the page language, that the name or password is wrong; keeps the name, never echoes the password', async () => {
    const browser = new HttpSession(app);
    const res = await browser.login('tanaka', 'not the password 123', '/en');
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /role="alert"[^>]*>.*The account name or the password is not correct\./s);
    assert.match(res.body, /name="name"[^>]*value="tanaka"/);
    assert.ok(!res.body.includes('not the password 123'));
    assert.equal(browser.cookies.has('koryu_session'), false);
    const zh = await new HttpSession(app).login('', '', '/zh');
    assert.equal(zh.statusCode, 400);
    assert.match(zh.body, /请输入账户名和密码。/);
  });

  it('signs in, keeping the language: a HttpOnly SameSite=Lax session cookie, then /en/staff showing the name and role', async () => {
    const browser = new HttpSession(app);
    const res = await browser.login('tanaka', PASSWORD, '/en');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/staff');
    const sessionCookie = (res.headers['set-cookie'] as string[]).find((c) => c.startsWith('koryu_session='));
    assert.match(sessionCookie ?? '', /^koryu_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const staff = await browser.request({ url: '/en/staff', headers: { accept: 'text/html' } });
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, /Signed in as tanaka\./);
    assert.match(staff.body, /<dd data-role="editor">Editor<\/dd>/);
    assert.match(staff.body, /<form class="logout-form" action="\/en\/logout" method="post"><input type="hidden" name="_csrf"/);
    assert.equal(staff.headers['cache-control'], 'no-store');
    const ja = await browser.request({ url: '/staff', headers: { accept: 'text/html' } });
    assert.match(ja.body, /<dd data-role="editor">編集者<\/dd>/);
  });

  it('marks the cookies Secure when the request came over HTTPS through the trusted proxy', async () => {
    const res = await app.inject({ url: '/login', headers: { accept: 'text/html', 'x-forwarded-proto': 'https' } });
    assert.match(String(res.headers['set-cookie']), /; Secure/);
    const plain = await app.inject({ url: '/login', headers: { accept: 'text/html' } });
    assert.doesNotMatch(String(plain.headers['set-cookie']), /Secure/);
  });

  it('gives a new session id on every sign-in and ends the one the browser had', async () => {
    const browser = new HttpSession(app);
    await browser.login('wang', PASSWORD);
    const first = browser.cookies.get('koryu_session');
    await browser.login('wang', PASSWORD);
    const second = browser.cookies.get('koryu_session');
    assert.ok(first && second);
    assert.notEqual(first, second);
    const old = await app.inject({ url: '/staff', headers: { accept: 'application/json', cookie: `koryu_session=${first}` } });
    assert.equal(old.statusCode, 401);
  });

  it('sends anonymous page requests to the login page with where they were going, and answers 401 to JSON calls', async () => {
    const page = await app.inject({ url: '/zh/staff', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/zh/login?next=%2Fzh%2Fstaff');
    const json = await app.inject({ url: '/staff', headers: { accept: 'application/json' } });
    assert.equal(json.statusCode, 401);
    assert.deepEqual(JSON.parse(json.body), { error: 'NotAuthenticated', message: 'Sign in first.' });
  });

  it('returns to `next` after sign-in, but only within the site', async () => {
    const cases: [string, string][] = [['/zh/staff', '/zh/staff'], ['//evil.example/', '/staff'], ['https://evil.example/', '/staff'], ['/\\evil.example', '/staff']];
    for (const [next, location] of cases) {
      const browser = new HttpSession(app);
      const token = await browser.csrfToken(`/login?next=${encodeURIComponent(next)}`);
      const res = await browser.request({
        method: 'POST',
        url: '/login',
        headers: form,
        payload: new URLSearchParams({ _csrf: token, name: 'wang', password: PASSWORD, next }).toString(),
      });
      assert.equal(res.headers.location, location, next);
    }
  });

  it('logs out: the session is deleted, the cookie cleared, and the login page says so', async () => {
    const browser = new HttpSession(app);
    await browser.login('tanaka', PASSWORD, '/zh');
    const token = browser.cookies.get('koryu_session');
    const csrf = await browser.csrfToken('/zh/staff');
    const res = await browser.request({ method: 'POST', url: '/zh/logout', headers: form, payload: `_csrf=${encodeURIComponent(csrf)}` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/zh/login?signedOut=1');
    assert.equal(browser.cookies.has('koryu_session'), false);
    const after = await app.inject({ url: '/staff', headers: { accept: 'application/json', cookie: `koryu_session=${token}` } });
    assert.equal(after.statusCode, 401, 'the old cookie no longer opens anything');
    const login = await browser.request({ url: '/zh/login?signedOut=1', headers: { accept: 'text/html' } });
    assert.match(login.body, /您已退出登录。/);
  });

  it('refuses a logout without a CSRF token, keeping the session', async () => {
    const browser = new HttpSession(app);
    await browser.login('wang', PASSWORD);
    const res = await browser.request({ method: 'POST', url: '/logout', headers: form, payload: '' });
    assert.equal(res.statusCode, 403);
    assert.equal((await browser.request({ url: '/staff', headers: { accept: 'text/html' } })).statusCode, 200);
  });

  it('after repeated failures for an account, refuses with 429, Retry-After and a clear message, even with the right password', async () => {
    const browser = new HttpSession(app);
    for (let i = 0; i < 2; i++) assert.equal((await browser.login('wang', 'wrong wrong wrong')).statusCode, 401);
    const third = await browser.login('wang', 'wrong wrong wrong', '/en');
    assert.equal(third.statusCode, 429);
    assert.equal(third.headers['retry-after'], '900');
    assert.match(third.body, /Too many failed sign-ins: sign-in is paused for now\. Try again in about 15 minutes\./);
    const right = await browser.login('wang', PASSWORD);
    assert.equal(right.statusCode, 429);
    assert.match(right.body, /ログインの失敗が続いたため/);
    assert.equal(browser.cookies.has('koryu_session'), false);
  });
});
