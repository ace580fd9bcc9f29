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

function page(locale: Locale): string {
  const ctx = { locale, explicitLocale: true, path: '/search', query: 'q=%E5%B8%82', home: '金沢市', assetVersion: '' };
  return renderPage(h(SearchPage, { ctx, query: '市', filters: {}, page: 1, pageSize: 20, result }));
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

it('marks the echoed query lang="ja" on English and Chinese pages when it is written in Japanese characters', () => {
  for (const locale of ['en', 'zh'] as const) {
    const html = page(locale);
    assert.match(html, /<p class="result-count">[^<]*<span lang="ja">市<\/span>/, locale);
    assert.match(html, /<input id="q" type="search" name="q" value="市" lang="ja"/, locale);
  }
  assert.doesNotMatch(page('ja'), /<span lang="ja">市<\/span>/, 'a Japanese page needs no mark');
  const ctx = { locale: 'en' as const, explicitLocale: true, path: '/search', query: 'q=Dalian', home: '金沢市', assetVersion: '' };
  const latin = renderPage(h(SearchPage, { ctx, query: 'Dalian', filters: {}, page: 1, pageSize: 20, result }));
  assert.doesNotMatch(latin, /lang="ja">Dalian/, 'a query in Latin letters is in the page’s language');
});
