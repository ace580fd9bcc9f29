import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { StoredPartnership } from '../domain/partnership.js';
import type { PageContext } from './page-context.js';
import { EventPage } from './event.page.js';
import { AgreementsPage } from './knowledge/agreements.page.js';
import { InsightsPage } from './knowledge/insights.page.js';
import { PrintPage } from './print.page.js';
import { TimelinePage } from './timeline.page.js';
import { YearbookPage } from './yearbook.page.js';

const ctx = (locale: PageContext['locale']): PageContext => ({ locale, explicitLocale: true, path: '/partnerships/3', query: '', home: '金沢市', assetVersion: 'test' });
/** A partnership of another home municipality (富山市) than the site's (金沢市), in a store that holds both. */
const toyama: StoredPartnership = {
  id: 3, home: '富山市', partner: '大連市', kind: '友好都市', affiliatedOn: null, noExchangeYears: [], updatedAt: '2026-01-01T00:00:00.000Z',
  events: [{ id: 9, year: 2010, date: null, direction: 'dispatch', text: '市長が訪問', line: null }],
  records: [],
};
const h1 = (html: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1];
const windowTitle = (html: string) => /<title>(.*?)<\/title>/.exec(html)?.[1];

describe('the pages of a partnership of another home municipality than the site’s', () => {
  it('name its home in the timeline’s heading and window title, in every language', () => {
    assert.equal(h1(render(h(TimelinePage, { ctx: ctx('ja'), partnership: toyama }))), '富山市の友好都市大連市との歩み');
    assert.match(windowTitle(render(h(TimelinePage, { ctx: ctx('ja'), partnership: toyama })))!, /^富山市の友好都市大連市との歩み \| 金沢市 /);
    assert.equal(h1(render(h(TimelinePage, { ctx: ctx('en'), partnership: toyama }))), 'Exchanges of <span lang="ja">富山市</span> with <span lang="ja">大連市</span>, <span lang="ja">友好都市</span> (friendship city)');
    assert.equal(h1(render(h(TimelinePage, { ctx: ctx('zh'), partnership: toyama }))), '<span lang="ja">富山市</span>与<span lang="ja">友好都市</span>（友好城市）<span lang="ja">大連市</span>的交流历程');
    // The site's own partnerships read as before.
    assert.equal(h1(render(h(TimelinePage, { ctx: ctx('ja'), partnership: { ...toyama, home: '金沢市' } }))), '友好都市大連市との歩み');
  });

  it('name its home, not the site’s, on the print view and the yearbook’s cover', () => {
    const print = render(h(PrintPage, { ctx: ctx('ja'), partnership: toyama, pdfHref: '', timelineHref: '' }));
    assert.match(print, /<p class="print-home">富山市<\/p>/);
    assert.match(render(h(PrintPage, { ctx: ctx('en'), partnership: toyama, pdfHref: '', timelineHref: '' })), /<p class="print-home">Home city: <span lang="ja">富山市<\/span><\/p>/);
    const yearbook = render(h(YearbookPage, { ctx: ctx('ja'), partnership: toyama, madeOn: '2026-11-28' }));
    assert.match(h1(yearbook) ?? '', /富山市/);
    assert.doesNotMatch(h1(yearbook) ?? '', /金沢市/);
    assert.match(windowTitle(yearbook) ?? '', /^[^|]*富山市/);
  });

  it('name its home beside the partner on an event’s page, as the search does', () => {
    const ja = render(h(EventPage, { ctx: ctx('ja'), partnership: toyama, index: 0 }));
    assert.match(ja, /<p class="context"><a href="\/ja\/partnerships\/3">富山市・友好都市大連市<\/a>/);
    assert.match(windowTitle(ja) ?? '', /^市長が訪問 \| 富山市・大連市 \| /);
    const en = render(h(EventPage, { ctx: ctx('en'), partnership: toyama, index: 0 }));
    assert.match(en, /<a href="\/en\/partnerships\/3"><span lang="ja">富山市・<\/span><span lang="ja">大連市<\/span>, <span lang="ja">友好都市<\/span> \(friendship city\)<\/a>/);
    assert.doesNotMatch(render(h(EventPage, { ctx: ctx('ja'), partnership: { ...toyama, home: '金沢市' }, index: 0 })), /・大連市/);
  });

  it('name its home beside the partner on its agreements and insights pages', () => {
    const agreements = render(h(AgreementsPage, { ctx: ctx('ja'), partnership: toyama, agreements: [], organizations: new Set<string>() }));
    assert.match(h1(agreements) ?? '', /富山市・大連市/);
    assert.match(windowTitle(agreements) ?? '', /富山市・大連市/);
    const insights = render(h(InsightsPage, { ctx: ctx('en'), partnership: toyama, fields: [[]] }));
    assert.match(h1(insights) ?? '', /<span lang="ja">富山市・大連市<\/span>/);
    const own = render(h(InsightsPage, { ctx: ctx('en'), partnership: { ...toyama, home: '金沢市' }, fields: [[]] }));
    assert.doesNotMatch(own, /・大連市/);
  });
});
