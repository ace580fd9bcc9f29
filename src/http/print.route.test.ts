import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { defaultAttribution, LICENCE_PRESETS } from '../domain/licence.js';
import { importDocuments } from '../services/import.service.js';
import type { Store } from '../storage/database.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';
import type { PdfRenderer } from './pdf-renderer.js';
import { inlineStyleSheet } from './routes/pages/print.route.js';

const seed = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));

describe('the print view and its PDF (in process)', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let noPdf: Awaited<ReturnType<typeof buildApp>>;
  const rendered: { html: string; baseUrl: string }[] = [];
  const fakePdf: PdfRenderer = {
    async render(html, baseUrl) {
      rendered.push({ html, baseUrl });
      return Buffer.from('%PDF-1.4 fake');
    },
    async close() {},
  };
  before(async () => {
    store = await openSqliteStore(':memory:');
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', pdf: fakePdf, licence: { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: defaultAttribution('金沢市') } });
    noPdf = await buildApp({ store, home: '金沢市' });
  });
  after(async () => {
    await app?.close();
    await noPdf?.close();
    await store?.close();
  });

  it('reproduces the title block, both parts, one event per line and the no-exchange year, without the site frame', async () => {
    const res = await app.inject('/partnerships/1/print');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ja">/);
    assert.match(res.body, /<h1>友好交流都市大連市との歩み<\/h1>/);
    assert.match(res.body, /友好交流都市提携：2006年（平成18年）11月24日/);
    assert.match(res.body, /<h2 id="part-timeline">交流年表<\/h2>/);
    assert.match(res.body, /class="print-part page-break"[^>]*><h2 id="part-records">交流の記録<\/h2>/);
    assert.equal((res.body.match(/<ul class="print-events">/g) ?? []).length > 0, true);
    const events = res.body.match(/<ul class="print-events">[\s\S]*?<\/ul>/g)?.join('').match(/<li>/g) ?? [];
    assert.equal(events.length, 60);
    assert.match(res.body, /2021年 <span class="era">\(令和3年\)<\/span><\/th><td><span aria-hidden="true">—<\/span>/);
    assert.doesNotMatch(res.body, /site-header|site-footer|role="search"/);
    assert.match(res.body, /href="\/partnerships\/1\.pdf"/);
  });

  it('labels the interface in English and Chinese and marks the Japanese record as Japanese', async () => {
    const en = await app.inject('/en/partnerships/1/print');
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Exchange timeline/);
    assert.match(en.body, /Affiliated on 24 November 2006/);
    assert.match(en.body, /<span lang="ja">市英語教育研修参加派遣団が訪問<\/span>/);
    const zh = await app.inject('/zh/partnerships/1/print');
    assert.match(zh.body, /<html lang="zh-Hans">/);
    assert.match(zh.body, /交流记录/);
    assert.match(zh.body, /href="\/zh\/partnerships\/1\.pdf"/);
  });

  it('heads the English and Chinese print views in their language, with the document’s Japanese title beneath', async () => {
    const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
    const en = (await app.inject('/en/partnerships/1/print')).body;
    assert.match(en, /<h1>Exchanges with <span lang="ja">大連市<\/span> \(<span lang="ja">友好交流都市<\/span>, friendship-exchange city\)<\/h1><p class="print-original" lang="ja">友好交流都市大連市との歩み<\/p>/);
    assert.equal(title(en), 'Exchanges with 大連市 (友好交流都市, friendship-exchange city) (print) | 金沢市 International Exchange Record');
    const zh = (await app.inject('/zh/partnerships/1/print')).body;
    assert.match(zh, /<h1>与<span lang="ja">大連市<\/span>（<span lang="ja">友好交流都市<\/span>，友好交流城市）的交流历程<\/h1><p class="print-original" lang="ja">友好交流都市大連市との歩み<\/p>/);
    assert.equal(title(zh), '与大連市（友好交流都市，友好交流城市）的交流历程（打印版） | 金沢市 国际交流记录');
    const ja = (await app.inject('/partnerships/1/print')).body;
    assert.doesNotMatch(ja, /print-original/, 'the Japanese heading is the document’s title');
    assert.equal(title(ja), '友好交流都市大連市との歩み（印刷用） | 金沢市 国際交流の記録');
  });

  it('names the PDF for its language, and gives the renderer the heading and title of that language', async () => {
    const filename = (res: { headers: Record<string, unknown> }) => decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(String(res.headers['content-disposition']))?.[1] ?? '');
    assert.equal(filename(await app.inject('/partnerships/1.pdf')), '友好交流都市大連市との歩み.pdf');
    assert.equal(filename(await app.inject('/zh/partnerships/1.pdf')), '友好交流都市大連市との歩み-zh.pdf');
    assert.match(rendered.at(-1)!.html, /<title>与大連市（友好交流都市，友好交流城市）的交流历程（打印版） \| /);
    assert.equal(filename(await app.inject('/en/partnerships/1.pdf')), '友好交流都市大連市との歩み-en.pdf');
    assert.match(rendered.at(-1)!.html, /<h1>Exchanges with <span lang="ja">大連市<\/span>/);
  });

  it('titles the yearbook with its cover’s title, without “(print)”', async () => {
    const title = () => /<title>([^<]*)<\/title>/.exec(rendered.at(-1)!.html)?.[1];
    assert.equal((await app.inject('/en/partnerships/1/yearbook.pdf')).statusCode, 200);
    assert.equal(title(), 'The exchanges of 金沢市 and 大連市 in timeline and photographs | 金沢市 International Exchange Record');
    assert.equal((await app.inject('/partnerships/1/yearbook.pdf')).statusCode, 200);
    assert.equal(title(), '年表と写真で見る金沢市と大連市の交流の歩み | 金沢市 国際交流の記録');
  });

  it('credits the source and names the licence in each language, as the yearbook’s cover does, on the page and in the PDF', async () => {
    const source = (html: string) => /<div class="print-source">([\s\S]*?)<\/div>/.exec(html)?.[1];
    assert.equal(
      source((await app.inject('/partnerships/1/print')).body),
      '<p>発行：金沢市 国際交流の記録</p><p>利用条件：クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0) https://creativecommons.org/licenses/by/4.0/deed.ja</p>',
    );
    const en = '<p>Published by <span lang="ja">金沢市 国際交流の記録</span></p><p>Terms of use: Creative Commons Attribution 4.0 International (CC BY 4.0) https://creativecommons.org/licenses/by/4.0/deed.en</p>';
    assert.equal(source((await app.inject('/en/partnerships/1/print')).body), en);
    assert.equal((await app.inject('/en/partnerships/1.pdf')).statusCode, 200);
    assert.equal(source(rendered.at(-1)!.html), en);
    assert.equal(
      source((await app.inject('/zh/partnerships/1/print')).body),
      '<p>发行：<span lang="ja">金沢市 国際交流の記録</span></p><p>使用条件：知识共享 署名 4.0 国际 (CC BY 4.0) https://creativecommons.org/licenses/by/4.0/deed.zh-hans</p>',
    );
    assert.equal((await app.inject('/en/partnerships/1/yearbook.pdf')).statusCode, 200);
    assert.equal(rendered.at(-1)!.html.split('Published by').length - 1, 1, 'the yearbook credits once, on its cover');
    assert.equal(source((await noPdf.inject('/partnerships/1/print')).body), undefined, 'no line where no licence is set');
  });

  it('marks the home city’s name and the Japanese credit line as Japanese in the English and Chinese print views and yearbooks', async () => {
    const en = (await app.inject('/en/partnerships/1/print')).body;
    assert.match(en, /<p class="print-home">Home city: <span lang="ja">金沢市<\/span><\/p>/);
    assert.match(en, /<p>Published by <span lang="ja">金沢市 国際交流の記録<\/span><\/p>/);
    assert.match((await app.inject('/zh/partnerships/1/print')).body, /<p class="print-home"><span lang="ja">金沢市<\/span><\/p>/);
    assert.match((await app.inject('/partnerships/1/print')).body, /<p class="print-home">金沢市<\/p>[\s\S]*<p>発行：金沢市 国際交流の記録<\/p>/);
    assert.equal((await app.inject('/en/partnerships/1/yearbook.pdf')).statusCode, 200);
    const cover = /<section class="yearbook-cover"[\s\S]*?<\/section>/.exec(rendered.at(-1)!.html)?.[0] ?? '';
    assert.match(cover, /<h1 id="yearbook-title">The exchanges of <span lang="ja">金沢市<\/span> and <span lang="ja">大連市<\/span> in timeline and photographs<\/h1>/);
    assert.match(cover, /<p class="yearbook-kind"><span lang="ja">友好交流都市<\/span> \(friendship-exchange city\)<\/p>/);
    assert.match(cover, /<p>Published by <span lang="ja">金沢市 国際交流の記録<\/span><\/p>/);
  });

  it('names the partnership’s own home city, not the site’s, on the print view, the yearbook and its file name', async () => {
    await importDocuments(store, [{ name: 'toyama-dalian.txt', bytes: seed, home: '富山市' }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const toyama = await store.db.selectFrom('partnerships').select('id').where('home', '=', '富山市').executeTakeFirstOrThrow();
    const ja = (await app.inject(`/partnerships/${toyama.id}/print`)).body;
    assert.match(ja, /<p class="print-home">富山市<\/p>/);
    assert.match(ja, /<p>発行：金沢市 国際交流の記録<\/p>/, 'the site still publishes it');
    assert.match((await app.inject(`/en/partnerships/${toyama.id}/print`)).body, /<p class="print-home">Home city: <span lang="ja">富山市<\/span><\/p>/);
    const pdf = await app.inject(`/partnerships/${toyama.id}/yearbook.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.match(decodeURIComponent(String(pdf.headers['content-disposition'])), /年表と写真で見る富山市と大連市の交流の歩み_ja\.pdf/);
    const cover = /<section class="yearbook-cover"[\s\S]*?<\/section>/.exec(rendered.at(-1)!.html)?.[0] ?? '';
    assert.match(cover, /<h1 id="yearbook-title">年表と写真で見る富山市と大連市の交流の歩み<\/h1>/);
    assert.doesNotMatch((await app.inject(`/partnerships/${toyama.id}/print`)).body, /class="print-home">金沢市/);
  });

  it('answers 404 for an unknown partnership, on the print view and the PDF', async () => {
    assert.equal((await app.inject('/partnerships/999/print')).statusCode, 404);
    assert.equal((await app.inject('/partnerships/999.pdf')).statusCode, 404);
    assert.equal((await app.inject('/partnerships/abc.pdf')).statusCode, 404);
  });

  it('gives the renderer the print view with the style sheet inline, and answers application/pdf', async () => {
    const res = await app.inject('/en/partnerships/1.pdf');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="partnership-1-en\.pdf"; filename\*=UTF-8''/);
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const last = rendered.at(-1);
    assert.ok(last);
    assert.match(last.html, /<html lang="en">/);
    assert.match(last.html, /<style>[\s\S]*@media print/);
    assert.doesNotMatch(last.html, /<link rel="stylesheet"/);
    assert.match(last.baseUrl, /^http:\/\/127\.0\.0\.1/);
  });

  it('answers 503 PdfUnavailable when no renderer is configured', async () => {
    const res = await noPdf.inject('/partnerships/1.pdf');
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /^PdfUnavailable: /);
  });

  it('answers 503 PdfUnavailable when rendering fails', async () => {
    const broken = await buildApp({
      store,
      home: '金沢市',
      pdf: { render: () => Promise.reject(new Error('browser died')), close: async () => {} },
    });
    try {
      const res = await broken.inject('/partnerships/1.pdf');
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /^PdfUnavailable: /);
      assert.doesNotMatch(res.body, /browser died/);
    } finally {
      await broken.close();
    }
  });

  it('refuses to inline into a page that does not link the style sheet', () => {
    assert.throws(() => inlineStyleSheet('<html><head></head></html>'));
  });
});
