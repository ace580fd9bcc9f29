import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { LICENCE_PRESETS } from '../../../domain/licence.js';
import { EXPORTERS } from '../../../exports/exporters.js';
import { editItem, getItem } from '../../../services/editing.service.js';
import { exportOne } from '../../../services/export.service.js';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';
import { contentDisposition } from './downloads.route.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const licence = { ...LICENCE_PRESETS['pdl-1.0']!, attribution: '金沢市 国際交流の記録' };

it('Content-Disposition keeps a Japanese file name for browsers (RFC 5987) and gives an ASCII one for others', () => {
  assert.equal(
    contentDisposition('partnership-1.csv', '金沢市_大連市_交流の記録.csv'),
    `attachment; filename="partnership-1.csv"; filename*=UTF-8''${encodeURIComponent('金沢市_大連市_交流の記録.csv')}`,
  );
  assert.equal(contentDisposition('a"b\\c.txt', "it's (1).txt"), `attachment; filename="a_b_c.txt"; filename*=UTF-8''it%27s%20%281%29.txt`);
});

describeOnEachStore('downloads on the site', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let partnershipPath: string;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', licence, siteUrl: 'https://example.jp/koryu/' });
    partnershipPath = /href="(\/partnerships\/\d+)"/.exec((await app.inject('/')).body)![1]!;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('links every format from the home page and the partnership page, and shows the licence in the footer', async () => {
    const home = (await app.inject('/')).body;
    const page = (await app.inject(partnershipPath)).body;
    for (const e of EXPORTERS) {
      assert.ok(home.includes(`href="/downloads/${e.format}"`), `home links ${e.format}`);
      assert.ok(page.includes(`href="${partnershipPath}/downloads/${e.format}"`), `partnership page links ${e.format}`);
    }
    assert.match(page, /<footer class="site-footer">[\s\S]*出典：金沢市 国際交流の記録[\s\S]*<a rel="license" href="https:\/\/www.digital.go.jp\/[^"]+"[^>]*>公共データ利用規約 第1.0版/);
    assert.match((await app.inject(`/en${partnershipPath}`)).body, /Source: <span lang="ja">金沢市 国際交流の記録<\/span>/);
  });

  it('names the photo-record CSV and the licence in the reader\'s language, the licence linking its deed in that language', async () => {
    const pages = { ja: 'CSV（写真記録）', en: 'CSV (photo records)', zh: 'CSV（照片记录）' } as const;
    for (const [locale, label] of Object.entries(pages)) {
      for (const path of [`/${locale}/`, `/${locale}${partnershipPath}`]) {
        const body = (await app.inject(path)).body;
        assert.match(body, new RegExp(`/downloads/photos-csv" type="text/csv" download>${label.replace(/[()]/g, '\\$&')}</a>`), `${path}: ${label}`);
      }
    }
    const footer = async (path: string) => /<footer class="site-footer">[\s\S]*<\/footer>/.exec((await app.inject(path)).body)?.[0] ?? '';
    assert.match(await footer(`/ja${partnershipPath}`), /<a rel="license" href="https:\/\/www.digital.go.jp\/resources\/open_data\/public_data_license_v1.0" hreflang="ja">公共データ利用規約 第1.0版/);
    assert.match(await footer(`/en${partnershipPath}`), /<a rel="license" href="https:\/\/www.digital.go.jp\/en\/resources\/open_data\/public_data_license_v1.0" hreflang="en">Public Data License Version 1.0/);
    assert.match(await footer(`/zh${partnershipPath}`), /<a rel="license" href="https:\/\/www.digital.go.jp\/en\/[^"]+" hreflang="en">公共数据利用规约 第1.0版/);
  });

  it('answers each format with its content type and a file name holding the partner city', async () => {
    for (const e of EXPORTERS) {
      const res = await app.inject(`${partnershipPath}/downloads/${e.format}`);
      assert.equal(res.statusCode, 200, e.format);
      assert.equal(res.headers['content-type'], e.contentType);
      const disposition = res.headers['content-disposition'] as string;
      assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent(`金沢市_大連市_交流の記録.${e.extension}`)}`), disposition);
    }
    const xlsx = await app.inject(`${partnershipPath}/downloads/xlsx`);
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const csv = await app.inject(`${partnershipPath}/downloads/csv`);
    assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
    assert.match(csv.body, /公共データ利用規約/);
  });

  it('answers the whole record in each format from its file, the same as the record read whole, with its length', async () => {
    const settings = { licence, siteUrl: 'https://example.jp/koryu/' };
    for (const e of EXPORTERS.filter((x) => x.format !== 'xlsx')) {
      const res = await app.inject(`/downloads/${e.format}`);
      assert.equal(res.statusCode, 200, e.format);
      assert.equal(res.headers['content-type'], e.contentType);
      assert.ok((res.headers['content-disposition'] as string).includes(encodeURIComponent(`金沢市_国際交流の記録.${e.extension}`)));
      assert.equal(Number(res.headers['content-length']), res.rawPayload.length);
      const { body } = await exportOne(store, e.format, {}, settings);
      // The feed's fallback time is now: without a stored time it would differ; every stored event has one.
      assert.equal(res.body, body, e.format);
    }
    const text = (await app.inject('/downloads/text')).body.split('\n');
    assert.equal(text[0], `出典：金沢市 国際交流の記録／利用条件：${licence.name} ${licence.url}`, 'the text carries the licence and credit line too');
    assert.equal((await app.inject('/downloads/xlsx')).rawPayload.subarray(0, 2).toString('latin1'), 'PK');
    const json = await app.inject('/export.json');
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(json.body, (await exportOne(store, 'json', {}, settings)).body);
  });

  it('answers HEAD for a whole-record download with its length, and leaves no file open', async () => {
    await app.inject('/downloads/csv');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({ method: 'HEAD', url: '/downloads/csv' });
      assert.equal(res.statusCode, 200);
      assert.ok(Number(res.headers['content-length']) > 0);
      assert.equal(res.rawPayload.length, 0);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(open() < before + 5, `${open() - before} more files open`);
  });

  it('labels a whole-record download with its bytes’ ETag: 304 to it while they are the same, 200 with another after an edit', async () => {
    const first = await app.inject('/downloads/csv');
    const etag = first.headers.etag as string;
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal(first.headers['accept-ranges'], 'bytes');
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      const again = await app.inject({ url: '/downloads/csv', headers: { 'if-none-match': `"other", ${etag}` } });
      assert.equal(again.statusCode, 304);
      assert.equal(again.rawPayload.length, 0);
      assert.equal(again.headers.etag, etag);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(open() < before + 5, `${open() - before} more files open`);
    // Compared weakly, as a proxy may have weakened the tag; `*` names any file.
    assert.equal((await app.inject({ url: '/downloads/csv', headers: { 'if-none-match': `W/${etag}` } })).statusCode, 304);
    assert.equal((await app.inject({ url: '/downloads/csv', headers: { 'if-none-match': '*' } })).statusCode, 304);
    assert.equal((await app.inject({ url: '/downloads/csv', headers: { 'if-none-match': '"other"' } })).statusCode, 200);
    const json = await app.inject('/downloads/json');
    assert.notEqual(json.headers.etag, etag);
    assert.equal((await app.inject('/export.json')).headers.etag, json.headers.etag, 'the same file, the same label');
    assert.equal((await app.inject({ url: '/export.json', headers: { 'if-none-match': json.headers.etag as string } })).statusCode, 304);

    await store.transaction(async () => {}); // a write: the generation advances, and the file is made again
    const same = await app.inject({ url: '/downloads/csv', headers: { 'if-none-match': etag } });
    assert.equal(same.statusCode, 304, 'the same bytes keep their tag');
    const [event] = await store.db.selectFrom('events').select(['id', 'text']).orderBy('id').limit(1).execute();
    await store.transaction((trx) => trx.updateTable('events').set({ text: `${event!.text}（改）` }).where('id', '=', event!.id).execute());
    const changed = await app.inject({ url: '/downloads/csv', headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    assert.ok(changed.body.includes(`${event!.text}（改）`));
    await store.transaction((trx) => trx.updateTable('events').set({ text: event!.text }).where('id', '=', event!.id).execute());
  });

  it('answers a byte range of a whole-record download with 206, the whole file when If-Range names another, and 416 past its end', async () => {
    const whole = await app.inject('/downloads/jsonld');
    const bytes = whole.rawPayload;
    const etag = whole.headers.etag as string;
    assert.ok(bytes.length > 1000);
    const part = async (headers: Record<string, string>) => app.inject({ url: '/downloads/jsonld', headers });

    const middle = await part({ range: 'bytes=100-199' });
    assert.equal(middle.statusCode, 206);
    assert.equal(middle.headers['content-range'], `bytes 100-199/${bytes.length}`);
    assert.equal(Number(middle.headers['content-length']), 100);
    assert.deepEqual(middle.rawPayload, bytes.subarray(100, 200));

    // A download resumed: the rest of the same file, then the last bytes.
    const rest = await part({ range: 'bytes=1000-', 'if-range': etag });
    assert.equal(rest.statusCode, 206);
    assert.deepEqual(Buffer.concat([bytes.subarray(0, 1000), rest.rawPayload]), bytes);
    assert.deepEqual((await part({ range: 'bytes=-10' })).rawPayload, bytes.subarray(bytes.length - 10));

    const other = await part({ range: 'bytes=1000-', 'if-range': '"an-older-file"' });
    assert.equal(other.statusCode, 200);
    assert.deepEqual(other.rawPayload, bytes);
    const several = await part({ range: 'bytes=0-1,5-6' });
    assert.equal(several.statusCode, 200);
    assert.equal(several.rawPayload.length, bytes.length);

    const head = await app.inject({ method: 'HEAD', url: '/downloads/jsonld', headers: { range: 'bytes=100-199' } });
    assert.equal(head.statusCode, 206);
    assert.equal(head.headers['content-range'], `bytes 100-199/${bytes.length}`);
    assert.equal(Number(head.headers['content-length']), 100);
    assert.equal(head.rawPayload.length, 0);

    const past = await part({ range: `bytes=${bytes.length}-` });
    assert.equal(past.statusCode, 416);
    assert.equal(past.headers['content-range'], `bytes */${bytes.length}`);
    assert.equal(past.rawPayload.length, 0);
  });

  it('serves the Atom feed at /feed.atom with links into the site', async () => {
    const res = await app.inject('/feed.atom');
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assert.match(res.body, /<link rel="self" type="application\/atom\+xml" href="https:\/\/example.jp\/koryu\/feed.atom"\/>/);
    assert.match(res.body, /<id>https:\/\/example.jp\/koryu\/events\/\d+<\/id>/);
  });

  it('makes the feed and a partnership’s downloads each from one snapshot of the store, and keeps the feed', async () => {
    let snapshots = 0;
    const counted: Store = { ...store, snapshot: (fn) => (snapshots++, store.snapshot(fn)) };
    const spied = await buildApp({ store: counted, home: '金沢市', licence, siteUrl: 'https://example.jp/koryu/' });
    try {
      for (const path of ['/feed.atom', `${partnershipPath}/downloads/json`, `${partnershipPath}/downloads/csv`]) {
        const before = snapshots;
        assert.equal((await spied.inject(path)).statusCode, 200, path);
        assert.equal(snapshots - before, 1, path);
      }
      // The feed is kept while the store is unchanged: asked again, it is not read again.
      const before = snapshots;
      assert.equal((await spied.inject('/feed.atom')).statusCode, 200);
      assert.equal(snapshots, before, 'the kept feed');
    } finally {
      await spied.close();
    }
  });

  it('shows a correction of a published event in the feed: the entry and the feed are updated, its kept feed made again', async () => {
    let snapshots = 0;
    const counted: Store = { ...store, snapshot: (fn) => (snapshots++, store.snapshot(fn)) };
    const spied = await buildApp({ store: counted, home: '金沢市', licence, siteUrl: 'https://example.jp/koryu/' });
    try {
      const entryOf = (feed: string, id: number) => new RegExp(`<entry>\\s*<id>https://example.jp/koryu/events/${id}</id>[\\s\\S]*?</entry>`).exec(feed)?.[0] ?? '';
      const timeOf = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)![1]!;
      const before = (await spied.inject('/feed.atom')).body;
      const id = Number(/<id>https:\/\/example.jp\/koryu\/events\/(\d+)<\/id>/.exec(before)![1]);
      const entry = entryOf(before, id);
      assert.equal(timeOf(entry, 'updated'), timeOf(entry, 'published'));
      const read = snapshots;
      const event = await getItem(store, 'event', id);
      const edited = await editItem(store, 'event', id, { text: `${event.text}（訂正）` }, event.version, { name: 'sato' });
      const after = (await spied.inject('/feed.atom')).body;
      assert.equal(snapshots, read + 1, 'the feed kept before the edit is made again');
      const corrected = entryOf(after, id);
      assert.match(corrected, /（訂正）/);
      assert.equal(timeOf(corrected, 'published'), timeOf(entry, 'published'), 'published stays the first publication');
      assert.equal(timeOf(corrected, 'updated'), edited.updatedAt);
      assert.ok(edited.updatedAt > timeOf(entry, 'published'));
      assert.equal(/^ {2}<updated>(.*)<\/updated>$/m.exec(after)![1], edited.updatedAt, 'the feed is updated when its newest entry was');
      assert.notEqual(/^ {2}<updated>(.*)<\/updated>$/m.exec(before)![1], edited.updatedAt);
    } finally {
      await spied.close();
    }
  });

  it('answers an unknown format or partnership with 404', async () => {
    assert.equal((await app.inject('/downloads/yaml')).statusCode, 404);
    assert.equal((await app.inject('/partnerships/99999/downloads/csv')).statusCode, 404);
  });
});
