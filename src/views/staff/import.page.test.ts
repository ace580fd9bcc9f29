import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { parseText } from '../../importer/parse-document.js';
import type { Locale } from '../i18n/locale.js';
import { renderPage } from '../render.js';
import { ImportPage } from './import.page.js';

const DOC = ['姉妹都市ゲント市との歩み', '', '2019年', '青年団が来訪', '令和元年4月30日 市長が訪問', '', '5月 市民団を派遣'].join('\n');

function preview(locale: Locale): string {
  const { partnerships, diagnostics } = parseText(DOC, { home: '金沢市' });
  const ctx = { locale, explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' };
  return renderPage(h(ImportPage, { view: { ctx, csrf: 'token' }, preview: { token: 'preview', documents: [{ source: 'gent.txt', partnerships, diagnostics }] } }));
}

/** The preview's table of events: its header cells and each row's cells, as text. */
function eventTable(html: string): string[][] {
  const table = /<table>(?:(?!<\/table>).)*?<th scope="col">行<\/th>.*?<\/table>|<table>(?:(?!<\/table>).)*?<th scope="col">Line<\/th>.*?<\/table>/s.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '')));
}

describe('the web import’s preview', () => {
  it('shows each event’s date as the importer read it, in a column of its own, and a dash for an undated one', () => {
    const rows = eventTable(preview('ja'));
    assert.deepEqual(rows, [
      ['行', '年', '日付', '区分', '内容（日本語）'],
      ['4', '2019', '—', '受入', '青年団が来訪'],
      ['5', '2019', '2019-04-30', '区分なし', '市長が訪問'],
      ['7', '2019', '2019-05', '派遣', '市民団を派遣'],
    ]);
    assert.match(preview('ja'), /<time datetime="2019-04-30">2019-04-30<\/time>/);
  });

  it('names the column in each language', () => {
    assert.equal(eventTable(preview('en'))[0]![2], 'Date');
    assert.equal(eventTable(preview('zh'))[0]![2], '日期');
  });
});
