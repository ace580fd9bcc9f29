import assert from 'node:assert/strict';
import { it } from 'node:test';
import { h } from 'preact';
import type { FacetedSearchResult } from '../domain/search-text.js';
import type { Locale } from './i18n/locale.js';
import { formatPlural } from './i18n/messages.js';
import { renderPage } from './render.js';
import { SearchPage } from './search.page.js';

const result: FacetedSearchResult = {
  total: 4392,
  hits: [{ kind: 'event', id: 1, partnershipId: 1, home: '金沢市', partner: '大連市', year: 2001, direction: 'dispatch', text: '市長が訪問' }],
  facets: { partners: [{ home: '金沢市', partner: '大連市', count: 4392 }], years: [{ year: 2001, count: 1200 }], directions: [], records: 0 },
};

function page(locale: Locale, query = '市'): string {
  const ctx = { locale, explicitLocale: true, path: '/search', query: `q=${encodeURIComponent(query)}`, home: '金沢市', assetVersion: '' };
  return renderPage(h(SearchPage, { ctx, query, filters: {}, page: 1, pageSize: 20, result }));
}

it('writes the counts of the search page with the language’s grouping', () => {
  assert.match(page('ja'), /4,392件見つかりました/);
  assert.match(page('en'), /: 4,392\./);
  assert.match(page('zh'), /找到 4,392 条/);
  assert.match(page('ja'), /1,200件/, 'a facet’s count');
});

it('groups the count formatPlural fills in', () => {
  assert.equal(formatPlural('en', 6090, { one: '{count} event', other: '{count} events' }), '6,090 events');
  assert.equal(formatPlural('ja', 6090, { one: '{count}件', other: '{count}件' }), '6,090件');
});

it('marks the echoed query by its own language: kanji lang="ja" on an English page, the page’s own on a Chinese page', () => {
  const html = page('en', '市');
  assert.match(html, /<p class="result-count">[^<]*<span lang="ja">市<\/span>/);
  assert.match(html, /<input id="q" type="search" name="q" value="市" lang="ja"/);
  const zh = page('zh', '大连');
  assert.match(zh, /<p class="result-count">[^<]*“大连”/, 'a Chinese reader’s hanzi on a Chinese page need no mark');
  assert.match(zh, /<input id="q" type="search" name="q" value="大连" aria-describedby/);
  assert.match(page('zh', 'マラソン'), /<span lang="ja">マラソン<\/span>/, 'kana are Japanese on any page');
  assert.match(page('en', '大连'), /<span lang="zh-Hans">大连<\/span>/, 'simplified-only forms on an English page are Chinese');
  assert.match(page('ja', '大连'), /<span lang="zh-Hans">大连<\/span>/, 'and on a Japanese page');
  assert.doesNotMatch(page('ja'), /<span lang="ja">市<\/span>/, 'a Japanese page needs no mark');
  const ctx = { locale: 'en' as const, explicitLocale: true, path: '/search', query: 'q=Dalian', home: '金沢市', assetVersion: '' };
  const latin = renderPage(h(SearchPage, { ctx, query: 'Dalian', filters: {}, page: 1, pageSize: 20, result }));
  assert.doesNotMatch(latin, /lang="ja">Dalian/, 'a query in Latin letters is in the page’s language');
});

it('says, under a query holding a word in Latin letters, that only part of the record is written in them', () => {
  const render = (locale: Locale, query: string, total: number) => {
    const ctx = { locale, explicitLocale: true, path: '/search', query: `q=${encodeURIComponent(query)}`, home: '金沢市', assetVersion: '' };
    const shown: FacetedSearchResult = total === 0 ? { total: 0, hits: [], facets: { partners: [], years: [], directions: [], records: 0 } } : result;
    return renderPage(h(SearchPage, { ctx, query, filters: {}, page: 1, pageSize: 20, result: shown }));
  };
  assert.match(render('en', 'mayor visit', 0), /Words in Latin letters find only what is written in Latin letters and the English and Chinese translations staff have added/);
  assert.match(render('en', 'ｍａｙｏｒ', 0), /Words in Latin letters/, 'full-width letters too');
  assert.match(render('ja', 'Dalian', 4392), /ローマ字や英語の語句は、英字で書かれた部分と、職員が加えた英語・中国語の訳からだけ見つかります/);
  assert.match(render('zh', 'Dalian', 0), /拉丁字母的词语只能找到/);
  assert.doesNotMatch(render('en', '市長', 4392), /Latin letters/, 'a Japanese query needs no note');
  assert.doesNotMatch(render('en', '大连', 4392), /Latin letters/, 'nor a Chinese one');
  assert.doesNotMatch(render('en', 'A 市', 4392), /Latin letters/, 'a single letter is no word');
});

it('says when the query was read with its kana in the other script, and marks what was searched', () => {
  const ctx = { locale: 'ja' as const, explicitLocale: true, path: '/search', query: 'q=まらそん', home: '金沢市', assetVersion: '' };
  const found: FacetedSearchResult = { ...result, total: 1, readAs: 'マラソン', hits: [{ ...result.hits[0]!, text: '市民ランナーがマラソン大会に参加' }] };
  const html = renderPage(h(SearchPage, { ctx, query: 'まらそん', filters: {}, page: 1, pageSize: 20, result: found }));
  assert.match(html, /「マラソン」を含む記録が1件見つかりました。/);
  assert.match(html, /「まらそん」を含む記録はなかったため、「マラソン」で検索しました。/);
  assert.match(html, /<mark>マラソン<\/mark>/);
  const en = renderPage(h(SearchPage, { ctx: { ...ctx, locale: 'en' }, query: 'まらそん', filters: {}, page: 1, pageSize: 20, result: found }));
  assert.match(en, /Nothing contains “<span lang="ja">まらそん<\/span>”, so this searched for “<span lang="ja">マラソン<\/span>”\./);
  assert.doesNotMatch(page('ja'), /で検索しました/, 'no note when the query was searched as typed');
});
