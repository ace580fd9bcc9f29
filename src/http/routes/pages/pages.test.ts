import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { DIRECTIONS } from '../../../domain/direction.js';
import { defaultAttribution, LICENCE_PRESETS } from '../../../domain/licence.js';
import { exportRecord, listPartnerships } from '../../../services/record.service.js';
import { importDocuments } from '../../../services/import.service.js';
import type { StoredPartnership } from '../../../domain/partnership.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
/** The day after Dalian's 20th anniversary, at noon in Tokyo. */
const NOW = new Date('2026-11-25T12:00:00+09:00');
const MAX_PAGE_BYTES = 100 * 1024;

const eventAnchors = (html: string) => [...html.matchAll(/<li id="e(\d+)">/g)].map((m) => Number(m[1]));
const htmlLang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];

describeOnEachStore('the home, partnership and event pages', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dalian: StoredPartnership;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', now: () => NOW });
    const [found] = await listPartnerships(store, { partner: '大連市' });
    assert.ok(found);
    dalian = found;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  describe('languages', () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/', {}, 'ja'],
      ['/ja/', {}, 'ja'],
      ['/en/', {}, 'en'],
      ['/zh/', {}, 'zh-Hans'],
      ['/', { 'accept-language': 'en-US,en;q=0.9' }, 'en'],
      ['/', { 'accept-language': 'zh-CN,zh;q=0.9' }, 'zh-Hans'],
    ];
    for (const [path, headers, lang] of cases) {
      it(`answers ${path} ${headers['accept-language'] ?? ''} in ${lang}, on every page`, async () => {
        const prefix = path === '/' ? '' : path.slice(0, -1);
        for (const page of ['/', `/partnerships/${dalian.id}`, `/events/${dalian.events[0]!.id}`]) {
          const res = await app.inject({ url: `${prefix}${page}`, headers });
          assert.equal(res.statusCode, 200, page);
          assert.equal(htmlLang(res.body), lang, page);
          assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1, `one h1 on ${page}`);
          if (prefix === '') assert.match(String(res.headers.vary), /accept-language/i);
        }
      });
    }

    it('marks Japanese data as Japanese on the English and Chinese pages, and not on the Japanese ones', async () => {
      for (const l of ['en', 'zh']) {
        const home = await app.inject(`/${l}/`);
        assert.match(home.body, /<span lang="ja">大連市<\/span>/);
        assert.match(home.body, /<span lang="ja">友好交流都市<\/span>/);
        assert.match(home.body, /<span class="era" lang="ja">\(平成18年\)<\/span>/);
        const timeline = await app.inject(`/${l}/partnerships/${dalian.id}`);
        assert.match(timeline.body, new RegExp(`<a href="/${l}/events/${dalian.events[0]!.id}" lang="ja">市英語教育研修参加派遣団が訪問</a>`));
        assert.match(timeline.body, /<span class="era" lang="ja">\(平成31年\/令和元年\)<\/span>/);
        const event = await app.inject(`/${l}/events/${dalian.events[0]!.id}`);
        assert.match(event.body, /<h1 lang="ja">市英語教育研修参加派遣団が訪問<\/h1>/);
      }
      const ja = await app.inject(`/partnerships/${dalian.id}`);
      const main = /<main[\s\S]*<\/main>/.exec(ja.body)?.[0] ?? '';
      assert.ok(main.length > 0 && !main.includes('lang="ja"'), 'no lang="ja" inside the Japanese page');
    });

    it('marks the home city’s name in the site header and footer, and the Japanese credit line, as Japanese on the English and Chinese pages', async () => {
      const licensed = await buildApp({ store, home: '金沢市', now: () => NOW, licence: { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: defaultAttribution('金沢市') } });
      try {
        const frame = (html: string) => ({
          brand: /<a class="brand" href="[^"]*">(.*?)<\/a>/.exec(html)?.[1],
          footer: /<footer class="site-footer"><div class="bar">(.*?)<p class="licence">(.*?)　/.exec(html)?.slice(1, 3),
        });
        for (const page of ['/', `/partnerships/${dalian.id}`, `/events/${dalian.events[0]!.id}`]) {
          assert.deepEqual(frame((await licensed.inject(`/en${page}`)).body), {
            brand: '<span lang="ja">金沢市</span> International Exchange Record',
            footer: ['International exchange record of <span lang="ja">金沢市</span>', 'Source: <span lang="ja">金沢市 国際交流の記録</span>'],
          }, page);
          assert.deepEqual(frame((await licensed.inject(`/zh${page}`)).body), {
            brand: '<span lang="ja">金沢市</span> 国际交流记录',
            footer: ['<span lang="ja">金沢市</span> 国际交流记录', '来源：<span lang="ja">金沢市 国際交流の記録</span>'],
          }, page);
          assert.deepEqual(frame((await licensed.inject(page)).body), { brand: '金沢市 国際交流の記録', footer: ['金沢市 国際交流の記録', '出典：金沢市 国際交流の記録'] }, page);
        }
      } finally {
        await licensed.close();
      }
    });
  });

  describe('home', () => {
    it('shows the partner city as a card with its affiliation in 西暦 and 和暦, span, counts and the just-passed anniversary', async () => {
      const res = await app.inject('/');
      assert.match(res.body, new RegExp(`<h2><a href="/partnerships/${dalian.id}">友好交流都市 大連市</a></h2>`));
      assert.match(res.body, /<time datetime="2006-11-24">2006年11月24日<\/time> <span class="era">\(平成18年\)<\/span>/);
      assert.match(res.body, /2006年〜2023年（18年間のうち17年に交流）/);
      const count = (d: string) => dalian.events.filter((e) => e.direction === d).length;
      assert.match(res.body, new RegExp(`派遣 ${count('dispatch')}件`));
      assert.match(res.body, new RegExp(`受入 ${count('reception')}件`));
      assert.match(res.body, /<time datetime="2026-11-24">2026年11月24日<\/time>に提携20周年（昨日）/);
    });

    it('says the anniversary in English and Chinese', async () => {
      const en = await app.inject('/en/');
      assert.match(en.body, /20th anniversary on <time datetime="2026-11-24">24 Nov 2026<\/time> \(yesterday\)/);
      assert.match(en.body, /<time datetime="2006-11-24">24 Nov 2006<\/time> <span class="era" lang="ja">\(平成18年\)<\/span>/);
      assert.match(en.body, new RegExp(`href="/en/partnerships/${dalian.id}"`));
      const zh = await app.inject('/zh/');
      assert.match(zh.body, /<time datetime="2026-11-24">2026年11月24日<\/time>缔结20周年（昨天）/);
    });

    it('shows the next anniversary when the last one is long past', async () => {
      const later = await buildApp({ store, home: '金沢市', now: () => new Date('2027-03-01T09:00:00+09:00') });
      try {
        const res = await later.inject('/en/');
        assert.match(res.body, /25th anniversary on <time datetime="2031-11-24">24 Nov 2031<\/time> \(in 1,729 days\)/);
        assert.match((await later.inject('/ja/')).body, /<time datetime="2031-11-24">2031年11月24日<\/time>に提携25周年（1,729日後）/, 'no space before 日');
      } finally {
        await later.close();
      }
    });
  });

  describe('partnership', () => {
    it('shows every event once with its anchor and link, every year with an id, and the no-exchange year', async () => {
      const res = await app.inject(`/partnerships/${dalian.id}`);
      const anchors = eventAnchors(res.body);
      assert.equal(anchors.length, 60);
      assert.deepEqual([...anchors].sort((a, b) => a - b), dalian.events.map((e) => e.id).sort((a, b) => a - b));
      for (const e of dalian.events) assert.ok(res.body.includes(`<li id="e${e.id}"><a href="/events/${e.id}">`), `event ${e.id} links to its page`);
      for (let y = 2006; y <= 2023; y++) assert.match(res.body, new RegExp(`<tr id="y${y}">`));
      assert.match(res.body, /<tr id="y2021"><th scope="row">2021年 <span class="era">\(令和3年\)<\/span><\/th><td>—<\/td><td>交流なし<\/td><\/tr>/);
      assert.match(res.body, /<p>友好交流都市提携：<time datetime="2006-11-24">2006年11月24日<\/time> <span class="era">\(平成18年\)<\/span><\/p>/);
      for (const r of dalian.records) assert.match(res.body, new RegExp(`<tr id="r${r.id}">`));
    });

    it('links its print view and its PDF in the reader\'s language, in a navigation hidden in print', async () => {
      const labels = { ja: ['印刷用ページ', 'PDF（A4）'], en: ['Print view', 'PDF (A4)'], zh: ['打印版页面', 'PDF（A4）'] } as const;
      for (const [locale, [print, pdf]] of Object.entries(labels)) {
        const base = `/${locale}/partnerships/${dalian.id}`;
        const res = await app.inject(base);
        const nav = /<nav class="print-links no-print" aria-label="[^"]+">[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? '';
        assert.ok(nav.includes(`<a href="${base}/print">${print}</a>`), `${locale}: ${nav}`);
        assert.ok(nav.includes(`<a href="${base}.pdf" type="application/pdf" download>${pdf}</a>`), `${locale}: ${nav}`);
        assert.equal((await app.inject(`${base}/print`)).statusCode, 200);
      }
      assert.match((await app.inject(`/partnerships/${dalian.id}`)).body, new RegExp(`<a href="/partnerships/${dalian.id}/print">印刷用ページ</a>`));
    });

    it('filters by year range and direction on the server, and keeps the values in the form', async () => {
      const res = await app.inject(`/partnerships/${dalian.id}?from=2017&to=2018&direction=reception`);
      assert.equal(res.statusCode, 200);
      const expected = dalian.events.filter((e) => e.year >= 2017 && e.year <= 2018 && e.direction === 'reception').map((e) => e.id);
      assert.equal(expected.length, 7);
      assert.deepEqual(eventAnchors(res.body), expected);
      assert.match(res.body, /<option value="2017" selected>2017<\/option>/);
      assert.match(res.body, /<option value="2018" selected>2018<\/option>/);
      assert.match(res.body, /<input type="checkbox" name="direction" value="reception" checked\/>/);
      assert.doesNotMatch(res.body, /value="dispatch" checked/);
      assert.doesNotMatch(res.body, /<tr id="y2016">|<tr id="y2019">/);
      // The chart and its table follow the filter.
      assert.match(res.body, /<tfoot><tr><th scope="row">計<\/th><td>7<\/td><td>7<\/td><\/tr><\/tfoot>/);
      assert.doesNotMatch(chartOf(res.body), />派遣</);
    });

    it('says how many exchanges it shows, in the singular for one in English', async () => {
      const one = await app.inject(`/en/partnerships/${dalian.id}?from=2006&to=2006&direction=dispatch`);
      assert.match(one.body, /<p class="showing">Showing 1 exchange in 2006\.<\/p>/);
      assert.match((await app.inject(`/en/partnerships/${dalian.id}`)).body, /<p class="showing">Showing 60 exchanges from 2006 to 2023\.<\/p>/);
    });

    it('names the one year of a one-year span ("in 2010", not "from 2010 to 2010") in every language', async () => {
      const n = dalian.events.filter((e) => e.year === 2017).length;
      assert.ok(n > 1);
      const page = async (locale: string) => (await app.inject(`/${locale}/partnerships/${dalian.id}?from=2017&to=2017`)).body;
      assert.match(await page('en'), new RegExp(`<p class="showing">Showing ${n} exchanges in 2017\\.</p>`));
      assert.match(await page('ja'), new RegExp(`<p class="showing">2017年、${n}件の交流を表示しています。</p>`));
      assert.match(await page('zh'), new RegExp(`<p class="showing">显示2017年的${n}项交流。</p>`));
    });

    it('words the text download and the timeline caption in the page’s language', async () => {
      const zh = (await app.inject(`/zh/partnerships/${dalian.id}`)).body;
      assert.match(zh, /<caption>各年交流（派遣、接待、相互、未分类）<\/caption>/);
      assert.match(zh, /download>文本<\/a>/);
      assert.match((await app.inject(`/ja/partnerships/${dalian.id}`)).body, /download>テキスト<\/a>/);
      assert.match((await app.inject(`/en/partnerships/${dalian.id}`)).body, /download>Text<\/a>/);
      assert.doesNotMatch((await app.inject('/zh/')).body, /download>text<\/a>/);
    });

    it('takes several directions, swaps a reversed range and ignores values that are not years or directions', async () => {
      const both = await app.inject(`/partnerships/${dalian.id}?from=2020&to=2006&direction=unknown&direction=dispatch&direction=bogus`);
      const expected = dalian.events.filter((e) => e.year <= 2020 && (e.direction === 'dispatch' || e.direction === 'unknown'));
      assert.equal(eventAnchors(both.body).length, expected.length);
      const junk = await app.inject(`/partnerships/${dalian.id}?from=%3Cscript%3E&to=1e9&direction=%22`);
      assert.equal(junk.statusCode, 200);
      assert.equal(eventAnchors(junk.body).length, 60);
      assert.ok(!junk.body.includes('<script'));
      const none = await app.inject(`/partnerships/${dalian.id}?from=2021&to=2021`);
      assert.equal(eventAnchors(none.body).length, 0);
      assert.match(none.body, /表示する交流がありません。/);
    });

    it('draws the events per year as server-side SVG with one series per direction, and the same numbers as a table', async () => {
      const res = await app.inject(`/partnerships/${dalian.id}`);
      const chart = chartOf(res.body);
      assert.match(res.body, /<div class="chart-figure" role="img" aria-label="2006年から2023年までの[^"]*合計60件[^"]*"><svg /);
      assert.match(chart, /font-family="Noto Sans CJK JP"/);
      assert.doesNotMatch(chart, /style=|<style|<script|\son\w+=/i);
      const seriesCount = new Set([...chart.matchAll(/<path d="M[\d.]+ [\d.]+l[^"]*Z" fill="(#[0-9a-f]{6})"\/>/gi)].map((m) => m[1])).size;
      assert.equal(seriesCount, 3, 'dispatch, reception and unknown (no mutual event)');
      for (const label of ['派遣', '受入', '区分なし']) assert.match(chart, new RegExp(`>${label}</text>`));
      assert.doesNotMatch(chart, />相互</);

      const table = /<table class="chart-table">[\s\S]*?<\/table>/.exec(res.body)?.[0] ?? '';
      for (let year = 2006; year <= 2023; year++) {
        const counts = ['dispatch', 'reception', 'unknown'].map((d) => dalian.events.filter((e) => e.year === year && e.direction === d).length);
        const total = dalian.events.filter((e) => e.year === year).length;
        assert.ok(table.includes(`<tr><th scope="row">${year}</th>${[...counts, total].map((n) => `<td>${n}</td>`).join('')}</tr>`), `row ${year}`);
      }
      const totals = ['dispatch', 'reception', 'unknown'].map((d) => dalian.events.filter((e) => e.direction === d).length);
      assert.ok(table.includes(`<tfoot><tr><th scope="row">計</th>${[...totals, 60].map((n) => `<td>${n}</td>`).join('')}</tr></tfoot>`));
      assert.match(table, /<caption>/);
      assert.match(res.body, /<div class="scroll-x" role="region" tabindex="0" aria-label="年ごとの交流件数（区分別）"><table class="chart-table">/, 'the table scrolls within itself, reachable by keyboard');
      const en = await app.inject(`/en/partnerships/${dalian.id}`);
      assert.match(en.body, /<div class="scroll-x" role="region" tabindex="0" aria-label="[^"]+"><table class="chart-table">/);
      for (const label of ['Dispatch', 'Reception', 'Unspecified']) assert.match(chartOf(en.body), new RegExp(`>${label}</text>`));
    });

    it('has labelled form controls, table captions and header scopes', async () => {
      const res = await app.inject(`/en/partnerships/${dalian.id}`);
      for (const id of ['f-from', 'f-to']) assert.match(res.body, new RegExp(`<label for="${id}">`));
      assert.match(res.body, /<fieldset><legend>Direction<\/legend>/);
      assert.equal((res.body.match(/<table/g) ?? []).length, (res.body.match(/<caption>/g) ?? []).length);
      assert.doesNotMatch(res.body.replace(/<svg[\s\S]*?<\/svg>/g, ''), /<th(?![^>]*scope=)[ >]/);
      assert.doesNotMatch(res.body, /\sstyle=|<style|<script/);
    });

    it('answers 404 for an unknown or malformed partnership id', async () => {
      for (const url of ['/partnerships/999999', '/en/partnerships/abc', '/partnerships/1e3']) {
        const res = await app.inject(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /^PartnershipNotFound/);
      }
    });

    it('gives each partnership one address: an id written with a leading zero is not found', async () => {
      for (const tail of ['', '/print', '/agreements', '/insights', '/downloads/csv']) {
        assert.equal((await app.inject(`/partnerships/${dalian.id}${tail}`)).statusCode, 200, tail);
        const res = await app.inject(`/partnerships/0${dalian.id}${tail}`);
        assert.equal(res.statusCode, 404, tail);
      }
      const event = dalian.events[0]!.id;
      assert.equal((await app.inject(`/events/${event}`)).statusCode, 200);
      assert.equal((await app.inject(`/events/0${event}`)).statusCode, 404);
    });
  });

  describe('event', () => {
    it('shows the event with its partnership, year, direction, source line and neighbours', async () => {
      const e = dalian.events[2]!;
      const res = await app.inject(`/events/${e.id}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】<\/h1>/);
      assert.ok(res.body.includes(`<a href="/partnerships/${dalian.id}#e${e.id}">`));
      assert.match(res.body, /2006年 <span class="era">\(平成18年\)<\/span>/);
      assert.match(res.body, /<dd class="dir-reception">受入<\/dd>/);
      assert.ok(res.body.includes(`<dt>出典</dt><dd>金沢市が公開している交流の年表（原文の${e.line}行目）</dd>`), 'the source a reader can look up');
      assert.ok(res.body.includes(`<a href="/events/${dalian.events[1]!.id}" rel="prev">`));
      assert.ok(res.body.includes(`<a href="/events/${dalian.events[3]!.id}" rel="next">`));
      const en = await app.inject(`/en/events/${e.id}`);
      assert.ok(en.body.includes(`<dt>Source</dt><dd>the exchange timeline <span lang="ja">金沢市</span> publishes (line ${e.line} of the original)</dd>`));
      assert.ok((await app.inject(`/zh/events/${e.id}`)).body.includes(`<span lang="ja">金沢市</span>公开的交流年表（原文第${e.line}行）`));
      assert.doesNotMatch(en.body, /imported document/);
      assert.ok(en.body.includes(`<a href="/en/partnerships/${dalian.id}#e${e.id}">`));
    });

    it('has no previous event for the first and no next for the last', async () => {
      const first = await app.inject(`/events/${dalian.events[0]!.id}`);
      assert.doesNotMatch(first.body, /rel="prev"/);
      assert.match(first.body, /これが最初の交流です。/);
      const last = await app.inject(`/zh/events/${dalian.events[59]!.id}`);
      assert.doesNotMatch(last.body, /rel="next"/);
      assert.match(last.body, /这是最新的交流。/);
    });

    it('answers 404 EventNotFound for an unknown or malformed id', async () => {
      for (const url of ['/events/999999', '/en/events/abc', '/events/0', '/events/-1']) {
        const res = await app.inject(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /^EventNotFound/);
      }
    });
  });

  it('keeps every page of the seed well under 100 KB', async () => {
    for (const l of ['', '/en', '/zh']) {
      for (const page of ['/', `/partnerships/${dalian.id}`, `/events/${dalian.events[0]!.id}`]) {
        const res = await app.inject(`${l}${page}`);
        assert.ok(Buffer.byteLength(res.body) < MAX_PAGE_BYTES, `${l}${page}: ${Buffer.byteLength(res.body)} bytes`);
      }
    }
  });
});

describeOnEachStore('pages with data imported through koryu/1', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openFresh();
    const doc = {
      format: 'koryu/1',
      partnerships: [
        {
          partner: '<b>テスト市</b>',
          kind: '姉妹都市"><script>',
          affiliatedOn: '2004-02-29',
          events: [
            { year: 2001, direction: 'dispatch', text: '<script>alert(1)</script>が訪問', date: '2001-05-03' },
            { year: 2003, direction: 'mutual', text: '相互訪問 & "交流"' },
          ],
          records: [{ year: 2003, caption: '<img src=x onerror=alert(1)>写真', event: 1 }],
        },
      ],
    };
    await importDocuments(store, [{ name: 'x.json', bytes: Buffer.from(JSON.stringify(doc)) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', now: () => new Date('2024-02-29T00:00:00+09:00') });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('escapes markup in texts, names and captions on every page', async () => {
    const [p] = await listPartnerships(store);
    assert.ok(p);
    for (const l of ['', '/en']) {
      const urls: string[] = [`${l}/`, `${l}/partnerships/${p.id}`, `${l}/events/${p.events[0]!.id}`, `${l}/events/${p.events[1]!.id}`];
      for (const url of urls) {
        const res = await app.inject({ url });
        assert.equal(res.statusCode, 200, url);
        assert.ok(!res.body.includes('<script'), url);
        assert.ok(!res.body.includes('<b>'), url);
        assert.ok(!res.body.includes('<img'), url);
      }
    }
    const timeline = await app.inject(`/partnerships/${p.id}`);
    assert.match(timeline.body, /&lt;script>alert\(1\)&lt;\/script>が訪問/);
    assert.match(timeline.body, /相互訪問 &amp; (&quot;|")交流(&quot;|")/);
    // The caption links to the event it shows; the event page lists the caption.
    assert.match(timeline.body, new RegExp(`<tr id="r${p.records[0]!.id}">.*?<a href="/events/${p.events[1]!.id}">&lt;img src=x onerror=alert\\(1\\)>写真</a>`));
    const event = await app.inject(`/events/${p.events[1]!.id}`);
    assert.ok(event.body.includes(`<a href="/partnerships/${p.id}#r${p.records[0]!.id}">&lt;img src=x onerror=alert(1)>写真</a>`));
    assert.match(event.body, /<dd class="dir-mutual">相互<\/dd>/);
    assert.match(event.body, /<dd>金沢市の職員による入力（公開文書からの取り込みではありません）<\/dd>/);
    const dated = await app.inject(`/en/events/${p.events[0]!.id}`);
    assert.match(dated.body, /<time datetime="2001-05-03">3 May 2001<\/time> <span class="era" lang="ja">\(平成13年\)<\/span>/);
  });

  it('celebrates a 29 February affiliation on its day in a leap year', async () => {
    const res = await app.inject('/en/');
    assert.match(res.body, /20th anniversary on <time datetime="2024-02-29">29 Feb 2024<\/time> \(today\)/);
  });

  it('exports the same record it shows', async () => {
    const json = JSON.parse(await exportRecord(store, 'json'));
    assert.equal(json.partnerships[0].events.length, 2);
    assert.ok(DIRECTIONS.includes(json.partnerships[0].events[1].direction));
  });
});

/** The chart's SVG markup on a partnership page. */
function chartOf(html: string): string {
  return /<svg [\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
}
