import assert from 'node:assert/strict';
import { it } from 'node:test';
import { h } from 'preact';
import type { FacetedSearchResult } from '../domain/search-text.js';
import type { Locale } from './i18n/locale.js';
import { renderPage } from './render.js';
import { SearchPage } from './search.page.js';

/** 25 hits: two pages of 20; a page past them holds none. */
const hit = { kind: 'event' as const, id: 1, partnershipId: 1, home: '金沢市', partner: '大連市', year: 2001, direction: 'dispatch' as const, text: '市長が訪問' };
const result = (hits: number): FacetedSearchResult => ({ total: 25, hits: Array.from({ length: hits }, (_, i) => ({ ...hit, id: i + 1 })), facets: { partners: [], years: [], directions: [], records: 0 } });

function pager(locale: Locale, page: number, hits: number): string {
  const ctx = { locale, explicitLocale: true, path: '/search', query: `q=%E8%A8%AA%E5%95%8F&page=${page}`, home: '金沢市', assetVersion: '' };
  const html = renderPage(h(SearchPage, { ctx, query: '訪問', filters: {}, page, pageSize: 20, result: result(hits) }));
  return /<nav class="pager"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
}

it('a page past the last says so and links the last page, never “3／2ページ”', () => {
  const ja = pager('ja', 3, 0);
  assert.equal(ja, '<ul><li><a rel="prev" href="/ja/search?q=%E8%A8%AA%E5%95%8F&amp;page=2">最後のページ（2ページ目）へ</a></li></ul>');
  assert.match(pager('en', 34, 0), /<a rel="prev" href="\/en\/search\?q=%E8%A8%AA%E5%95%8F&amp;page=2">Go to the last page \(page 2\)<\/a>/);
  assert.match(pager('zh', 34, 0), />前往最后一页（第 2 页）</);
  for (const locale of ['ja', 'en', 'zh'] as const) assert.doesNotMatch(pager(locale, 3, 0), /3／2|Page 3 of 2|第 3 页/, locale);
});

it('pages within the results keep the previous and next links and the page count', () => {
  assert.equal(pager('ja', 2, 5), '<ul><li><a rel="prev" href="/ja/search?q=%E8%A8%AA%E5%95%8F">前のページ</a></li><li>2／2ページ</li></ul>');
  assert.match(pager('en', 1, 20), /<li>Page 1 of 2<\/li><li><a rel="next" href="\/en\/search\?q=%E8%A8%AA%E5%95%8F&amp;page=2">Next page<\/a><\/li>/);
});
