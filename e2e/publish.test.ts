// koryu publish, served by a plain static file server under a sub-path, in the system Chromium: the home page, a
// partnership page, an event page, the style sheet, a download, and the search for a 2-character word working in the
// browser on the small index.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { runCli } from '../src/cli/index.js';
import type { CliDeps } from '../src/cli/cli-io.js';
import { loadConfig } from '../src/config.js';
import { normalizeForSearch } from '../src/domain/search-text.js';
import sharp from 'sharp';
import { storePhoto } from '../src/services/photo.service.js';
import { photoFilesIn } from '../src/storage/photo.files.js';
import { openSqliteStore } from '../src/storage/sqlite/connect.js';
import { browser, describeInBrowser, screenshot } from './support/browser.js';
import { parsedSample } from './support/server.js';

const PREFIX = '/city/koryu/';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.csv': 'text/csv', '.xlsx': 'application/octet-stream' };

/** The plainest static server: files under `root`, at PREFIX, a folder answered by its index.html, nothing else. */
function staticServer(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) return void res.writeHead(404).end();
    let file = normalize(join(root, path.slice(PREFIX.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeInBrowser('the static site (koryu publish)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-publish-'));
  const site = join(dir, 'site');
  const sample = parsedSample();
  let server: Server;
  let base: string;
  let context: BrowserContext;
  const failed: string[] = [];

  before(async () => {
    const config = loadConfig({ KORYU_DB: join(dir, 'koryu.db') });
    const deps: CliDeps = {
      config,
      openStore: () => openSqliteStore(config.sqlitePath),
      startServer: () => Promise.reject(new Error('publish needs no server')),
      sample: { name: 'kanazawa-dalian.txt', read: async () => readFileSync(new URL('../samples/kanazawa-dalian.txt', import.meta.url)) },
    };
    const io = { out: () => {}, err: () => {}, interactive: false };
    assert.equal(await runCli(['import', new URL('../samples/kanazawa-dalian.txt', import.meta.url).pathname], io, deps), 0);
    // A photo on the first photo record, stored where the server keeps photos: the copy must hold it.
    const jpeg = await sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 30, g: 110, b: 60 } } }).jpeg().toBuffer();
    const photo = await storePhoto(photoFilesIn(config.dataDir), jpeg, 1 << 20);
    const store = await openSqliteStore(config.sqlitePath);
    try {
      const [record] = await store.db.selectFrom('photo_records').select('id').orderBy('id').limit(1).execute();
      await store.transaction((trx) => trx.updateTable('photo_records').set({ photo }).where('id', '=', record!.id).execute());
    } finally {
      await store.close();
    }
    assert.equal(await runCli(['publish', '--out', site], io, deps), 0);
    server = await staticServer(site);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
    context = await (await browser()).newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(30_000);
    context.on('requestfailed', (r) => failed.push(r.url()));
    context.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
  });
  after(async () => {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the home page with its style sheet, and leads to the partnership and an event page', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await page.goto(base);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).fontFamily), '');
    assert.equal(await page.evaluate(() => document.styleSheets.length), 1);
    await page.getByRole('link', { name: /大連市/ }).first().click();
    await page.waitForURL(/partnerships\/\d+\/index\.html$/);
    assert.match(await page.locator('h1').innerText(), /友好交流都市大連市との歩み/);
    const main = await page.locator('main').innerText();
    for (const e of sample.events.slice(0, 5)) assert.ok(main.includes(e.text), e.text);
    await page.locator('table.timeline a[href*="events/"]').first().click();
    await page.waitForURL(/events\/\d+\/index\.html$/);
    await screenshot(page, 'static-event');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/en\/events\/\d+\/index\.html$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(failed, []);
    await page.close();
  });

  it('searches for a 2-character word in the browser, finding exactly the events and captions holding it', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('#site-q').fill('市長');
    await page.locator('#site-q').press('Enter');
    await page.waitForURL(/search\/index\.html\?q=/);
    await page.locator('#static-results ol.hits').waitFor();
    const texts = await page.locator('#static-results ol.hits li a').allInnerTexts();
    const expected = [...sample.events.map((e) => e.text), ...sample.records.map((r) => r.caption)].filter((t) => normalizeForSearch(t).includes('市長'));
    assert.ok(expected.length > 1);
    assert.deepEqual(texts, expected);
    await screenshot(page, 'static-search');
    await page.locator('#static-results ol.hits li a').first().click();
    await page.waitForURL(/events\/\d+\/index\.html$/);
    assert.deepEqual(failed, []);
    await page.close();
  });

  it('finds in the browser the items holding every word, simplified Chinese characters read as Japanese', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const all = [...sample.events.map((e) => e.text), ...sample.records.map((r) => r.caption)];
    const expected = all.filter((t) => normalizeForSearch(t).includes('大連') && normalizeForSearch(t).includes('訪問'));
    assert.ok(expected.length > 0);
    // A phrase in quotes is one word, its space and all.
    await page.goto(`${base}search/index.html?q=${encodeURIComponent('"大連市外事弁公室主任 市長表敬訪問"')}`);
    await page.locator('#static-results ol.hits').waitFor();
    assert.deepEqual(await page.locator('#static-results ol.hits li a').allInnerTexts(), ['大連市外事弁公室主任 市長表敬訪問']);
    for (const q of ['大連 訪問', '大连　访问']) {
      await page.goto(`${base}search/index.html?q=${encodeURIComponent(q)}`);
      await page.locator('#static-results ol.hits').waitFor();
      assert.deepEqual(await page.locator('#static-results ol.hits li a').allInnerTexts(), expected, q);
    }
    // A Chinese reader: the results under the page's own form, counted in Chinese, each word marked, and leading to
    // the Chinese pages.
    await page.goto(`${base}zh/search/index.html?q=${encodeURIComponent('大连 访问')}`);
    await page.locator('main #static-results ol.hits').waitFor();
    assert.equal(await page.locator('header #static-results').count(), 0, 'not in the header');
    assert.match(await page.locator('#static-results .result-count').innerText(), new RegExp(`找到 ${expected.length} 条`));
    const marks = await page.locator('#static-results ol.hits li a mark').allInnerTexts();
    assert.ok(marks.includes('大連') && marks.includes('訪問'), marks.join(' '));
    for (const href of await page.locator('#static-results ol.hits li a').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href))) {
      assert.match(href, /\/zh\/(events|partnerships)\/\d+\/index\.html(#r\d+)?$/);
    }
    await page.locator('#static-results ol.hits li a[href*="/events/"]').first().click();
    await page.waitForURL(/\/zh\/events\/\d+\/index\.html$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hans');
    assert.deepEqual(failed, []);
    await page.close();
  });

  it('shows the stored photo on the partnership page and in the print view', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('link', { name: /大連市/ }).first().click();
    await page.waitForURL(/partnerships\/\d+\/index\.html$/);
    // Loaded once shown (the thumbnail loads lazily); a missing file never loads, and the wait fails.
    const loaded = async (selector: string) => {
      const image = page.locator(selector).first();
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await image.elementHandle(), { timeout: 10_000 });
    };
    await loaded('img.record-thumb');
    await page.goto(page.url().replace(/index\.html$/, 'print/index.html'));
    await loaded('img.photo');
    assert.deepEqual(failed, []);
    await page.close();
  });

  it('says, in the page’s language, that the search cannot load its index when the copy is opened as files', { timeout: 120_000 }, async () => {
    const page = await context.newPage();
    const before = failed.length;
    for (const [path, message] of [['search/index.html', '検索の索引を読み込めませんでした'], ['en/search/index.html', 'The search index could not be loaded']] as const) {
      await page.goto(`${pathToFileURL(join(site, path)).href}?q=${encodeURIComponent('市長')}`);
      await page.locator('#static-results p[role="status"]').waitFor();
      assert.match(await page.locator('#static-results').innerText(), new RegExp(message), path);
      assert.equal(await page.locator('#static-results ol.hits').count(), 0);
    }
    failed.splice(before); // the refused fetch of the index, which is the point
    await page.close();
  });

  it('offers the downloads as files of the copy', async () => {
    const res = await fetch(`${base}downloads/koryu.csv`);
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf');
    assert.ok(bytes.subarray(3).toString('utf8').startsWith('No.,自治体,相手都市'));
    const home = await (await fetch(base)).text();
    assert.match(home, /href="downloads\/koryu\.xlsx"/);
    assert.doesNotMatch(home, /(href|src|action)="\/(?!\/)/, 'no link is site-absolute');
  });
});
