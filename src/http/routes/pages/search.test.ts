import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import type { Direction } from '../../../domain/direction.js';
import { normalizeForSearch } from '../../../domain/search-text.js';
import { parseDocument } from '../../../importer/parse-document.js';
import { importDocuments } from '../../../services/import.service.js';
import { searchWithKnowledge } from '../../../services/knowledge.search.js';
import { listPartnerships } from '../../../services/record.service.js';
import { searchWithFacets } from '../../../services/search.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const HOME = '金沢市';

/** An event or caption of the parsed sample, with the link the search page gives it. */
interface Expected {
  href: string;
  text: string;
  year: number;
  direction: Direction | null;
  order: [number, number, string];
}

interface ShownHit {
  href: string;
  /** The text with <mark> removed and entities decoded. */
  text: string;
  marks: string[];
  /** The text outside the marks, piece by piece. */
  unmarked: string[];
  lang: string | undefined;
}

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The hits of a search page, in order. */
function hitsOf(body: string): ShownHit[] {
  return [...body.matchAll(/<li class="hit"><a class="hit-text" href="([^"]+)"(?: lang="([^"]+)")?>(.*?)<\/a>/g)].map((m) => {
    const inner = m[3]!;
    return {
      href: decode(m[1]!),
      lang: m[2],
      text: decode(inner.replace(/<\/?mark>/g, '')),
      marks: [...inner.matchAll(/<mark>(.*?)<\/mark>/g)].map((x) => decode(x[1]!)),
      unmarked: inner.split(/<mark>.*?<\/mark>/).map(decode),
    };
  });
}

/** The facet links of a page: the filter each one sets (its query parameters) and the count it shows. */
function facetLinksOf(body: string): { params: URLSearchParams; count: number; current: boolean }[] {
  const facets = /<div class="facets">([\s\S]*?)<\/aside>/.exec(body)?.[1] ?? '';
  return [...facets.matchAll(/<a href="([^"]+)"( aria-current="true")?>(.*?)<\/a>/g)].map((m) => ({
    params: new URLSearchParams(decode(m[1]!).split('?')[1]),
    count: Number(/<span class="count">（(\d+)件）<\/span>/.exec(m[3]!)?.[1]),
    current: m[2] !== undefined,
  }));
}

function relHref(body: string, rel: 'prev' | 'next'): string | undefined {
  const href = new RegExp(`<a rel="${rel}" href="([^"]+)"`).exec(body)?.[1];
  return href === undefined ? undefined : decode(href);
}

function compare(a: Expected['order'], b: Expected['order']): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

describeOnEachStore('the search page', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let items: Expected[];

  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: HOME, maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: HOME });
    const parsed = parseDocument(seed, { home: HOME });
    const stored = await listPartnerships(store);
    assert.equal(parsed.partnerships.length, 1);
    assert.equal(stored.length, 1);
    const p = parsed.partnerships[0]!;
    const s = stored[0]!;
    // The stored items are the parsed ones in the same order; the store gives them their ids.
    assert.deepEqual(
      s.events.map((e) => e.text),
      p.events.map((e) => e.text),
    );
    assert.deepEqual(
      s.records.map((r) => r.caption),
      p.records.map((r) => r.caption),
    );
    items = [
      ...p.events.map((e, i) => ({
        href: `/events/${s.events[i]!.id}`,
        text: e.text,
        year: e.year,
        direction: e.direction,
        order: [e.year, i, 'event'] as Expected['order'],
      })),
      ...p.records.map((r, i) => ({
        href: `/partnerships/${s.id}#r${s.records[i]!.id}`,
        text: r.caption,
        year: r.year,
        direction: null,
        order: [r.year, i, 'record'] as Expected['order'],
      })),
    ];
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  /** A substring scan over the parsed sample, in the order of the search. */
  function scan(query: string, keep: (item: Expected) => boolean = () => true): Expected[] {
    const q = normalizeForSearch(query);
    return items.filter((item) => normalizeForSearch(item.text).includes(q) && keep(item)).sort((a, b) => compare(a.order, b.order));
  }

  /** Every hit of a search, following the rel=next links from the first page. */
  async function allHits(url: string): Promise<{ hits: ShownHit[]; pages: string[] }> {
    const hits: ShownHit[] = [];
    const pages: string[] = [];
    for (let next: string | undefined = url; next !== undefined; ) {
      const res: { statusCode: number; body: string } = await app.inject(next);
      assert.equal(res.statusCode, 200, next);
      assert.ok(Buffer.byteLength(res.body) < 100 * 1024, `${next}: ${Buffer.byteLength(res.body)} bytes`);
      pages.push(res.body);
      hits.push(...hitsOf(res.body));
      next = relHref(res.body, 'next');
      assert.ok(pages.length < 20);
    }
    return { hits, pages };
  }

  function assertHighlighted(hits: readonly ShownHit[], query: string): void {
    const q = normalizeForSearch(query);
    for (const hit of hits) {
      assert.ok(hit.marks.length > 0, hit.text);
      for (const mark of hit.marks) assert.ok(normalizeForSearch(mark).includes(q), `${hit.text}: <mark>${mark}</mark>`);
      for (const piece of hit.unmarked) assert.ok(!normalizeForSearch(piece).includes(q), `${hit.text}: ${piece} is not marked`);
    }
  }

  for (const query of ['大連', '市']) {
    it(`finds exactly the events and captions that contain ${query}, each linked and highlighted`, async () => {
      const expected = scan(query);
      assert.ok(expected.length > 20, 'more than one page');
      const { hits, pages } = await allHits(`/search?q=${encodeURIComponent(query)}`);
      assert.deepEqual(
        hits.map((h) => [h.href, h.text]),
        expected.map((e) => [e.href, e.text]),
      );
      assertHighlighted(hits, query);
      assert.ok(hits.every((h) => h.lang === undefined), 'Japanese text on a Japanese page needs no lang');
      assert.match(pages[0]!, new RegExp(`「${query}」を含む記録が${expected.length}件見つかりました。`));
      assert.match(pages[0]!, /<input id="q" type="search" name="q" value="[^"]+"/);
      assert.match(pages[0]!, new RegExp(`value="${query}"`));
    });
  }

  it('finds in the record’s Japanese forms what a reader of Chinese types in simplified characters: 金泽 finds 金沢, 东软 finds 東軟', async () => {
    for (const [query, japanese] of [['金泽', '金沢'], ['东软', '東軟'], ['大连东软', '大連東軟']] as const) {
      const expected = scan(japanese);
      assert.ok(expected.length > 0, japanese);
      const { hits } = await allHits(`/zh/search?q=${encodeURIComponent(query)}`);
      assert.deepEqual(
        hits.map((h) => [h.href, h.text]),
        expected.map((e) => [`/zh${e.href}`, e.text]),
        query,
      );
      assertHighlighted(hits, japanese);
    }
  });

  it('filters by a partner named in simplified characters as by its Japanese name, and says so', async () => {
    const japanese = await searchWithKnowledge(store, '市', { filters: { partner: '大連市' } });
    assert.ok(japanese.total > 0);
    for (const partner of ['大连市', ' 大连市 ']) {
      const simplified = await searchWithKnowledge(store, '市', { filters: { partner } });
      assert.equal(simplified.total, japanese.total, partner);
      assert.equal(simplified.filters.partner, '大連市', 'the page shows the filter as the record names the partner');
      assert.equal((await searchWithFacets(store, '市', { filters: { partner } })).total, japanese.total);
    }
    const page = await app.inject({ url: `/zh/search?q=${encodeURIComponent('市')}&partner=${encodeURIComponent('大连市')}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`${japanese.total}`));
  });

  it('shows partner, year with its era label and the direction or "photo record" of each hit', async () => {
    const res = await app.inject(`/search?q=${encodeURIComponent('山野市長')}`);
    assert.match(
      res.body,
      /<li class="hit"><a class="hit-text" href="\/partnerships\/\d+#r\d+"><mark>山野市長<\/mark>が訪問<\/a><p class="hit-meta">大連市<span class="sep" aria-hidden="true"> ・ <\/span>2016年 <span class="era">\(平成28年\)<\/span><span class="sep" aria-hidden="true"> ・ <\/span><span class="dir-record">写真記録<\/span><\/p><\/li>/,
    );
    assert.match(res.body, /<a class="hit-text" href="\/events\/\d+"><mark>山野市長<\/mark>が訪問、[^<]*<\/a><p class="hit-meta">大連市.*?<span class="dir-dispatch">派遣<\/span>/);
  });

  it('finds and counts 1- and 2-character queries as the scan does', async () => {
    for (const query of ['大', '大連', '市長', '訪問', '交', '２１']) {
      const expected = scan(query);
      const res = await app.inject(`/search?q=${encodeURIComponent(query)}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`を含む記録が${expected.length}件見つかりました。`), query);
      const hits = hitsOf(res.body);
      assert.deepEqual(
        hits.map((h) => h.href),
        expected.slice(0, 20).map((e) => e.href),
        query,
      );
      assertHighlighted(hits, query);
    }
  });

  it('shows facet counts over all matches, as links that set one filter', async () => {
    const expected = scan('市');
    const res = await app.inject(`/search?q=${encodeURIComponent('市')}`);
    const links = facetLinksOf(res.body);
    const partner = links.filter((l) => l.params.has('partner'));
    assert.deepEqual(
      partner.map((l) => [l.params.get('partner'), l.count]),
      [['大連市', expected.length]],
    );
    const years = new Map<number, number>();
    for (const e of expected) years.set(e.year, (years.get(e.year) ?? 0) + 1);
    assert.deepEqual(
      links.filter((l) => l.params.has('year')).map((l) => [Number(l.params.get('year')), l.count]),
      [...years].sort((a, b) => a[0] - b[0]),
    );
    const directions = (['dispatch', 'reception', 'mutual', 'unknown'] as const)
      .map((d) => [d, expected.filter((e) => e.direction === d).length] as const)
      .filter(([, n]) => n > 0);
    assert.deepEqual(
      links.filter((l) => l.params.has('direction')).map((l) => [l.params.get('direction'), l.count]),
      directions,
    );
    assert.deepEqual(
      links.filter((l) => l.params.get('kind') === 'record').map((l) => l.count),
      [expected.filter((e) => e.direction === null).length],
    );
    assert.ok(links.every((l) => l.params.get('q') === '市' && !l.params.has('page') && !l.current));
    assert.ok(!res.body.includes('class="active-filters"'));
  });

  it('narrows by direction=reception and by year=2017, shows the filter as current and removable', async () => {
    const reception = scan('市', (e) => e.direction === 'reception');
    assert.ok(reception.length > 0);
    const byDirection = await allHits(`/search?q=${encodeURIComponent('市')}&direction=reception`);
    assert.deepEqual(
      byDirection.hits.map((h) => h.href),
      reception.map((e) => e.href),
    );
    const first = byDirection.pages[0]!;
    assert.match(first, new RegExp(`を含む記録が${reception.length}件見つかりました。`));
    assert.match(first, /<div class="active-filters"><h3>選択中の条件<\/h3><ul><li><a href="\/search\?q=%E5%B8%82">区分：受入<span aria-hidden="true"> ×<\/span><span class="visually-hidden">（この条件を解除）<\/span><\/a><\/li><\/ul><\/div>/);
    const current = facetLinksOf(first).filter((l) => l.current);
    assert.deepEqual(
      current.map((l) => [...l.params]),
      [[['q', '市']]],
      'the selected value links to the search without it',
    );
    assert.ok(byDirection.pages.every((p) => (p.match(/<li class="hit">/g) ?? []).length === (p.match(/<span class="dir-reception">受入<\/span><\/p>/g) ?? []).length));

    const in2017 = scan('市', (e) => e.year === 2017);
    assert.ok(in2017.length > 0);
    const byYear = await allHits(`/search?q=${encodeURIComponent('市')}&year=2017`);
    assert.deepEqual(
      byYear.hits.map((h) => h.href),
      in2017.map((e) => e.href),
    );
    assert.ok(byYear.pages[0]!.includes('2017年 <span class="era">(平成29年)</span>'));
    // The other facets are narrowed by the year; the year facet still offers every year.
    const links = facetLinksOf(byYear.pages[0]!);
    assert.deepEqual(
      links.filter((l) => l.params.has('partner')).map((l) => l.count),
      [in2017.length],
    );
    assert.ok(links.filter((l) => l.params.has('year')).length > 5);
    assert.ok(links.filter((l) => l.params.has('partner')).every((l) => l.params.get('year') === '2017'));

    const both = scan('市', (e) => e.year === 2017 && e.direction === 'reception');
    const combined = await allHits(`/search?q=${encodeURIComponent('市')}&year=2017&direction=reception`);
    assert.deepEqual(
      combined.hits.map((h) => h.href),
      both.map((e) => e.href),
    );
    assert.match(combined.pages[0]!, /すべての条件を解除/);

    const records = await allHits(`/search?q=${encodeURIComponent('市')}&kind=record`);
    assert.deepEqual(
      records.hits.map((h) => h.href),
      scan('市', (e) => e.direction === null).map((e) => e.href),
    );
    const none = await app.inject(`/search?q=${encodeURIComponent('市')}&year=1990`);
    assert.match(none.body, /「市」を含む記録のうち、絞り込みの条件に合うものはありません。/);
    assert.equal(hitsOf(none.body).length, 0);
  });

  it('pages by 20 with rel=prev and rel=next links', async () => {
    const expected = scan('市');
    const pages = Math.ceil(expected.length / 20);
    assert.ok(pages >= 2);
    const first = await app.inject(`/search?q=${encodeURIComponent('市')}`);
    assert.equal(hitsOf(first.body).length, 20);
    assert.equal(relHref(first.body, 'prev'), undefined);
    assert.equal(relHref(first.body, 'next'), '/search?q=%E5%B8%82&page=2');
    assert.match(first.body, new RegExp(`1／${pages}ページ`));
    assert.match(first.body, /<ol class="hits" start="1">/);
    const second = await app.inject('/search?q=%E5%B8%82&page=2');
    assert.match(second.body, /<ol class="hits" start="21">/);
    assert.match(second.body, /21～\d+件目を表示しています。/);
    assert.equal(relHref(second.body, 'prev'), '/search?q=%E5%B8%82');
    const last = await app.inject(`/search?q=%E5%B8%82&page=${pages}`);
    assert.equal(hitsOf(last.body).length, expected.length - (pages - 1) * 20);
    assert.equal(relHref(last.body, 'next'), undefined);
    const past = await app.inject('/search?q=%E5%B8%82&page=99');
    assert.equal(past.statusCode, 200);
    assert.match(past.body, /このページに表示する結果はありません。/);
    assert.equal(relHref(past.body, 'prev'), `/search?q=%E5%B8%82${pages > 1 ? `&page=${pages}` : ''}`);
    assert.doesNotMatch(past.body, /99／/, 'no page count past the last page');
    assert.match(past.body, new RegExp(`最後のページ（${pages}ページ目）へ`));
    for (const bad of ['0', '-1', 'x', '1.5']) {
      const res = await app.inject(`/search?q=%E5%B8%82&page=${bad}`);
      assert.equal(hitsOf(res.body).length, 20, bad);
    }
  });

  it('puts the results (heading, count, hits, pages) before the facets, so the skip link and the keyboard reach them first', async () => {
    for (const url of [`/search?q=${encodeURIComponent('市')}`, `/en/search?q=${encodeURIComponent('市')}&page=2`]) {
      const body = (await app.inject(url)).body;
      const at = (marker: string) => {
        const i = body.indexOf(marker);
        assert.ok(i >= 0, `${marker} on ${url}`);
        return i;
      };
      const order = ['<main', 'id="results-heading"', 'class="result-count"', '<li class="hit">', 'class="pager"', '<aside class="refine"', 'id="refine-heading"'].map(at);
      assert.deepEqual(order, [...order].sort((a, b) => a - b), url);
      assert.ok(at('</section>') < at('<aside class="refine"'), `the facets follow the results' section on ${url}`);
    }
  });

  it('shows only the form for an empty query, and says so when nothing matches', async () => {
    for (const url of ['/search', '/search?q=', '/search?q=%20%E3%80%80', '/search?year=2017']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<label for="q">検索する語句<\/label>/);
      assert.match(res.body, /<h1>交流の記録を検索<\/h1>/);
      assert.ok(!res.body.includes('result-count') && !res.body.includes('class="hit"') && !res.body.includes('class="refine"'), url);
    }
    const none = await app.inject(`/search?q=${encodeURIComponent('存在しない語')}`);
    assert.match(none.body, /「存在しない語」を含む記録は見つかりませんでした。/);
    assert.ok(!none.body.includes('class="refine"'));
    assert.equal((none.body.match(/<h1>/g) ?? []).length, 1);
  });

  it('is in English under /en with Japanese hit texts marked lang="ja"', async () => {
    const res = await app.inject(`/en/search?q=${encodeURIComponent('大連')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /<h1>Search the exchange record<\/h1>/);
    assert.match(res.body, new RegExp(`Entries containing “<span lang="ja">大連</span>”: ${scan('大連').length}\\.`), 'the query echoed is marked Japanese');
    const hits = hitsOf(res.body);
    assert.equal(hits.length, 20);
    assert.ok(hits.every((h) => h.lang === 'ja' && h.href.startsWith('/en/')));
    assert.match(res.body, /<p class="hit-meta"><span lang="ja">大連市<\/span>/);
    assert.match(res.body, /<span class="era" lang="ja">\(平成\d+年\)<\/span>/);
    assert.equal(relHref(res.body, 'next'), '/en/search?q=%E5%A4%A7%E9%80%A3&page=2');
    const zh = await app.inject(`/zh/search?q=${encodeURIComponent('大連')}`);
    assert.match(zh.body, /<html lang="zh-Hans">/);
    assert.ok(hitsOf(zh.body).every((h) => h.lang === 'ja'));
  });

  it('echoes a query with markup escaped', async () => {
    const query = '<script>alert(1)</script>';
    const res = await app.inject(`/search?q=${encodeURIComponent(query)}`);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<script'));
    assert.match(res.body, /value="&lt;script>alert\(1\)&lt;\/script>"|value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(res.body, /「&lt;script>alert\(1\)&lt;\/script>」を含む記録は見つかりませんでした。/);
    const quote = await app.inject(`/search?q=${encodeURIComponent('"><b>x')}&partner=${encodeURIComponent('"><i>')}`);
    assert.ok(!quote.body.includes('<b>x') && !quote.body.includes('<i>'));
  });
});
