// Staff sign-in through a real browser against the real program: the login page in three languages passes
// axe-core's WCAG A/AA rules; a wrong password is refused with a clear message; signing in leads to /staff
// with the name and role; signing out ends the session.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const USER = { name: 'kato.e2e', role: 'editor', password: 'e2e password 金沢 2026' };

describeInBrowser('staff sign-in in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;

  before(async () => {
    app = await startApp({ users: [USER] });
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${app.url}${path}`);
    assert.equal(response?.status(), 200, `${path}: ${app.output().slice(-500)}`);
    return page;
  }

  for (const [locale, lang] of [['ja', 'ja'], ['en', 'en'], ['zh', 'zh-Hans']] as const) {
    it(`shows /${locale}/login with no serious axe violations (screenshot ${locale}-login.png)`, async () => {
      const page = await open(`/${locale}/login`);
      try {
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await page.locator('input[name="_csrf"]').count(), 1);
        await screenshot(page, `${locale}-login`);
        assert.deepEqual(await seriousAxeViolations(page), []);
      } finally {
        await page.close();
      }
    });
  }

  it('refuses a wrong password with a message, keeping the name and not signing in (screenshot ja-login-wrong.png)', async () => {
    const page = await open('/login');
    try {
      await page.getByLabel('アカウント名').fill(USER.name);
      await page.getByLabel('パスワード').fill('this is not it');
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByRole('alert').waitFor();
      assert.match(await page.getByRole('alert').innerText(), /アカウント名またはパスワードが正しくありません。/);
      assert.equal(await page.getByLabel('アカウント名').inputValue(), USER.name);
      assert.equal(await page.getByLabel('パスワード').inputValue(), '');
      assert.ok(!(await page.content()).includes('this is not it'));
      await screenshot(page, 'ja-login-wrong');
      assert.deepEqual(await seriousAxeViolations(page), []);
      const cookies = await context.cookies();
      assert.equal(cookies.find((c) => c.name === 'koryu_session'), undefined);
    } finally {
      await page.close();
    }
  });

  it('signs in, shows /en/staff with the name and role, signs out, and /staff then asks to sign in again', async () => {
    const page = await open('/en/login');
    try {
      await page.getByLabel('Account name').fill(USER.name);
      await page.getByLabel('Password').fill(USER.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${app.url}/en/staff`);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Staff pages');
      assert.match(await page.locator('main').innerText(), /Signed in as kato\.e2e\./);
      assert.equal(await page.locator('dd[data-role]').innerText(), 'Editor');
      const session = (await context.cookies()).find((c) => c.name === 'koryu_session');
      assert.ok(session, 'a session cookie');
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      await screenshot(page, 'en-staff');
      assert.deepEqual(await seriousAxeViolations(page), []);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${app.url}/en/login?signedOut=1`);
      assert.match(await page.getByRole('status').innerText(), /You have signed out\./);
      assert.equal((await context.cookies()).find((c) => c.name === 'koryu_session'), undefined);

      await page.goto(`${app.url}/en/staff`);
      assert.equal(page.url(), `${app.url}/en/login?next=%2Fen%2Fstaff`);
    } finally {
      await page.close();
    }
  });
});
