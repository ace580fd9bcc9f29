import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { StoredPartnership } from '../domain/partnership.js';
import { HomePage } from './home.page.js';
import { InsightsPage } from './knowledge/insights.page.js';
import { LoginPage } from './login.page.js';
import type { PageContext } from './page-context.js';
import { SearchPage } from './search.page.js';
import { YearbookPage } from './yearbook.page.js';

const ctx = (locale: PageContext['locale']): PageContext => ({ locale, explicitLocale: true, path: '/', query: '', home: '金沢市', assetVersion: 'test' });
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

/** A partnership of one exchange (a dispatch) and one photo record, in one year. */
const single: StoredPartnership = {
  id: 1, home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], updatedAt: '2026-01-01T00:00:00.000Z',
  events: [{ id: 1, year: 2010, date: null, direction: 'dispatch', text: '市長が訪問', line: null }],
  records: [{ id: 1, year: 2010, caption: '市長の訪問', photo: null, line: null } as unknown as StoredPartnership['records'][number]],
};

test('the English yearbook cover says "1 exchange, 1 photo record", and the plural with more', () => {
  assert.match(text(render(h(YearbookPage, { ctx: ctx('en'), partnership: single, madeOn: '2026-11-27' }))), /1 exchange, 1 photo record(?!s)/);
  const two = { ...single, events: [...single.events, { ...single.events[0]!, id: 2 }] };
  assert.match(text(render(h(YearbookPage, { ctx: ctx('en'), partnership: two, madeOn: '2026-11-27' }))), /2 exchanges, 1 photo record(?!s)/);
  assert.match(text(render(h(YearbookPage, { ctx: ctx('ja'), partnership: single, madeOn: '2026-11-27' }))), /交流 1件・交流の記録 1件/);
});

test('English counts of one take the singular: a span of one year, one dispatch, one more partner city, one minute', () => {
  const summary = { id: 1, home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, activeYears: [2010], eventCounts: { dispatch: 1 } };
  assert.match(text(render(h(HomePage, { ctx: ctx('en'), partnerships: [summary], today: new Date('2026-11-27') }))), /exchanges in 1 of 1 year\)/);
  const insights = text(render(h(InsightsPage, { ctx: ctx('en'), partnership: single, fields: [[]] })));
  assert.match(insights, /1 dispatch, 0 receptions/);
  const partners = Array.from({ length: 31 }, (_, i) => ({ home: '金沢市', partner: `市${i}`, count: 1 }));
  const result = { total: 31, hits: [], facets: { partners, years: [], directions: [], records: 0 } };
  assert.match(text(render(h(SearchPage, { ctx: ctx('en'), query: '市', filters: {}, page: 1, pageSize: 20, result } as never))), /and 1 more partner city \(/);
  assert.match(text(render(h(LoginPage, { ctx: ctx('en'), csrfToken: 'x', problem: { kind: 'throttled', retryAfterSeconds: 60 } }))), /about 1 minute\./);
});
