// The staff pages in a browser for what a role may not change and for the order of a year's exchanges: a viewer's
// form is drawn disabled and says why; an editor moves an undated exchange up within its year, the public page
// following the new order.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const EDITOR = { name: 'order.e2e', role: 'editor', password: 'e2e order password 2026' };
const VIEWER = { name: 'viewer.e2e', role: 'viewer', password: 'e2e viewer password 2026' };
/** The sample's two exchanges of 2007 sent (派遣), both undated, in the document's order. */
const FIRST = '山出市長が2007中国大連・日本地方サミットで講演';
const SECOND = '大連ジャパンウィークにて「金沢の日」を開催';

describeInBrowser('ordering exchanges and read-only forms in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let dalian: number;

  before(async () => {
    app = await startApp({ users: [EDITOR, VIEWER] });
    dalian = app.partnershipId('大連市');
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  async function signIn(user: { name: string; password: string }): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    await page.goto(`${app.url}/ja/login`);
    await page.getByLabel('アカウント名').fill(user.name);
    await page.getByLabel('パスワード').fill(user.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${app.url}/ja/staff`);
    return page;
  }

  it('moves an undated exchange up within its year; the staff and public pages list it first (screenshot ja-staff-order.png)', async () => {
    const page = await signIn(EDITOR);
    await page.goto(`${app.url}/ja/staff/partnerships/${dalian}`);
    const rows = page.locator('tbody tr td:nth-child(3)');
    const order = async () => (await rows.allInnerTexts()).map((t) => t.trim());
    const before = await order();
    assert.ok(before.indexOf(FIRST) >= 0 && before.indexOf(FIRST) + 1 === before.indexOf(SECOND), `the sample lists ${FIRST} just before ${SECOND}`);
    await page.getByRole('button', { name: `「${SECOND}」を同じ年の中で上へ移す` }).click();
    await page.waitForURL(/\?done=saved#order-\d+$/);
    assert.match(await page.getByRole('status').innerText(), /保存しました/);
    const after = await order();
    assert.equal(after.indexOf(SECOND) + 1, after.indexOf(FIRST), 'the two changed places');
    await screenshot(page, 'ja-staff-order');
    assert.deepEqual(await seriousAxeViolations(page), []);
    const timeline = await (await page.request.get(`${app.url}/ja/partnerships/${dalian}`)).text();
    assert.ok(timeline.indexOf(SECOND) < timeline.indexOf(FIRST), 'the public timeline follows the new order');
    await page.close();
  });

  it('draws a viewer’s form disabled, grey and dashed, and says why (screenshot ja-staff-viewer.png)', async () => {
    const page = await signIn(VIEWER);
    await page.goto(`${app.url}/ja/staff/partnerships/${dalian}`);
    await page.locator('tbody tr td:nth-child(3) a').first().click();
    await page.waitForURL(/\/ja\/staff\/events\/\d+$/);
    assert.match(await page.locator('p.read-only').innerText(), /閲覧者の権限のため、内容を見ることだけができます/);
    for (const label of ['年', '日付', '内容（日本語）', '内容（英語）', '内容（中国語）']) {
      const box = page.getByLabel(label, { exact: true });
      assert.equal(await box.isDisabled(), true, `${label} is disabled`);
      const style = await box.evaluate((el) => {
        const s = getComputedStyle(el);
        return { background: s.backgroundColor, border: s.borderTopStyle };
      });
      assert.deepEqual(style, { background: 'rgb(236, 238, 241)', border: 'dashed' }, `${label} looks disabled`);
    }
    await screenshot(page, 'ja-staff-viewer');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();
  });
});
