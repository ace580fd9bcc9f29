import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { StoredPartnership } from '../../domain/partnership.js';
import type { PageContext } from '../page-context.js';
import { AgreementsPage } from './agreements.page.js';
import { InsightsPage } from './insights.page.js';

const ctx: PageContext = { locale: 'en', explicitLocale: true, path: '/partnerships/1', query: '', home: '金沢市', assetVersion: 'test' };
const partnership: StoredPartnership = {
  id: 1, home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], records: [], updatedAt: '2026-01-01T00:00:00.000Z',
  events: [
    { id: 1, year: 2006, date: '2006-11-24', direction: 'dispatch', text: '金沢市と大連市の友好交流都市提携に関する合意書に調印', line: null },
    { id: 2, year: 2008, date: null, direction: 'reception', text: '大連市代表団が来訪', line: null },
  ],
};

/** The scrolling region (views/scroll-region.tsx) holding `table.<cls>`, as the timeline's chart table has. */
const scrollRegionAround = (html: string, cls: string) =>
  new RegExp(`<div class="scroll-x" role="region" tabindex="0" aria-label="[^"]+"><table class="${cls}">`).test(html);

test('the agreements table scrolls within itself on a narrow screen instead of widening the page', () => {
  const agreements = [{ year: 2006, title: '友好交流都市提携に関する合意書', parties: ['金沢市', '大連市'], event: 0 }];
  const html = render(h(AgreementsPage, { ctx, partnership, agreements, organizations: new Set<string>() }));
  assert.ok(scrollRegionAround(html, 'agreements'), html.slice(html.indexOf('<table') - 200, html.indexOf('<table') + 40));
});

test('the insights balance and photo-link tables scroll within themselves on a narrow screen instead of widening the page', () => {
  const withRecord = { ...partnership, records: [{ id: 1, year: 2006, caption: '合意書調印式', event: 0, line: null } as unknown as StoredPartnership['records'][number]] };
  const html = render(h(InsightsPage, { ctx, partnership: withRecord, fields: [[], []], links: [{ confidence: 0.8, confirmed: false }] }));
  assert.ok(scrollRegionAround(html, 'balance'), 'balance');
  assert.ok(scrollRegionAround(html, 'photo-links'), 'photo-links');
});
