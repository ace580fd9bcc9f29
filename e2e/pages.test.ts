// Every page type in every language through a real browser against the real program: status, language,
// a screenshot each, axe-core's WCAG A/AA rules, the language switch, and hostile texts shown as text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { HOSTILE_PARTNER, IMG, SCRIPT, startApp, type RunningApp } from './support/server.js';

const LOCALES = [
  { locale: 'ja', lang: 'ja', name: '日本語' },
  { locale: 'en', lang: 'en', name: 'English' },
  { locale: 'zh', lang: 'zh-Hans', name: '简体中文' },
] as const;

describeInBrowser('the site in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;
  let dalian: number;
  let hostile: number;
  const eventPaths = new Map<number, Promise<string>>();

  before(async () => {
    app = await startApp();
    dalian = app.partnershipId('大連市');
    hostile = app.partnershipId(HOSTILE_PARTNER);
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  async function open(path: string): Promise<{ page: Page; status: number | undefined }> {
    const page = await context.newPage();
    const response = await page.goto(`${app.url}${path}`);
    return { page, status: response?.status() };
  }

  /** The first event page the partnership's own page links to, as a reader would follow it. */
  function eventPath(partnership: number): Promise<string> {
    let found = eventPaths.get(partnership);
    if (!found) {
      found = (async () => {
        const { page } = await open(`/ja/partnerships/${partnership}`);
        try {
          const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
          const id = hrefs.map((h) => /\/events\/(\d+)/.exec(h)?.[1]).find((x) => x !== undefined);
          if (!id) throw new Error(`/partnerships/${partnership} links to no /events/ID page (is the event page implemented?)`);
          return `/events/${id}`;
        } finally {
          await page.close();
        }
      })();
      eventPaths.set(partnership, found);
    }
    return found;
  }

  const PAGE_TYPES: { type: string; path: () => Promise<string> }[] = [
    { type: 'home', path: async () => '/' },
    { type: 'partnership', path: async () => `/partnerships/${dalian}` },
    { type: 'event', path: () => eventPath(dalian) },
    { type: 'search', path: async () => `/search?q=${encodeURIComponent('大連')}` },
    { type: 'print', path: async () => `/partnerships/${dalian}/print` },
  ];
  const localized = (locale: string, path: string) => `/${locale}${path}`;

  for (const { type, path } of PAGE_TYPES) {
    describe(`${type} page`, () => {
      for (const { locale, lang } of LOCALES) {
        it(`answers 200 in ${locale} with html lang="${lang}" (screenshot ${locale}-${type}.png)`, async () => {
          const { page, status } = await open(localized(locale, await path()));
          try {
            assert.equal(status, 200, `${page.url()} answered ${status}`);
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            await screenshot(page, `${locale}-${type}`);
          } finally {
            await page.close();
          }
        });

        it(`has no serious or critical axe-core violation (WCAG 2.0 A/AA, 2.1 AA) in ${locale}`, async () => {
          const { page, status } = await open(localized(locale, await path()));
          try {
            assert.equal(status, 200, `${page.url()} answered ${status}`);
            const problems = await seriousAxeViolations(page);
            assert.deepEqual(problems, [], `axe on ${page.url()}:\n${JSON.stringify(problems, null, 2)}`);
          } finally {
            await page.close();
          }
        });
      }

      it('keeps the page, path and query, when the language is switched with the visible switch', async () => {
        const start = await path();
        const { page, status } = await open(localized('ja', start));
        try {
          assert.equal(status, 200, `${page.url()} answered ${status}`);
          const expected = new URL(`${app.url}${start}`);
          for (const { locale, lang, name } of [LOCALES[1], LOCALES[2], LOCALES[0]]) {
            const link = page.getByRole('link', { name, exact: true });
            assert.equal(await link.count(), 1, `one visible link named ${name} on ${page.url()}`);
            await Promise.all([page.waitForURL((u) => u.pathname.startsWith(`/${locale}/`)), link.click()]);
            const now = new URL(page.url());
            assert.equal(now.pathname, localized(locale, expected.pathname));
            assert.equal(now.search, expected.search);
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
          }
        } finally {
          await page.close();
        }
      });
    });
  }

  describe('on a phone (320 px wide: WCAG 1.4.10 reflow)', () => {
    const PHONE_PAGES = [
      async () => '/',
      async () => `/partnerships/${dalian}`,
      async () => `/partnerships/${dalian}/insights`,
      async () => `/partnerships/${dalian}/agreements`,
      async () => '/organizations',
      () => eventPath(dalian),
      async () => `/search?q=${encodeURIComponent('大連')}`,
    ];

    it('shows no page wider than the screen in any language: wide tables scroll within themselves', { timeout: 120_000 }, async () => {
      const phone = await (await browser()).newContext({ viewport: { width: 320, height: 800 } });
      try {
        const page = await phone.newPage();
        const tooWide: string[] = [];
        for (const path of PHONE_PAGES) {
          for (const { locale } of LOCALES) {
            const url = localized(locale, await path());
            const response = await page.goto(`${app.url}${url}`);
            assert.equal(response?.status(), 200, url);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            if (width > 320) tooWide.push(`${url}: ${width} px`);
          }
        }
        assert.deepEqual(tooWide, []);
      } finally {
        await phone.close();
      }
    });

    it('lets the keyboard reach and scroll a table wider than the screen, named by its caption (axe: no serious violation)', async () => {
      const phone = await (await browser()).newContext({ viewport: { width: 375, height: 800 } });
      try {
        const page = await phone.newPage();
        await page.goto(`${app.url}/en/partnerships/${dalian}/insights`);
        const regions = page.locator('[role=region]');
        const wide = await regions.evaluateAll((all) => all.findIndex((e) => e.scrollWidth > e.clientWidth));
        assert.ok(wide >= 0, 'a table is wider than the screen here');
        const region = regions.nth(wide);
        assert.equal(await region.getAttribute('tabindex'), '0');
        assert.match((await region.getAttribute('aria-label')) ?? '', /\w/, 'named');
        await region.focus();
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => (document.activeElement?.scrollLeft ?? 0) > 0);
        const problems = await seriousAxeViolations(page);
        assert.deepEqual(problems, [], JSON.stringify(problems, null, 2));
      } finally {
        await phone.close();
      }
    });

    it('keeps the charts at a readable size on a phone, scrolling in their region instead of shrinking to half', async () => {
      const phone = await (await browser()).newContext({ viewport: { width: 320, height: 800 } });
      try {
        const page = await phone.newPage();
        for (const path of [`/zh/partnerships/${dalian}/insights`, `/zh/partnerships/${dalian}`]) {
          await page.goto(`${app.url}${path}`);
          const charts = await page.locator('[role=region] > .chart-figure svg').evaluateAll((all) => all.map((svg) => svg.getBoundingClientRect().width));
          assert.ok(charts.length > 0, path);
          for (const width of charts) assert.ok(width >= 560, `${path}: a chart ${width} px wide`);
          assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, `${path}: the page itself does not widen`);
        }
      } finally {
        await phone.close();
      }
    });
  });

  describe('hostile texts (koryu/1 events and captions that are markup)', () => {
    const HOSTILE_PAGES: { type: string; path: () => Promise<string>; shows: string[] }[] = [
      { type: 'partnership', path: async () => `/partnerships/${hostile}`, shows: [SCRIPT, IMG] },
      { type: 'event', path: () => eventPath(hostile), shows: [] },
      { type: 'search', path: async () => `/search?q=${encodeURIComponent(IMG)}`, shows: [IMG] },
      { type: 'print', path: async () => `/partnerships/${hostile}/print`, shows: [SCRIPT, IMG] },
    ];
    for (const { type, path, shows } of HOSTILE_PAGES) {
      for (const { locale } of LOCALES) {
        it(`runs nothing on the ${type} page in ${locale}, and shows the markup as text`, async () => {
          const page = await context.newPage();
          const dialogs: string[] = [];
          page.on('dialog', (dialog) => {
            dialogs.push(`${dialog.type()}: ${dialog.message()}`);
            void dialog.dismiss();
          });
          try {
            const response = await page.goto(`${app.url}${localized(locale, await path())}`);
            assert.equal(response?.status(), 200, `${page.url()} answered ${response?.status()}`);
            await page.waitForLoadState('networkidle');
            assert.deepEqual(dialogs, [], 'no dialog opened');
            assert.equal(await page.locator('main script, main img[src="x"]').count(), 0, 'no element made from the texts');
            const texts = shows.length > 0 ? shows : [SCRIPT, IMG];
            const visible = await Promise.all(texts.map((t) => page.getByText(t).first().isVisible()));
            if (shows.length > 0) assert.ok(visible.every(Boolean), `visible as text: ${texts.filter((_, i) => !visible[i]).join(', ')} missing`);
            else assert.ok(visible.some(Boolean), 'the event page shows its hostile text as text');
          } finally {
            await page.close();
          }
        });
      }
    }
  });
});
