import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';
import { SITEMAP_MAX_URLS, sitemapFile, sitemapUrls } from './sitemap.build.js';

const sample = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"\/?>/.exec(html)?.[1];
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);

describeOnEachStore('canonical addresses, robots.txt and the sitemap', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dalian: number;
  let event: number;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市' });
    dalian = ((await app.inject('/api/partnerships')).json() as { items: { id: number }[] }).items[0]!.id;
    event = ((await app.inject(`/api/partnerships/${dalian}/events?limit=1`)).json() as { items: { id: number }[] }).items[0]!.id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('names the language-prefixed address as canonical, whichever address showed the page', async () => {
    const page = async (url: string, language?: string) => (await app.inject({ url, headers: language ? { 'accept-language': language } : {} })).body;
    assert.equal(canonical(await page(`/events/${event}`, 'en-US')), `/en/events/${event}`, 'the unprefixed address shown in English');
    assert.equal(canonical(await page(`/events/${event}`)), `/ja/events/${event}`);
    assert.equal(canonical(await page(`/zh/events/${event}`)), `/zh/events/${event}`);
    assert.equal(canonical(await page('/')), '/ja/');
    assert.equal(canonical(await page(`/en/partnerships/${dalian}?from=2010&to=2012`)), `/en/partnerships/${dalian}`, 'a filtered timeline is a view of the page');
    assert.equal(canonical(await page(`/en/search?q=${encodeURIComponent('市長')}`)), `/en/search?q=${encodeURIComponent('市長')}`, 'the search’s query is its page');
  });

  it('keeps crawlers out of staff pages, sign-in, search and PDFs, and names the sitemap on the request’s host', async () => {
    const res = await app.inject({ url: '/robots.txt', headers: { host: 'koryu.example.jp' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    for (const line of ['User-agent: *', 'Disallow: /staff', 'Disallow: /en/staff', 'Disallow: /login', 'Disallow: /zh/search', 'Disallow: /*.pdf$', 'Sitemap: http://koryu.example.jp/sitemap.xml']) {
      assert.ok(res.body.split('\n').includes(line), line);
    }
    assert.doesNotMatch(res.body, /Disallow: \/$|Disallow: \/partnerships|Disallow: \/events/m, 'the record stays open');
  });

  it('lists each published partnership’s pages in every language, and pages that answer 200', async () => {
    const res = await app.inject({ url: '/sitemap.xml', headers: { host: 'koryu.example.jp' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const urls = locs(res.body);
    for (const l of ['ja', 'en', 'zh']) {
      for (const page of ['', '/agreements', '/insights']) assert.ok(urls.includes(`http://koryu.example.jp/${l}/partnerships/${dalian}${page}`), `${l}${page}`);
      assert.ok(urls.includes(`http://koryu.example.jp/${l}/`));
    }
    assert.ok(!urls.some((u) => u.includes('/events/')), 'event pages are reached from the timelines');
    for (const url of urls) assert.equal((await app.inject(url.replace('http://koryu.example.jp', ''))).statusCode, 200, url);
    assert.equal((await app.inject('/sitemap-1.xml')).statusCode, 404, 'one file is enough here: no parts');
  });
});

describe('the sitemap of a country-scale record', () => {
  it('splits past 50,000 addresses into an index of files, each within the limit, in the record’s order', () => {
    const urls = sitemapUrls('https://koryu.example.jp/', Array.from({ length: 6000 }, (_, i) => i + 1));
    assert.equal(urls.length, 6 + 6000 * 9);
    const index = sitemapFile('https://koryu.example.jp/', urls)!;
    assert.match(index, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.deepEqual(locs(index), ['https://koryu.example.jp/sitemap-1.xml', 'https://koryu.example.jp/sitemap-2.xml']);
    const parts = [1, 2].map((n) => locs(sitemapFile('https://koryu.example.jp/', urls, n)!));
    assert.equal(parts[0]!.length, SITEMAP_MAX_URLS);
    assert.deepEqual([...parts[0]!, ...parts[1]!], urls);
    assert.equal(sitemapFile('https://koryu.example.jp/', urls, 3), undefined);
    assert.equal(sitemapFile('https://koryu.example.jp/', urls.slice(0, 10), 1), undefined, 'no parts of a sitemap of one file');
  });

  it('names the sitemap on KORYU_SITE_URL when it is set, and escapes addresses', async () => {
    const store = await openSqliteStore(':memory:');
    const app = await buildApp({ store, home: '金沢市', siteUrl: 'https://koryu.example.jp/' });
    try {
      assert.match((await app.inject('/robots.txt')).body, /\nSitemap: https:\/\/koryu.example.jp\/sitemap.xml\n$/);
      assert.deepEqual(locs((await app.inject('/sitemap.xml')).body).slice(0, 2), ['https://koryu.example.jp/ja/', 'https://koryu.example.jp/ja/organizations']);
      assert.equal(canonical((await app.inject('/en/')).body), 'https://koryu.example.jp/en/');
    } finally {
      await app.close();
      await store.close();
    }
    assert.match(sitemapFile('https://x.jp/?a=1&b=2/', ['https://x.jp/?a=1&b=2/ja/'])!, /<loc>https:\/\/x.jp\/\?a=1&amp;b=2\/ja\/<\/loc>/);
  });
});
