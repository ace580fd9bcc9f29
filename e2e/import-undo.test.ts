// Undoing an import (取り消し) through a real browser against the real program, in Japanese: an editor imports a
// corrected document on the web, opens the partnership's import log, presses 取り消す on that import, reads on the
// confirmation page what will be removed and put back, confirms, and finds the partnership as it was before.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { SAMPLE, startApp, type RunningApp } from './support/server.js';

const EDITOR = { name: 'yamada.e2e', role: 'editor', password: 'e2e undo password 2026' };
const ADDED = '市長がオンラインで新年のあいさつ';
const REMOVED = '金沢マラソン参加団が来訪';

describeInBrowser('undoing an import in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let dalian: number;
  const dir = mkdtempSync(join(tmpdir(), 'koryu-e2e-undo-'));

  before(async () => {
    app = await startApp({ users: [EDITOR] });
    dalian = app.partnershipId('大連市');
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a wrong version, undoes it from the import log after its confirmation page, and the partnership is as before (screenshot ja-staff-import-undo.png)', async () => {
    const page = await context.newPage();
    await page.goto(`${app.url}/ja/login`);
    await page.getByLabel('アカウント名').fill(EDITOR.name);
    await page.getByLabel('パスワード').fill(EDITOR.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${app.url}/ja/staff`);

    const doc = join(dir, 'kanazawa-dalian-wrong.txt');
    writeFileSync(doc, readFileSync(SAMPLE, 'utf8').replace(' 金沢マラソン参加団が来訪\n2016', '\n2016').replace('2021年 (令和3年)\t—\t—', `2021年 (令和3年)\t派遣\t${ADDED}`));
    await page.goto(`${app.url}/ja/staff/import`);
    await page.getByLabel('文書', { exact: true }).setInputFiles(doc);
    await page.getByRole('button', { name: '内容を確認' }).click();
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByRole('status').waitFor();

    // The partnership's import log: only the web import, the newest, can be undone.
    await page.goto(`${app.url}/ja/staff/imports?partnership=${dalian}`);
    const undo = page.getByRole('button', { name: /^取り込み #\d+ を取り消す$/ });
    assert.equal(await undo.count(), 1);
    await undo.click();
    await page.getByRole('heading', { level: 1, name: /^取り込み #\d+ の取り消し$/ }).waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /削除されるもの（取り込みで追加された項目）: 交流 1件、写真の記録 0件/);
    assert.match(main, new RegExp(`2021 ${ADDED}`));
    assert.match(main, /元の位置に復元されるもの（取り込みで削除された項目）: 交流 1件、写真の記録 0件/);
    assert.match(main, new RegExp(`2015 ${REMOVED}`));
    await screenshot(page, 'ja-staff-import-undo');
    assert.deepEqual(await seriousAxeViolations(page), []);

    await page.getByRole('button', { name: 'この取り込みを取り消す' }).click();
    await page.waitForURL(new RegExp(`/ja/staff/imports\\?partnership=${dalian}&undone=\\d+$`));
    assert.match(await page.getByRole('status').innerText(), /^取り込み #\d+ を取り消しました（取り込みの記録 #\d+）。$/);
    assert.match(await page.locator('table.import-log').innerText(), /取り消し済み（#\d+）/);
    assert.equal(await page.getByRole('button', { name: /を取り消す$/ }).count(), 0, 'neither the undone import nor the undo can be undone');

    // The public timeline has the removed exchange back and the added one gone.
    await page.goto(`${app.url}/ja/partnerships/${dalian}`);
    const timeline = await page.locator('main').innerText();
    assert.ok(!timeline.includes(ADDED));
    assert.equal(timeline.split(REMOVED).length - 1, 2, 'both years of the marathon team again (2015 and 2016)');
    await page.close();
  });
});
