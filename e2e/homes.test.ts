// A store of several home municipalities in a browser: the home page leads with the site's home (金沢市) and then
// lists the others with their partners; axe-core's WCAG A/AA rules on it in each language, and a reader follows a
// link to another home's partnership.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const timeline = (kind: string, partner: string, rows: string[]) => [`${kind}${partner}との歩み 交流年表`, '', '年\t\t交流内容', ...rows, ''].join('\n');
const OTHER_HOMES = [
  { home: '富山市', text: timeline('友好都市', '秦皇島市', ['2018年 (平成30年)\t派遣\t市長が秦皇島市を訪問']) },
  { home: '札幌市', text: timeline('姉妹都市', 'ポートランド市', ['2019年 (令和元年)\t受入\tポートランド市長が来訪']) },
  { home: '札幌市', text: timeline('友好都市', '瀋陽市', ['2020年 (令和2年)\t派遣\t札幌市青少年訪問団を派遣']) },
];

describeInBrowser('the home page of a record of several home municipalities', () => {
  let app: RunningApp;
  let context: BrowserContext;

  before(async () => {
    app = await startApp({ otherHomes: OTHER_HOMES });
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  for (const { locale, heading } of [
    { locale: 'ja', heading: 'ほかの自治体の交流' },
    { locale: 'en', heading: 'Exchanges of other municipalities' },
    { locale: 'zh', heading: '其他城市的交流' },
  ]) {
    it(`lists the other homes after the site's own in ${locale}, with no serious axe-core violation (screenshot ${locale}-home-several.png)`, async () => {
      const page = await context.newPage();
      try {
        const response = await page.goto(`${app.url}/${locale}/`);
        assert.equal(response?.status(), 200);
        const headings = await page.getByRole('heading').allTextContents();
        assert.equal(headings.indexOf(heading) > headings.findIndex((h) => h.includes('大連市')), true, headings.join(' / '));
        const section = page.getByRole('region', { name: heading });
        assert.deepEqual(await section.locator('dt').allTextContents(), ['札幌市', '富山市']);
        assert.deepEqual(await section.getByRole('link').allTextContents(), ['ポートランド市', '瀋陽市', '秦皇島市']);
        await screenshot(page, `${locale}-home-several`);
        const problems = await seriousAxeViolations(page);
        assert.deepEqual(problems, [], `axe on ${page.url()}:\n${JSON.stringify(problems, null, 2)}`);
      } finally {
        await page.close();
      }
    });
  }

  it('takes a reader from the home page to another home’s partnership, whose page names its home', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/ja/`);
      await page.getByRole('region', { name: 'ほかの自治体の交流' }).getByRole('link', { name: '瀋陽市' }).click();
      await page.waitForURL(`${app.url}/ja/partnerships/${app.partnershipId('瀋陽市')}`);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '札幌市の友好都市瀋陽市との歩み');
      assert.ok(await page.getByText('札幌市青少年訪問団を派遣').first().isVisible());
    } finally {
      await page.close();
    }
  });
});
