import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { after, before, it } from 'node:test';
import { importSampleAndCorpus } from '../../test/support/sample-and-corpus.js';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { editItem } from '../services/editing.service.js';
import { importDocuments } from '../services/import.service.js';
import { storePhoto } from '../services/photo.service.js';
import { listPartnerships } from '../services/record.service.js';
import { photoFilesIn } from '../storage/photo.files.js';
import type { Store } from '../storage/database.js';
import { buildApp } from './app.js';
import { EXPORTERS } from '../exports/exporters.js';
import { KoryuError } from '../errors.js';
import { SEARCH } from '../views/i18n/search.messages.js';
import { buildStaticSite } from './static-site.js';


describeOnEachStore('the static copy of a site in a store of several home municipalities', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let files: Map<string, Buffer>;
  const records: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'koryu-static-site-'));
  let photo: string;
  let translated: number;
  before(async () => {
    store = await openFresh();
    await importSampleAndCorpus(store, { partnerships: 3, years: 3, seed: 'static-site' });
    // A photo record of the sample with a photo: its pages show the thumbnail and the larger size.
    const photoFiles = photoFilesIn(dir);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 90, b: 160 } } }).jpeg().toBuffer();
    photo = await storePhoto(photoFiles, jpeg, 1 << 20);
    const [record] = await store.db.selectFrom('photo_records').select('id').where('status', '=', 'published').orderBy('id').limit(1).execute();
    await store.transaction((trx) => trx.updateTable('photo_records').set({ photo }).where('id', '=', record!.id).execute());
    // An event of the sample translated: the copy's search finds it by its translation and shows it in its language.
    const [event] = await store.db.selectFrom('events').select(['id', 'version']).where('status', '=', 'published').orderBy('id').limit(1).execute();
    translated = event!.id;
    await editItem(store, 'event', translated, { translations: { en: 'The Mayor visited', zh: '市长访问大连' } }, event!.version, { name: 'setup' });
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFiles, maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    files = new Map();
    const { files: paths } = await buildStaticSite(app, store, {
      write: async (path, body) => void files.set(path, body),
      writeRecord: async (path, format) => {
        records.push(format);
        files.set(path, Buffer.from(`the whole record in ${format}`));
      },
    }, '金沢市');
    assert.deepEqual(paths.sort(), [...files.keys()].sort());
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the photos its pages show, as the server gives them', async () => {
    for (const size of ['thumb', 'display']) {
      const copied = files.get(`photos/${size}/${photo}`);
      assert.ok(copied, `photos/${size}/${photo}`);
      assert.deepEqual(copied, (await app.inject(`/photos/${size}/${photo}`)).rawPayload);
    }
  });

  it('has the whole record written in each format by the sink, not through a response of the server', () => {
    assert.deepEqual([...records].sort(), EXPORTERS.map((e) => e.format).sort());
    for (const e of EXPORTERS) assert.equal(files.get(`downloads/koryu.${e.extension}`)?.toString(), `the whole record in ${e.format}`);
  });

  it('has, for every link of every page, the file it leads to once a web server decodes it', () => {
    const broken: string[] = [];
    let links = 0;
    for (const [file, body] of files) {
      if (!file.endsWith('.html')) continue;
      for (const [, link] of body.toString().matchAll(/\b(?:href|src|action)="([^"]*)"/g)) {
        const target = link!.replace(/&amp;/g, '&').split(/[?#]/)[0]!;
        if (target === '' || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue;
        links++;
        const onDisk = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(target)));
        if (!files.has(onDisk.endsWith('/') ? `${onDisk}index.html` : onDisk)) broken.push(`${file}: ${link} → ${onDisk}`);
      }
    }
    assert.ok(links > 1000, `${links} links`);
    assert.deepEqual(broken.slice(0, 10), [], `${broken.length} broken links`);
  });

  it('writes the organisation pages in folders of their decoded names, the calendar as a file and the print views', () => {
    assert.ok([...files.keys()].some((f) => /^organizations\/[^%/]*[^\x00-\x7f][^%/]*\/index\.html$/.test(f)), 'an organisation folder named in Japanese');
    assert.ok(![...files.keys()].some((f) => f.includes('%')), 'no percent-encoded name');
    assert.match(files.get('anniversaries.ics')?.toString() ?? '', /^BEGIN:VCALENDAR/);
    assert.match(files.get('en/anniversaries.ics')?.toString() ?? '', /X-WR-CALNAME:Anniversaries/, 'the English calendar, as a file');
    const withApi = [...files].filter(([f, body]) => f.endsWith('.html') && body.toString().includes('openapi.json')).map(([f]) => f);
    assert.deepEqual(withApi, [], 'the copy has no API: its downloads do not link it');
    assert.match(files.get('index.html')?.toString() ?? '', /<section class="downloads[\s\S]*?koryu\.csv/, 'the downloads are still listed');
    assert.match(files.get('zh/anniversaries.ics')?.toString() ?? '', /^BEGIN:VCALENDAR/);
    for (const lang of ['', 'en/', 'zh/']) assert.ok(files.has(`${lang}partnerships/1/print/index.html`), `${lang}partnerships/1/print`);
  });

  it('leaves out the filter forms only the server can answer', async () => {
    const page = files.get('partnerships/1/index.html')?.toString() ?? '';
    assert.ok(page.length > 0);
    assert.match((await app.inject('/partnerships/1')).body, /<form class="filters/, 'the server’s page has one');
    for (const [file, body] of files) if (file.endsWith('.html')) assert.doesNotMatch(body.toString(), /<form class="filters/, file);
  });

  it('links each partnership page to its print view, and to no PDF (the copy has none)', () => {
    for (const lang of ['', 'en/', 'zh/']) {
      const page = files.get(`${lang}partnerships/1/index.html`)!.toString();
      assert.match(page, /<a href="(\.\.\/)+(en\/|zh\/)?partnerships\/1\/print\/index\.html">/, lang);
      assert.doesNotMatch(page, /\.pdf/, lang);
      assert.match(page, /<nav class="print-links no-print"/);
    }
  });

  it('indexes for its search exactly the items it has pages for: every hit leads to a page of the copy', async () => {
    const { items } = JSON.parse(files.get('search-index.json')!.toString()) as { items: { k: string; href: string; t: string }[] };
    for (const item of items) assert.ok(files.has(item.href.split('#')[0]!), `${item.href} is in the copy`);
    const partnerships = await listPartnerships(store);
    assert.ok(partnerships.some((p) => p.home !== '金沢市'), 'the store holds other home municipalities');
    const expected = partnerships
      .filter((p) => files.has(`partnerships/${p.id}/index.html`))
      .flatMap((p) => [...p.events.filter((e) => files.has(`events/${e.id}/index.html`)).map((e) => e.text), ...p.records.map((r) => r.caption)]);
    assert.ok(expected.length >= 60, `${expected.length} items`);
    assert.deepEqual(items.map((i) => i.t).sort(), expected.sort());
    const dalian = partnerships.find((p) => p.partner === '大連市')!;
    assert.ok(dalian.events.every((e) => items.some((i) => i.href === `events/${e.id}/index.html`)), 'every event of the home is found');
  });

  it('holds the pages of every home municipality of the record, which its home page lists, and names their homes in its search', async () => {
    const partnerships = await listPartnerships(store);
    for (const p of partnerships) assert.ok(files.has(`partnerships/${p.id}/index.html`), `${p.home}–${p.partner}`);
    const home = files.get('index.html')!.toString();
    const other = partnerships.find((p) => p.home !== '金沢市')!;
    assert.match(home, new RegExp(`<a href="partnerships/${other.id}/index.html">${other.partner}</a>`));
    const { items } = JSON.parse(files.get('search-index.json')!.toString()) as { items: { href: string; partner: string }[] };
    const labels = new Set(items.map((i) => i.partner));
    assert.ok(labels.has('大連市'), 'the site’s own partner by its name');
    assert.ok(labels.has(`${other.home}・${other.partner}`), 'another home’s partner with its home');
  });

  it('tells the reader, in the page’s language, when its search cannot load the index (the copy opened as files)', async () => {
    const script = files.get('assets/static-search.js')!.toString();
    for (const [locale, file] of [['ja', 'search/index.html'], ['en', 'en/search/index.html'], ['zh', 'zh/search/index.html']] as const) {
      const page = files.get(file)!.toString();
      const div = /<div id="static-results"[^>]*>/.exec(page)![0];
      const attribute = (name: string) => /="([^"]*)"/.exec(div.slice(div.indexOf(` ${name}=`)))![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
      assert.equal(attribute('data-unavailable'), SEARCH[locale].indexUnavailable, file);
      // A browser refuses fetch on file:// (a TypeError); a web server without the index answers 404.
      const refusals = [() => Promise.reject(new TypeError('Failed to fetch')), () => Promise.resolve({ ok: false, status: 404, json: () => Promise.reject(new SyntaxError('not JSON')) })];
      for (const fetch of refusals) {
        const shown = await runStaticSearch(script, { lang: locale === 'zh' ? 'zh-Hans' : locale, query: '市長', attributes: { 'data-count': attribute('data-count'), 'data-unavailable': attribute('data-unavailable') }, fetch });
        assert.deepEqual(shown, [SEARCH[locale].indexUnavailable], file);
      }
      // Served by a web server, it lists the hits as before.
      const index = JSON.parse(files.get('search-index.json')!.toString()) as { items: { n: string }[] };
      const total = index.items.filter((i) => i.n.includes('市長')).length;
      const served = () => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(index) });
      const shown = await runStaticSearch(script, { lang: locale, query: '市長', attributes: { 'data-count': attribute('data-count'), 'data-unavailable': attribute('data-unavailable') }, fetch: served });
      assert.deepEqual(shown, [SEARCH[locale].found.replace('{q}', '市長').replace('{total}', String(total))], file);
    }
  });

  it('indexes a translated item by its translations too, and gives them to the search of each language', () => {
    const { items } = JSON.parse(files.get('search-index.json')!.toString()) as { items: { href: string; n: string; tr?: Record<string, string> }[] };
    const item = items.find((i) => i.href === `events/${translated}/index.html`)!;
    assert.deepEqual(item.tr, { en: 'The Mayor visited', zh: '市长访问大连' });
    assert.ok(item.n.endsWith('\nthe mayor visited\n市長訪問大連'), JSON.stringify(item.n));
    assert.ok(items.filter((i) => i !== item).every((i) => i.tr === undefined && !i.n.includes('\n')));
  });
});

/** An element as static-search.js uses one: attributes, text, children. */
class FakeElement {
  readonly children: FakeElement[] = [];
  readonly attributes = new Map<string, string>();
  textContent = '';
  className = '';
  value = '';
  constructor(readonly tag: string) {}
  appendChild<T extends FakeElement>(child: T): T {
    this.children.push(child);
    return child;
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}

/**
 * Runs the copy's search script on a search page opened from files (file://), its results element carrying
 * `attributes`, with `fetch` standing in for the browser's; the texts of the paragraphs it shows.
 */
async function runStaticSearch(script: string, page: { lang: string; query: string; attributes: Record<string, string>; fetch: () => Promise<unknown> }): Promise<string[]> {
  const out = new FakeElement('div');
  for (const [name, value] of Object.entries(page.attributes)) out.setAttribute(name, value);
  const document = {
    currentScript: { src: 'file:///home/reader/copy/assets/static-search.js' },
    documentElement: { lang: page.lang },
    getElementById: (id: string) => (id === 'static-results' ? out : id === 'q' ? new FakeElement('input') : null),
    createElement: (tag: string) => new FakeElement(tag),
    createTextNode: (text: string) => ({ text }),
  };
  runInNewContext(script, { document, location: { search: `?q=${encodeURIComponent(page.query)}` }, URL, URLSearchParams, fetch: page.fetch });
  await new Promise((resolve) => setTimeout(resolve, 10));
  return out.children.filter((c) => c.tag === 'p').map((c) => c.textContent);
}

/** A server of a few pages: `/` links to each of `links`, which answers `status`; every other page is empty. */
function serverOf(links: Record<string, number>): FastifyInstance {
  const inject = async (url: string) => {
    const status = links[url] ?? 200;
    const body = url === '/' ? `<html><body>${Object.keys(links).map((l) => `<a href="${l}">x</a>`).join('')}</body></html>` : status === 200 ? '<html></html>' : 'Internal error';
    return { statusCode: status, body, rawPayload: Buffer.from(body), headers: { 'content-type': status === 200 ? 'text/html; charset=utf-8' : 'text/plain' } };
  };
  return { inject } as unknown as FastifyInstance;
}

describeOnEachStore('the static copy when the server cannot make a page', (openFresh) => {
  let store: Store;
  before(async () => void (store = await openFresh()));
  after(async () => await store?.close());
  const sink = { write: async () => {}, writeRecord: async () => {} };

  it('fails with PublishFailed naming the page, the page linking to it and the status, when a page answers 500', async () => {
    await assert.rejects(buildStaticSite(serverOf({ '/partnerships/7': 500 }), store, sink), (error: unknown) => {
      assert.ok(error instanceof KoryuError, String(error));
      assert.equal(error.code, 'PublishFailed');
      assert.match(error.message, /the page \/partnerships\/7 \(linked from \/\) answered 500 \(Internal error\)/);
      return true;
    });
  });

  it('fails when a starting page answers 404: the copy would have no home page', async () => {
    await assert.rejects(buildStaticSite(serverOf({ '/en/': 404 }), store, sink), /the page \/en\/ answered 404/);
  });

  it('gives back a linked page that answers 404 as missing, writes it nowhere, and writes the rest', async () => {
    const written: string[] = [];
    const site = await buildStaticSite(serverOf({ '/organizations/gone': 404, '/about': 200 }), store, { ...sink, write: async (path) => void written.push(path) });
    assert.deepEqual(site.missing, [{ url: '/organizations/gone', from: '/' }]);
    assert.ok(written.includes('about/index.html'));
    assert.ok(!written.some((f) => f.startsWith('organizations/')));
  });
});

describeOnEachStore('the static copy of an address the server sends on', (openFresh) => {
  it('writes a page sending the reader on to the file of the address the server names (an organisation’s alias)', async () => {
    const store = await openFresh();
    const doc = (partner: string, line: string) => Buffer.from(`友好都市${partner}との交流の歩み\n\n友好都市提携：1981年（昭和56年）6月13日\n\n2019年\n5月1日 ${line}\n`);
    await importDocuments(store, [
      { name: 'a.txt', bytes: doc('蘇州市', '金沢工業大と蘇州大学が「学術交流協定」を締結') },
      { name: 'b.txt', bytes: doc('大連市', '金沢工業大学の学生が大連市を訪問') },
    ], { home: '金沢市', maxDocumentBytes: 1e7 });
    const app = await buildApp({ store, home: '金沢市' });
    try {
      const alias = `/organizations/${encodeURIComponent('金沢工業大')}`;
      assert.equal((await app.inject(alias)).statusCode, 301, 'the server sends the alias on');
      const files = new Map<string, Buffer>();
      await buildStaticSite(app, store, { write: async (path, body) => void files.set(path, body), writeRecord: async (path) => void files.set(path, Buffer.from('')) });
      const page = files.get('organizations/金沢工業大/index.html')?.toString() ?? '';
      const target = /http-equiv="refresh" content="0; url=([^"]+)"/.exec(page)?.[1];
      assert.ok(target, page.slice(0, 300));
      const onDisk = posix.normalize(posix.join('organizations/金沢工業大', decodeURIComponent(target)));
      assert.equal(onDisk, 'organizations/金沢工業大学/index.html');
      assert.ok(files.has(onDisk), 'the page it sends the reader to is in the copy');
    } finally {
      await app.close();
      await store.close();
    }
  });
});
