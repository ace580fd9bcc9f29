// What readers see of the record's languages and of narrow screens: the face each language's text is drawn in
// (the platform fonts Chromium actually used, not only the CSS), and the timeline and print view on a phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { startApp, type RunningApp } from './support/server.js';

/** The fonts Chromium drew the text of the first element matching `selector` with (DevTools' "Rendered fonts"). */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `${selector} is on the page`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

describeInBrowser('readers’ languages and narrow screens', () => {
  let app: RunningApp;
  let chromium: Browser;
  let dalian: number;

  before(async () => {
    app = await startApp();
    dalian = app.partnershipId('大連市');
    chromium = await browser();
  });
  after(async () => {
    await app?.stop();
  });

  describe('the face of text in another language than the page’s', () => {
    it('draws Japanese record text on a Chinese page with the Japanese face, the page’s own text with the simplified Chinese', async () => {
      const page = await chromium.newPage();
      try {
        await page.goto(`${app.url}/zh/partnerships/${dalian}`);
        const japanese = await page.locator('.events a[lang="ja"], .events [lang="ja"]').first().evaluate((e) => {
          e.id = 'probe-ja';
          return e.textContent;
        });
        assert.ok(japanese, 'an event text in Japanese on the Chinese page');
        assert.deepEqual(await renderedFonts(page, '#probe-ja'), ['Noto Sans CJK JP']);
        assert.deepEqual(await renderedFonts(page, '.partnership-nav [aria-current="page"]'), ['Noto Sans CJK SC'], 'the page’s own text');
        assert.match(await page.locator('#probe-ja').evaluate((e) => getComputedStyle(e).fontFamily), /^"Noto Sans CJK JP"/);
        await screenshot(page, 'zh-partnership-japanese-face');
      } finally {
        await page.close();
      }
    });

    it('draws the Chinese language link on Japanese and English pages with the simplified Chinese face', async () => {
      const page = await chromium.newPage();
      try {
        for (const locale of ['ja', 'en']) {
          await page.goto(`${app.url}/${locale}/`);
          assert.deepEqual(await renderedFonts(page, 'a[lang="zh-Hans"]'), ['Noto Sans CJK SC'], locale);
        }
        assert.deepEqual(await renderedFonts(page, 'a[lang="ja"]'), ['Noto Sans CJK JP'], 'the 日本語 link on the English page');
        await page.goto(`${app.url}/en/search?q=${encodeURIComponent('大连')}`);
        assert.deepEqual(await renderedFonts(page, '.result-count [lang]'), ['Noto Sans CJK SC'], 'a simplified Chinese query on an English page');
      } finally {
        await page.close();
      }
    });
  });

  describe('narrow screens', () => {
    /** Opens `path` at `width` CSS px and gives the document's width (more than `width`: the page scrolls sideways). */
    async function at(width: number, path: string): Promise<{ page: Page; scrollWidth: number }> {
      const phone = await chromium.newContext({ viewport: { width, height: 800 } });
      const page = await phone.newPage();
      await page.goto(`${app.url}${path}`);
      return { page, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) };
    }

    it('fits the print view in 320 px in every language, its licence URL broken where needed', async () => {
      for (const locale of ['ja', 'en', 'zh']) {
        const { page, scrollWidth } = await at(320, `/${locale}/partnerships/${dalian}/print`);
        try {
          await screenshot(page, `print-320-${locale}`);
          assert.equal(scrollWidth, 320, `/${locale}/partnerships/${dalian}/print`);
        } finally {
          await page.context().close();
        }
      }
    });

    it('stacks the timeline on a 375 px phone: the direction on one line, the era label whole, the exchanges wide', async () => {
      for (const locale of ['ja', 'en', 'zh']) {
        const { page, scrollWidth } = await at(375, `/${locale}/partnerships/${dalian}`);
        try {
          assert.equal(scrollWidth, 375, locale);
          const table = page.locator('table.timeline');
          await screenshot(page, `timeline-375-${locale}`);
          // One line per direction cell and era label: their text's boxes all start at one height.
          const linesOf = (selector: string) =>
            page.locator(selector).evaluateAll((all) =>
              all.map((e) => {
                const range = document.createRange();
                range.selectNodeContents(e);
                return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
              }),
            );
          const widths = await page.locator('table.timeline tbody td:last-child').evaluateAll((all) => all.map((e) => e.getBoundingClientRect().width));
          const layout = {
            directionLines: Math.max(...(await linesOf('table.timeline tbody td:first-of-type'))),
            eraLines: Math.max(...(await linesOf('table.timeline tbody th .era'))),
            eventsWidth: Math.min(...widths),
            tableWidth: (await table.boundingBox())!.width,
          };
          assert.equal(layout.directionLines, 1, `${locale}: each direction on one line`);
          assert.equal(layout.eraLines, 1, `${locale}: each era label on one line`);
          assert.ok(layout.eventsWidth >= 0.6 * layout.tableWidth, `${locale}: the exchanges get ${layout.eventsWidth} of ${layout.tableWidth} px`);
        } finally {
          await page.context().close();
        }
      }
    });
  });
});
