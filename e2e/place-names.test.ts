// Place names in a real browser against the real program: a translator gives 金沢市 and 大連市 their English and
// Chinese names on the staff page of place names; a reader of /en/ then reads "Kanazawa (金沢市)" and
// "Dalian (大連市)", the Japanese marked as Japanese, and the Japanese home page is as it was. axe-core's WCAG A/AA
// rules on the staff page and on /en/.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const TRANSLATOR = { name: 'honyaku.e2e', role: 'translator', password: 'e2e translator password 2026' };

describeInBrowser('place names in English and Chinese in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;

  before(async () => {
    app = await startApp({ users: [TRANSLATOR] });
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  it('a translator names 金沢市 and 大連市 on /staff/places, and /en/ shows Kanazawa (金沢市) and Dalian (大連市) (screenshots ja-staff-places.png, en-home-names.png)', async () => {
    const reader = await context.newPage();
    await reader.goto(`${app.url}/ja/`);
    const japaneseBefore = await reader.locator('main').innerHTML();
    await reader.goto(`${app.url}/en/`);
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'International exchanges of 金沢市');

    const page = await context.newPage();
    await page.goto(`${app.url}/ja/login`);
    await page.getByLabel('アカウント名').fill(TRANSLATOR.name);
    await page.getByLabel('パスワード').fill(TRANSLATOR.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${app.url}/ja/staff`);
    await page.getByRole('link', { name: '地名の英語・中国語表記' }).click();
    await page.waitForURL(`${app.url}/ja/staff/places`);
    for (const [name, en, zh] of [['金沢市', 'Kanazawa', '金泽市'], ['大連市', 'Dalian', '大连市']] as const) {
      const form = page.getByRole('form', { name });
      await form.getByLabel('英語表記').fill(en);
      await form.getByLabel('中国語表記').fill(zh);
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByText(`${name} の表記を保存しました。`).waitFor();
    }
    await screenshot(page, 'ja-staff-places');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();

    await reader.goto(`${app.url}/en/`);
    const h1 = reader.getByRole('heading', { level: 1 });
    assert.equal(await h1.innerText(), 'International exchanges of Kanazawa (金沢市)');
    assert.equal(await h1.locator('span[lang="ja"]').innerText(), '金沢市');
    const card = reader.getByRole('heading', { level: 2 }).filter({ hasText: 'Dalian' });
    assert.match(await card.innerText(), /^Dalian \(大連市\)/);
    assert.equal(await card.locator('span[lang="ja"]').first().innerText(), '大連市');
    assert.match(await reader.title(), /Kanazawa \(金沢市\)/);
    await screenshot(reader, 'en-home-names');
    assert.deepEqual(await seriousAxeViolations(reader), []);

    await reader.goto(`${app.url}/zh/`);
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), '金泽市国际交流记录');
    await reader.goto(`${app.url}/ja/`);
    assert.equal(await reader.locator('main').innerHTML(), japaneseBefore, 'the Japanese page is unchanged');
    await reader.close();
  });
});
