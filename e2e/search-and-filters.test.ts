// A reader's two ways to narrow the record, in a real browser: the search form (compared with a plain substring
// scan of what was imported) and the partnership page's year-range and direction filters.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Direction } from '../src/domain/direction.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { HOSTILE_DOCUMENT, parsedSample, startApp, type RunningApp } from './support/server.js';

interface Item {
  kind: 'event' | 'record';
  text: string;
  year: number;
  direction?: Direction;
}

/** Every event text and caption that was imported, from the sample and the hostile document alike. */
function importedItems(): Item[] {
  const sample = parsedSample();
  const items: Item[] = [];
  for (const p of [sample, ...HOSTILE_DOCUMENT.partnerships]) {
    for (const e of p.events) items.push({ kind: 'event', text: e.text, year: e.year, direction: e.direction as Direction });
    for (const r of p.records) items.push({ kind: 'record', text: r.caption, year: r.year });
  }
  return items;
}

/** The substring scan the index must agree with: NFKC on both sides, nothing else. */
function scan(items: Item[], query: string): string[] {
  const q = query.normalize('NFKC');
  return items
    .filter((i) => i.text.normalize('NFKC').includes(q))
    .map((i) => `${i.kind}:${i.text}`)
    .sort();
}

describeInBrowser('searching and filtering in a browser', () => {
  let app: RunningApp;
  let context: BrowserContext;
  const items = importedItems();

  before(async () => {
    app = await startApp();
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await context?.close();
    await app?.stop();
  });

  /** Every hit on every page of the results, following the "next" links as a reader would. */
  async function allHits(page: Page): Promise<string[]> {
    const hits: string[] = [];
    for (let n = 0; n < 100; n++) {
      const found = await page.locator('ol.hits a.hit-text').evaluateAll((links) =>
        links.map((a) => `${/\/events\/\d+/.test(a.getAttribute('href') ?? '') ? 'event' : 'record'}:${a.textContent ?? ''}`),
      );
      hits.push(...found);
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) return hits.sort();
      await Promise.all([page.waitForURL(/page=\d+/), next.click()]);
    }
    throw new Error('more than 100 result pages');
  }

  for (const query of ['大連', '市', '６名', 'script']) {
    it(`finds exactly the events and captions containing 「${query}」, as a substring scan does, from the search box`, async () => {
      const expected = scan(items, query);
      assert.ok(expected.length > 0, `the scan finds something for ${query}, or the test would prove little`);
      const page = await context.newPage();
      try {
        await page.goto(`${app.url}/ja/`);
        await page.getByRole('searchbox').first().fill(query);
        await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('searchbox').first().press('Enter')]);
        assert.equal(new URL(page.url()).searchParams.get('q'), query);
        assert.ok((await page.locator('ol.hits mark').count()) > 0, 'the match is highlighted');
        await screenshot(page, `search-${query}`);
        assert.deepEqual(await allHits(page), expected);
      } finally {
        await page.close();
      }
    });
  }

  it('narrows the timeline to a year range and a direction with the filter form, and resets it', async () => {
    const dalian = app.partnershipId('大連市');
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/ja/partnerships/${dalian}`);
      const shown = () => page.locator('table.timeline a[href*="/events/"]').allTextContents();
      const all = items.filter((i) => i.kind === 'event' && !HOSTILE_DOCUMENT.partnerships[0]!.events.some((e) => e.text === i.text));
      assert.deepEqual((await shown()).sort(), all.map((i) => i.text).sort());

      await page.locator('#f-from').selectOption('2010');
      await page.locator('#f-to').selectOption('2014');
      for (const d of ['reception', 'mutual', 'unknown']) await page.locator(`input[name="direction"][value="${d}"]`).setChecked(false);
      await Promise.all([page.waitForURL(/from=2010/), page.locator('form.filters button[type="submit"]').click()]);

      const url = new URL(page.url());
      assert.equal(url.searchParams.get('to'), '2014');
      assert.deepEqual(url.searchParams.getAll('direction'), ['dispatch']);
      const expected = all.filter((i) => i.year >= 2010 && i.year <= 2014 && i.direction === 'dispatch').map((i) => i.text);
      assert.ok(expected.length > 0);
      assert.deepEqual((await shown()).sort(), expected.sort());
      assert.equal(await page.locator('#f-from').inputValue(), '2010', 'the form shows the filter in use');
      assert.equal(await page.locator('input[name="direction"][value="reception"]').isChecked(), false);
      await screenshot(page, 'ja-partnership-filtered');

      await Promise.all([page.waitForURL((u) => u.search === ''), page.locator('form.filters a').click()]);
      assert.equal((await shown()).length, all.length);
    } finally {
      await page.close();
    }
  });
});
