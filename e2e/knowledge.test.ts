// What the record knows, through a real browser against the real program: an organisation page, the agreements
// list, the insights page and the anniversaries on the home page, in ja, en and zh, each checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

const LOCALES = [
  { locale: 'ja', lang: 'ja' },
  { locale: 'en', lang: 'en' },
  { locale: 'zh', lang: 'zh-Hans' },
] as const;

describeInBrowser('what the record knows, in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let dalian: number;

  before(async () => {
    app = await startApp();
    dalian = app.partnershipId('大連市');
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
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}\n${app.output()}`);
    return page;
  }

  const PAGES: { type: string; path: () => string; check: (page: Page, locale: string) => Promise<void> }[] = [
    {
      type: 'organisation',
      path: () => `/organizations/${encodeURIComponent('大連工業大学')}`,
      async check(page) {
        await page.getByRole('heading', { level: 1, name: '大連工業大学' }).waitFor();
        assert.ok(await page.getByText('大連工大学、大連工業大').first().isVisible());
        const rows = page.locator('table.organization-events tbody tr');
        assert.equal(await rows.count(), 5);
        const years = await rows.locator('th').allInnerTexts();
        assert.deepEqual(years.map((y) => /\d{4}/.exec(y)?.[0]), ['2010', '2012', '2013', '2014', '2017']);
      },
    },
    {
      type: 'agreements',
      path: () => `/partnerships/${dalian}/agreements`,
      async check(page) {
        const titles = await page.locator('td.agreement-title').allInnerTexts();
        assert.ok(titles.length >= 9, titles.join(' '));
        assert.ok(titles.includes('「スポーツ交流の推進に関する合意書」'));
        await page.getByRole('link', { name: '大連工業大学' }).first().click();
        await page.waitForURL(/\/organizations\//);
        await page.getByRole('heading', { level: 1, name: '大連工業大学' }).waitFor();
      },
    },
    {
      type: 'insights',
      path: () => `/partnerships/${dalian}/insights`,
      async check(page) {
        assert.equal(await page.locator('.chart-figure[role="img"] svg').count(), 2);
        assert.equal(await page.locator('table.chart-table').count(), 2);
        assert.ok(await page.locator('ul.gaps li').filter({ hasText: '2021' }).isVisible());
      },
    },
    {
      type: 'home-anniversaries',
      path: () => '/',
      async check(page) {
        const section = page.locator('section.anniversaries');
        assert.ok(await section.isVisible());
        assert.ok((await section.locator('li').count()) >= 1);
        const feed = section.getByRole('link').last();
        // The calendar in the page's language: /anniversaries.ics (Japanese), /en/… and /zh/….
        const lang = await page.locator('html').getAttribute('lang');
        const href = lang === 'ja' ? '/anniversaries.ics' : `/${lang === 'en' ? 'en' : 'zh'}/anniversaries.ics`;
        assert.equal(await feed.getAttribute('href'), href);
        const ics = await page.request.get(`${app.url}${href}`);
        assert.equal(ics.status(), 200);
        const text = await ics.text();
        assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
        assert.match(text, lang === 'ja' ? /X-WR-CALNAME:周年\r\n/ : lang === 'en' ? /X-WR-CALNAME:Anniversaries\r\n/ : /SUMMARY:与/);
      },
    },
  ];

  for (const { type, path, check } of PAGES) {
    describe(`the ${type} page`, () => {
      for (const { locale, lang } of LOCALES) {
        it(`shows what it should in ${locale} (screenshot ${locale}-knowledge-${type}.png)`, async () => {
          const page = await open(`/${locale}${path()}`);
          try {
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            await screenshot(page, `${locale}-knowledge-${type}`);
            await check(page, locale);
          } finally {
            await page.close();
          }
        });

        it(`has no serious or critical axe-core violation in ${locale}`, async () => {
          const page = await open(`/${locale}${path()}`);
          try {
            const problems = await seriousAxeViolations(page);
            assert.deepEqual(problems, [], `axe on ${page.url()}:\n${JSON.stringify(problems, null, 2)}`);
          } finally {
            await page.close();
          }
        });
      }
    });
  }

  it('narrows the partnership page to an organisation with the filter form', async () => {
    const page = await open(`/ja/partnerships/${dalian}`);
    try {
      await page.getByLabel('団体').selectOption('大連工業大学');
      await Promise.all([page.waitForURL(/org=/), page.getByRole('button', { name: '表示' }).click()]);
      assert.equal(await page.locator('ul.events li').count(), 5);
    } finally {
      await page.close();
    }
  });
});
