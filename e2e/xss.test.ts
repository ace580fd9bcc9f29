// The XSS corpus (e2e/support/xss-corpus.ts) in every text a document brings in — partner names, kinds, event texts,
// captions and their English and Chinese translations — and in search queries, shown by the real program in
// Chromium: no dialog opens, no Content-Security-Policy violation is reported, and no element or attribute of a
// payload exists in the page. Every payload is also found shown as text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { runKoryu, sqliteEnv, startServer, type Server } from '../test/support/koryu-process.js';
import { browser, describeInBrowser } from './support/browser.js';
import { injectedInDom, xssCorpus } from './support/xss-corpus.js';

const CORPUS = xssCorpus();
const PARTNERSHIPS = 12;
const N = CORPUS.length;
const payload = (i: number): string => CORPUS[i % N]!;

/** Every payload is an event text once and a translation twice; partner names, kinds and captions take them in turn. */
function hostileDocument() {
  const partnerships = Array.from({ length: PARTNERSHIPS }, (_, p) => ({
    partner: `${payload(p * 7)}市${p}`,
    kind: payload(p * 7 + 3),
    affiliatedOn: '2001-04-01',
    events: [] as object[],
    records: Array.from({ length: 3 }, (_, r) => ({
      year: 2001 + r,
      caption: payload(p * 11 + r * 5 + 1),
      translations: { en: payload(p * 11 + r * 5 + 2), zh: payload(p * 11 + r * 5 + 4) },
      event: r,
    })),
  }));
  for (let i = 0; i < N; i++) {
    partnerships[i % PARTNERSHIPS]!.events.push({
      year: 2001 + Math.floor(i / PARTNERSHIPS),
      direction: ['dispatch', 'reception', 'mutual', 'unknown'][i % 4],
      text: payload(i),
      translations: { en: payload(i + 50), zh: payload(i + 100) },
    });
  }
  return { format: 'koryu/1', partnerships };
}

describeInBrowser('the XSS corpus in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-xss-'));
  const env = sqliteEnv(join(dir, 'koryu.db'));
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  before(async () => {
    const path = join(dir, 'hostile.json');
    writeFileSync(path, JSON.stringify(hostileDocument()));
    const imported = await runKoryu(['import', path], env);
    assert.equal(imported.code, 0, imported.stderr);
    server = await startServer(env);
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(20_000);
    // Collected before any page script runs; CDP's init scripts are outside the page's CSP.
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}(${d.message()}) on ${page.url()}`);
      void d.dismiss();
    });
  });
  after(async () => {
    await context?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Loads `path` and returns what a payload left: dialogs so far, CSP violations and injected DOM. */
  async function visit(path: string): Promise<string[]> {
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    assert.ok(response && response.status() < 400, `${path} answered ${response?.status()}`);
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    const injected = await page.evaluate(injectedInDom);
    return [...violations.map((v) => `CSP violation: ${v}`), ...injected.map((i) => `injected: ${i}`)].map((p) => `${path}: ${p}`);
  }

  async function partnershipPaths(): Promise<string[]> {
    await page.goto(`${server.url}/ja/`);
    const hrefs = await page.locator('a[href*="/partnerships/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return [...new Set(hrefs.filter((h) => /\/partnerships\/\d+$/.test(h)))];
  }

  it(`holds ${N} payloads, at least 100, each shown as text and none run`, () => {
    assert.ok(N >= 100);
    assert.equal(new Set(CORPUS).size, N);
  });

  it('the home page in ja, en and zh: partner names and kinds', async () => {
    const problems: string[] = [];
    for (const l of ['ja', 'en', 'zh']) problems.push(...(await visit(`/${l}/`)));
    const text = await page.locator('main').innerText();
    for (let p = 0; p < PARTNERSHIPS; p++) assert.ok(text.includes(`${payload(p * 7)}市${p}`), `partner ${p} shown as text`);
    assert.deepEqual([...problems, ...dialogs], []);
  });

  it('every partnership page (timeline, chart, filters) in ja, en and zh, and its print view', async () => {
    const paths = await partnershipPaths();
    assert.equal(paths.length, PARTNERSHIPS);
    const problems: string[] = [];
    for (const path of paths) {
      const bare = path.replace(/^\/ja/, '');
      for (const l of ['ja', 'en', 'zh']) problems.push(...(await visit(`/${l}${bare}?from=2001&to=2020`)));
      problems.push(...(await visit(`/en${bare}/print`)));
    }
    assert.deepEqual([...problems, ...dialogs], []);
  });

  it('the first three event pages of every partnership, one in each language, with their neighbours', async () => {
    const problems: string[] = [];
    const events: string[] = [];
    for (const path of await partnershipPaths()) {
      await page.goto(`${server.url}${path}`);
      const links = await page.locator('a[href*="/events/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      events.push(...[...new Set(links.map((e) => e.replace(/^\/(ja|en|zh)/, '')))].slice(0, 3));
    }
    assert.equal(events.length, PARTNERSHIPS * 3);
    for (const [i, e] of events.entries()) problems.push(...(await visit(`/${['ja', 'en', 'zh'][i % 3]}${e}`)));
    assert.deepEqual([...problems, ...dialogs], []);
  });

  it('every payload as a search query: the results page, with its highlighted hits', async () => {
    const problems: string[] = [];
    let found = 0;
    for (let i = 0; i < N; i++) {
      problems.push(...(await visit(`/${['ja', 'en', 'zh'][i % 3]}/search?q=${encodeURIComponent(payload(i))}`)));
      const hits = await page.locator('ol.hits').innerText().catch(() => '');
      if (hits.includes(payload(i))) found++;
    }
    assert.deepEqual([...problems, ...dialogs], []);
    assert.ok(found >= N * 0.9, `the search shows the payloads as text: ${found} of ${N}`);
  });
});
