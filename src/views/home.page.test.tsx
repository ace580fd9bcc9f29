import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { PartnershipSummary } from '../domain/partnership.js';
import type { HomePartnerships } from '../domain/record-homes.js';
import { HomePage } from './home.page.js';
import type { PageContext } from './page-context.js';

const ctx = (locale: PageContext['locale']): PageContext => ({ locale, explicitLocale: true, path: '/', query: '', home: '金沢市', assetVersion: 'test' });
const TODAY = new Date('2026-11-27T12:00:00+09:00');
const dalian: PartnershipSummary = { id: 1, home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', activeYears: [2010], eventCounts: { dispatch: 1 } };
/** Two other homes, in the order the service gives them (Japanese collation: 札幌 before 富山). */
const others: HomePartnerships[] = [
  { home: '札幌市', partnerships: [{ id: 7, home: '札幌市', partner: 'ポートランド市', kind: '姉妹都市' }, { id: 5, home: '札幌市', partner: '瀋陽市', kind: '友好都市' }] },
  { home: '富山市', partnerships: [{ id: 3, home: '富山市', partner: '大連市', kind: '友好都市' }] },
];
const page = (locale: PageContext['locale'], props: { partnerships?: PartnershipSummary[]; otherHomes?: HomePartnerships[] } = {}) =>
  render(h(HomePage, { ctx: ctx(locale), partnerships: props.partnerships ?? [dalian], today: TODAY, ...(props.otherHomes ? { otherHomes: props.otherHomes } : {}) }));
const headings = (html: string) => [...html.matchAll(/<h(\d)[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);

describe('the home page of a record with several home municipalities', () => {
  it('leads with the site’s home and its cards, then lists each other home with its partners as links, in the order given', () => {
    const html = page('ja', { otherHomes: others });
    assert.deepEqual(headings(html), ['h1 金沢市の国際交流の記録', 'h2 友好交流都市 大連市', 'h2 ほかの自治体の交流']);
    assert.ok(html.indexOf('友好交流都市 大連市') < html.indexOf('ほかの自治体の交流'), 'the site’s own partnerships come first');
    assert.match(html, /この記録には、金沢市のほかに次の自治体と姉妹都市・友好都市との交流も収められています。/);
    const list = /<dl class="homes">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
    assert.equal(
      list,
      '<div><dt>札幌市</dt><dd><ul><li><a href="/ja/partnerships/7">ポートランド市</a></li><li><a href="/ja/partnerships/5">瀋陽市</a></li></ul></dd></div>' +
        '<div><dt>富山市</dt><dd><ul><li><a href="/ja/partnerships/3">大連市</a></li></ul></dd></div>',
    );
    assert.match(html, /<section class="other-homes" aria-labelledby="other-homes"><h2 id="other-homes">/);
  });

  it('says it in English and Chinese, marking the Japanese names as Japanese and linking the pages in the reader’s language', () => {
    const en = page('en', { otherHomes: others });
    assert.match(en, /<h2 id="other-homes">Exchanges of other municipalities<\/h2>/);
    assert.match(en, /Besides <span lang="ja">金沢市<\/span>, this record holds the exchanges of these municipalities with their sister and friendship cities\./);
    assert.match(en, /<dt><span lang="ja">札幌市<\/span><\/dt>/);
    assert.match(en, /<a href="\/en\/partnerships\/5"><span lang="ja">瀋陽市<\/span><\/a>/);
    const zh = page('zh', { otherHomes: others });
    assert.match(zh, /<h2 id="other-homes">其他城市的交流<\/h2>/);
    assert.match(zh, /除<span lang="ja">金沢市<\/span>外，本记录还收录了以下城市与其姐妹城市、友好城市的交流。/);
    assert.match(zh, /<a href="\/zh\/partnerships\/3"><span lang="ja">大連市<\/span><\/a>/);
  });

  it('names the homes and partners in the reader’s language where they have a name, the Japanese beside it and marked, and the rest in Japanese', () => {
    const places = new Map([['金沢市', { en: 'Kanazawa', zh: '金泽市' }], ['大連市', { en: 'Dalian', zh: '大连市' }], ['ポートランド市', { en: 'Portland', zh: '波特兰' }]]);
    const named = (locale: PageContext['locale']) =>
      render(h(HomePage, { ctx: { ...ctx(locale), places }, partnerships: [dalian], today: TODAY, otherHomes: others }));
    const en = named('en');
    assert.match(en, /<h1>International exchanges of <span class="place">Kanazawa \(<span lang="ja">金沢市<\/span>\)<\/span><\/h1>/);
    assert.match(en, /<title>International exchanges of Kanazawa \(金沢市\) \| Kanazawa \(金沢市\) International Exchange Record<\/title>/);
    assert.match(en, /Dalian \(<span lang="ja">大連市<\/span>\)/);
    assert.match(en, /<a href="\/en\/partnerships\/7"><span class="place">Portland \(<span lang="ja">ポートランド市<\/span>\)<\/span><\/a>/);
    assert.match(en, /<dt><span lang="ja">札幌市<\/span><\/dt>/);
    const zh = named('zh');
    assert.match(zh, /<h1>金泽市国际交流记录<\/h1>/);
    assert.match(zh, /<a href="\/zh\/partnerships\/3">大连市<\/a>/);
    assert.match(zh, /<a href="\/zh\/partnerships\/7"><span class="place">波特兰（<span lang="ja">ポートランド市<\/span>）<\/span><\/a>/);
    const ja = render(h(HomePage, { ctx: { ...ctx('ja'), places }, partnerships: [dalian], today: TODAY, otherHomes: others }));
    assert.equal(ja, page('ja', { otherHomes: others }), 'the Japanese page is unchanged by the names');
  });

  it('shows nothing more for a record of one home', () => {
    for (const locale of ['ja', 'en', 'zh'] as const) {
      assert.equal(page(locale, { otherHomes: [] }), page(locale));
      assert.doesNotMatch(page(locale), /other-homes|class="homes"/);
    }
  });

  it('says the site’s home has no record yet, not that the record is empty, when only other homes have partnerships', () => {
    assert.match(page('ja', { partnerships: [], otherHomes: others }), /<p>金沢市の交流の記録はまだありません。<\/p>/);
    assert.match(page('en', { partnerships: [], otherHomes: others }), /<p>There is no record of exchanges of <span lang="ja">金沢市<\/span> yet\.<\/p>/);
    assert.match(page('zh', { partnerships: [], otherHomes: others }), /<p>尚无<span lang="ja">金沢市<\/span>的交流记录。<\/p>/);
    assert.match(page('ja', { partnerships: [] }), /<p>まだ交流の記録がありません。<\/p>/);
  });
});
