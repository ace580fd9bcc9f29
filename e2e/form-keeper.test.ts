// A staff member's typing survives a session that ended while the form was open (public/form-keeper.js): the form
// is refused and the sign-in page says so; after signing in again the form offers the typed text back, and saving
// it then stores it. A form that reached the server offers nothing; an offer can be discarded.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const EDITOR = { name: 'suzuki.e2e', role: 'editor', password: 'e2e form keeper password 2026' };
const TYPED = '大連市少年サッカー団が来訪し、市内の中学校と親善試合を行った';

describeInBrowser('typed text kept across an ended session', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let partnershipPath = '';

  before(async () => {
    app = await startApp({ users: [EDITOR] });
    partnershipPath = `/staff/partnerships/${app.partnershipId('大連市')}`;
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  async function signIn(page: Page): Promise<void> {
    await page.getByLabel('アカウント名').fill(EDITOR.name);
    await page.getByLabel('パスワード').fill(EDITOR.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
  }

  async function firstEventPath(page: Page): Promise<string> {
    await page.goto(`${app.url}${partnershipPath}`);
    const link = page.locator('a[href^="/staff/events/"]').first();
    return (await link.getAttribute('href'))!;
  }

  it('offers the typed text back after signing in again, and saves it (screenshot ja-staff-unsaved-offer.png)', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/login`);
    await signIn(page);
    await page.waitForURL(`${app.url}/staff`);
    const eventPath = await firstEventPath(page);
    await page.goto(`${app.url}${eventPath}`);
    const before = await page.getByLabel('内容（日本語）').inputValue();
    await page.getByLabel('内容（日本語）').fill(TYPED);

    app.endSessions();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/login\?.*unsaved=1/);
    assert.match(await page.locator('main').innerText(), /入力した内容はこのタブに残っている/);

    await signIn(page);
    await page.waitForURL(`${app.url}${eventPath}`);
    assert.equal(await page.getByLabel('内容（日本語）').inputValue(), before, 'the form shows what is stored');
    const offer = page.locator('form .unsaved-note[role="status"]');
    await offer.waitFor();
    assert.match(await offer.innerText(), /保存されなかった入力が、このタブに残っています/);
    await screenshot(page, 'ja-staff-unsaved-offer');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await offer.getByRole('button', { name: '入力を戻す' }).click();
    assert.equal(await page.getByLabel('内容（日本語）').inputValue(), TYPED);
    assert.match(await offer.innerText(), /入力を戻しました/);

    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=saved/);
    assert.equal(await page.getByLabel('内容（日本語）').inputValue(), TYPED, 'the text put back was saved');
    assert.equal(await page.getByRole('button', { name: '入力を戻す' }).count(), 0, 'nothing is offered after the save');
    await page.close();
  });

  it('offers nothing after a form that reached the server, and drops an offer that is discarded', async () => {
    const page = await context.newPage();
    const eventPath = await firstEventPath(page);
    await page.goto(`${app.url}${eventPath}`);
    await page.getByLabel('内容（日本語）').fill(`${TYPED}。`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=saved/);
    await page.goto(`${app.url}${eventPath}`);
    assert.equal(await page.getByRole('button', { name: '入力を戻す' }).count(), 0, 'a saved form is not offered back');

    // The form to add an exchange, sent after the session ended, then its offer discarded.
    await page.goto(`${app.url}${partnershipPath}`);
    const add = page.getByRole('form', { name: '交流を追加' });
    await add.getByLabel('内容（日本語）').fill('市民訪問団を派遣');
    app.endSessions();
    await add.getByRole('button', { name: '追加' }).click();
    await page.waitForURL(/\/login\?.*unsaved=1/);
    await signIn(page);
    await page.waitForURL(`${app.url}${partnershipPath}`);
    const offer = page.getByRole('form', { name: '交流を追加' }).getByRole('status');
    await offer.waitFor();
    await offer.getByRole('button', { name: '破棄する' }).click();
    assert.equal(await page.getByRole('button', { name: '入力を戻す' }).count(), 0);
    await page.reload();
    assert.equal(await page.getByRole('button', { name: '入力を戻す' }).count(), 0, 'a discarded offer does not come back');
    assert.equal(await page.getByRole('form', { name: '交流を追加' }).getByLabel('内容（日本語）').inputValue(), '');
    await page.close();
  });
});
