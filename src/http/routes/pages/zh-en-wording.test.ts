import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';
import type { PdfRenderer } from '../../pdf-renderer.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const pdf = { render: async () => Buffer.from('%PDF-1.4 test'), close: async () => {} } as unknown as PdfRenderer;

let store: Store;
let app: Awaited<ReturnType<typeof buildApp>>;
let id: number;
before(async () => {
  store = await openSqliteStore(':memory:');
  await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
  app = await buildApp({ store, home: '金沢市', pdf });
  id = (await listPartnerships(store))[0]!.id;
});
after(async () => {
  await app?.close();
  await store?.close();
});

const body = async (url: string) => (await app.inject(url)).body;

it('counts exchanges in 项 on Chinese pages, never 件', async () => {
  for (const path of ['/zh/', `/zh/partnerships/${id}`, `/zh/partnerships/${id}/insights`]) {
    const html = await body(path);
    assert.doesNotMatch(html.replace(/<span lang="ja">[^<]*<\/span>/g, ''), /\d\s*件/, path);
  }
  assert.match(await body('/zh/'), /派遣 \d+项/);
});

it('glosses the partnership’s kind on English and Chinese pages as the yearbook’s cover does', async () => {
  assert.match(await body(`/zh/partnerships/${id}`), /<h1>与<span lang="ja">友好交流都市<\/span>（友好交流城市）<span lang="ja">大連市<\/span>的交流历程<\/h1>/);
  assert.match(await body(`/en/partnerships/${id}`), /<h1>Exchanges with <span lang="ja">大連市<\/span>, <span lang="ja">友好交流都市<\/span> \(friendship-exchange city\)<\/h1>/);
  assert.match(await body('/en/'), /<span lang="ja">大連市<\/span>, <span lang="ja">友好交流都市<\/span> \(friendship-exchange city\)/, 'the home page’s card too');
  assert.match(await body('/zh/'), /<span lang="ja">友好交流都市<\/span>（友好交流城市） <span lang="ja">大連市<\/span>/);
  assert.match(await body(`/partnerships/${id}`), /<h1>友好交流都市大連市との歩み<\/h1>/, 'the Japanese page as before');
  const event = /href="(\/en\/events\/\d+)"/.exec(await body(`/en/partnerships/${id}`))![1]!;
  assert.match(await body(event), /友好交流都市<\/span> \(friendship-exchange city\)/);
});

it('names the yearbook’s file in its edition’s language', async () => {
  const name = async (locale: string) => decodeURIComponent(String((await app.inject(`/${locale}/partnerships/${id}/yearbook.pdf`)).headers['content-disposition']));
  assert.match(await name('zh'), /年表与照片中的金沢市与大連市交流历程_zh\.pdf/);
  assert.match(await name('en'), /The exchanges of 金沢市 and 大連市 in timeline and photographs_en\.pdf/);
  assert.match(await name('ja'), /年表と写真で見る金沢市と大連市の交流の歩み_ja\.pdf/);
});

it('draws a Chinese page’s charts in the simplified Chinese face, the Japanese after it', async () => {
  const zh = await body(`/zh/partnerships/${id}`);
  assert.match(zh, /font-family="Noto Sans CJK SC, Noto Sans CJK JP"/);
  assert.doesNotMatch(zh, /font-family="Noto Sans CJK JP"/);
  assert.match(await body(`/zh/partnerships/${id}/insights`), /font-family="Noto Sans CJK SC, Noto Sans CJK JP"/);
  assert.match(await body(`/partnerships/${id}`), /font-family="Noto Sans CJK JP"/);
});

it('writes the era one way on every page (the timeline’s): a space, then half-width brackets', async () => {
  const timeline = await body(`/partnerships/${id}`);
  const events = [...timeline.matchAll(/href="(\/events\/\d+)"/g)].map((m) => m[1]!).slice(0, 40);
  const pages = ['/', `/partnerships/${id}`, `/partnerships/${id}/agreements`, ...events];
  let dated = 0;
  for (const path of pages) {
    const html = await body(path);
    assert.doesNotMatch(html, /[（(](?:明治|大正|昭和|平成|令和)[^）)]*）/, `${path}: no full-width bracket`);
    if (/<\/time> <span class="era">\((?:平成|令和)\d+年\)<\/span>/.test(html)) dated++;
  }
  assert.ok(dated >= 2, `${dated} pages with a dated era`);
});
