// Accounts in a real browser against the real program: an administrator adds an account on the accounts page and
// reads its password once; the new account signs in with it and changes it on its own password page.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const ADMIN = { name: 'chief.e2e', role: 'admin', password: 'e2e admin password 2026' };

describeInBrowser('accounts in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;

  before(async () => {
    app = await startApp({ users: [ADMIN] });
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  async function signIn(name: string, password: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${app.url}/ja/login`);
    await page.getByLabel('アカウント名').fill(name);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${app.url}/ja/staff`);
    return page;
  }

  it('an administrator adds an account and reads its password once (screenshot ja-staff-accounts.png)', async () => {
    const page = await signIn(ADMIN.name, ADMIN.password);
    await page.getByRole('link', { name: 'アカウントの管理' }).click();
    await page.waitForURL(`${app.url}/ja/staff/accounts`);
    assert.deepEqual(await seriousAxeViolations(page), []);
    const form = page.getByRole('form', { name: 'アカウントを追加' });
    await form.getByLabel('アカウント名').fill('sato.e2e');
    await form.getByLabel('権限').selectOption('translator');
    await form.getByRole('button', { name: '追加' }).click();
    await page.getByRole('heading', { name: 'sato.e2e のパスワード' }).waitFor();
    await screenshot(page, 'ja-staff-accounts');
    assert.deepEqual(await seriousAxeViolations(page), []);
    const password = await page.locator('code.password').innerText();
    assert.ok(password.length >= 12);
    await page.close();

    // A new browser for the new account: it signs in, then changes its password.
    await context.clearCookies();
    const own = await signIn('sato.e2e', password);
    await own.getByRole('link', { name: 'パスワードの変更' }).click();
    await own.waitForURL(`${app.url}/ja/staff/password`);
    assert.deepEqual(await seriousAxeViolations(own), []);
    await own.getByLabel('今のパスワード').fill(password);
    await own.getByLabel('新しいパスワード（12字以上）').fill('sato e2e password 2026');
    await own.getByLabel('新しいパスワード（確認）').fill('sato e2e password 2026');
    await own.getByRole('button', { name: '変更する' }).click();
    await own.waitForURL(`${app.url}/ja/login?passwordChanged=1`);
    assert.match(await own.getByRole('status').innerText(), /パスワードを変更しました/);
    await own.close();
    await signIn('sato.e2e', 'sato e2e password 2026');
  });
});
