import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import type { HistoryEntry } from '../../domain/editing.js';
import { renderPage } from '../render.js';
import { StaffHomePage } from './staff-home.page.js';

const deleted = (over: Partial<HistoryEntry>): HistoryEntry =>
  ({
    id: 7,
    kind: 'event',
    itemId: 40,
    partnershipId: 1,
    version: 2,
    action: 'delete',
    actor: 'hanako',
    at: '2026-11-28T04:05:00.000Z',
    before: { partnershipId: 1, year: 2016, date: null, direction: 'dispatch', text: '市長が訪問', translations: {}, status: 'published' },
    after: null,
    ...over,
  }) as HistoryEntry;

test('the deleted items name the import that removed one, and only such an item', () => {
  const page = (entries: HistoryEntry[]) =>
    renderPage(
      h(StaffHomePage, {
        view: { ctx: { locale: 'ja', explicitLocale: false, path: '/staff', query: '', home: '金沢市', assetVersion: 'test' }, csrf: 'token' },
        partnerships: [],
        deleted: entries,
      }),
    ).replace(/<[^>]+>/g, '');
  assert.match(page([deleted({ importId: 12 })]), /市長が訪問 \(hanako, 2026年11月28日 13:05 日本時間, 取り込み #12 で削除\)/);
  assert.doesNotMatch(page([deleted({})]), /取り込み #/);
});
