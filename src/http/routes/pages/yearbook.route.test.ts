import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';
import type { PdfRenderer } from '../../pdf-renderer.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));

let store: Store;
let app: Awaited<ReturnType<typeof buildApp>>;
const rendered: string[] = [];
const pdf: PdfRenderer = {
  render: async (html) => {
    rendered.push(html);
    return Buffer.from('%PDF-1.4 test');
  },
  close: async () => {},
} as PdfRenderer;

before(async () => {
  store = await openSqliteStore(':memory:');
  await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
  // 16:00 in UTC is one in the morning of the next day in Japan.
  app = await buildApp({ store, home: '金沢市', pdf, now: () => new Date('2026-11-27T16:00:00Z') });
});
after(async () => {
  await app?.close();
  await store?.close();
});

it('dates the yearbook with the day in Japan, whatever the server’s clock zone', async () => {
  const id = /href="\/partnerships\/(\d+)"/.exec((await app.inject('/')).body)![1];
  const res = await app.inject(`/ja/partnerships/${id}/yearbook.pdf`);
  assert.equal(res.statusCode, 200);
  assert.equal(rendered.length, 1);
  assert.ok(rendered[0]!.includes('2026-11-28'), 'made on the 28th in Japan');
  assert.ok(!rendered[0]!.includes('2026-11-27'));
});

it('dates the affiliation on the cover in the edition’s language', async () => {
  const cover = async (locale: string) => {
    const res = await app.inject(`/${locale}/partnerships/1/yearbook.pdf`);
    assert.equal(res.statusCode, 200);
    return /<section class="yearbook-cover"[\s\S]*?<\/section>/.exec(rendered.at(-1)!)?.[0] ?? '';
  };
  assert.match(await cover('ja'), /<p>提携：2006年（平成18年）11月24日<\/p>/);
  const en = await cover('en');
  assert.match(en, /<p>Affiliated on 24 November 2006<\/p>/);
  assert.doesNotMatch(en, /2006年/);
  assert.match(await cover('zh'), /<p>缔结日期：2006年11月24日<\/p>/);
});

it('names the partnership’s own home on the cover and in the file name, not the site’s, in a store of several homes', async () => {
  const toyama = ['友好都市秦皇島市との歩み 交流年表', '', '年\t\t交流内容', '2018年 (平成30年)\t派遣\t市長が秦皇島市を訪問', ''].join('\n');
  await importDocuments(store, [{ name: 'toyama.txt', bytes: Buffer.from(toyama) }], { home: '富山市', maxDocumentBytes: 1e7 });
  const row = await store.db.selectFrom('partnerships').select('id').where('home', '=', '富山市').executeTakeFirstOrThrow();
  const res = await app.inject(`/ja/partnerships/${row.id}/yearbook.pdf`);
  assert.equal(res.statusCode, 200);
  assert.match(decodeURIComponent(String(res.headers['content-disposition'])), /年表と写真で見る富山市と秦皇島市の交流の歩み_ja\.pdf/);
  const cover = /<section class="yearbook-cover"[\s\S]*?<\/section>/.exec(rendered.at(-1)!)?.[0] ?? '';
  assert.match(cover, /<h1 id="yearbook-title">[^<]*富山市/);
  assert.doesNotMatch(cover, /金沢市/);
});
