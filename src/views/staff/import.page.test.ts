import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { parseText } from '../../importer/parse-document.js';
import type { Diagnostic } from '../../domain/diagnostic.js';
import type { ChangeSummary } from '../../domain/partnership.js';
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

  it('shows the affiliation date and the years without exchange the document gives, which the import stores too', () => {
    const doc = ['姉妹都市ゲント市との歩み', '姉妹都市提携：1971年5月10日', '', '2019年', '青年団が来訪', '', '2020年', '—', '', '2021年', '—'].join('\n');
    const { partnerships, diagnostics } = parseText(doc, { home: '金沢市' });
    const ctx = { locale: 'ja' as const, explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' };
    const html = renderPage(h(ImportPage, { view: { ctx, csrf: 'token' }, preview: { token: 'preview', documents: [{ source: 'gent.txt', partnerships, diagnostics }] } }));
    assert.match(html, /<dl class="import-details"><dt>提携日<\/dt><dd>1971-05-10<\/dd><dt>交流なしの年<\/dt><dd>2020, 2021<\/dd><\/dl>/);
    assert.match(preview('ja'), /<dt>提携日<\/dt><dd>記載なし（登録済みの提携日があれば、それが残ります）<\/dd><dt>交流なしの年<\/dt><dd>—<\/dd>/, 'what happens where the document gives no date');
  });

  it('lists the photo records under their heading, and leaves the heading out when there are none', () => {
    assert.doesNotMatch(preview('ja'), /<h4>写真の記録<\/h4>/);
    const { partnerships, diagnostics } = parseText(DOC, { home: '金沢市' });
    const withRecord = [{ ...partnerships[0]!, records: [{ year: 2019, caption: '市長と記念撮影', event: null, line: 9 }] }];
    const ctx = { locale: 'ja' as const, explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' };
    const html = renderPage(h(ImportPage, { view: { ctx, csrf: 'token' }, preview: { token: 'preview', documents: [{ source: 'gent.txt', partnerships: withRecord, diagnostics }] } }));
    assert.match(html, /<h4>写真の記録<\/h4><ul><li>行 9: 2019 市長と記念撮影<\/li><\/ul>/);
  });

  it('names the column in each language', () => {
    assert.equal(eventTable(preview('en'))[0]![2], 'Date');
    assert.equal(eventTable(preview('zh'))[0]![2], '日期');
  });

  it('warns of stored years without exchange and affiliation details the document replaces, and counts the years in the table', () => {
    const { partnerships, diagnostics } = parseText(DOC, { home: '金沢市' });
    const change = (over: Partial<ChangeSummary>): ChangeSummary => ({
      home: '金沢市',
      partner: 'ゲント市',
      created: false,
      detailsChanged: false,
      added: { events: 0, records: 0, years: 0 },
      changed: { events: 0, records: 0, years: 0 },
      removed: { events: 0, records: 0, years: 0 },
      ...over,
    });
    const render = (locale: Locale, summary: ChangeSummary) =>
      renderPage(
        h(ImportPage, {
          view: { ctx: { locale, explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' }, csrf: 'token' },
          preview: { token: 'preview', documents: [{ source: 'gent.txt', partnerships, diagnostics }], changes: [summary] },
        }),
      );
    const text = (html: string) => html.replace(/<[^>]+>/g, '');
    const replaced = change({
      detailsChanged: true,
      details: { before: { kind: '姉妹都市', affiliatedOn: '1990-05-01' }, after: { kind: '友好都市', affiliatedOn: '1990-05-01' } },
      removed: { events: 0, records: 0, years: 2 },
    });
    const ja = text(render('ja', replaced));
    assert.match(ja, /金沢市–ゲント市：登録済みの「交流なし」の年（2件）が、この文書にないため外されます。/);
    assert.ok(ja.includes('金沢市–ゲント市：提携の種別と提携日が変わります（いま 姉妹都市、提携日 1990-05-01 → 取り込み後 友好都市、提携日 1990-05-01）。文書に書かれていない種別や提携日は、登録済みのものが残ります。'), ja);
    assert.match(text(render('en', replaced)), /now 姉妹都市, affiliated 1990-05-01; after the import 友好都市, affiliated 1990-05-01/);
    assert.match(ja, /交流なしの年2件/);
    assert.match(ja, /種別・提携日/);
    assert.match(text(render('en', replaced)), /the stored years without exchange \(2 of them\) are not in this document and would be removed/);
    assert.match(text(render('zh', replaced)), /已登记的无交流年份（2个）不在此文档中/);
    // A new partnership's details are not a change to warn of, nor is an import that removes nothing.
    const quiet = text(render('ja', change({ created: true, detailsChanged: true, added: { events: 3, records: 0, years: 0 } })));
    assert.doesNotMatch(quiet, /変わります|外されます|削除されます|種別・提携日/);
  });

  it('lists a document’s errors first, then its warnings and notes together, each group in line order', () => {
    const at = (line: number, severity: Diagnostic['severity'], code: Diagnostic['code']): Diagnostic => ({ line, code, severity, message: `${code} at ${line}`, excerpt: '' });
    const diagnostics = [at(3, 'warning', 'YearOutOfOrder'), at(5, 'info', 'NotAnExchange'), at(9, 'warning', 'YearOutOfOrder'), at(50004, 'error', 'TooManyEvents'), at(2, 'error', 'UnreadableYearHeading')];
    const html = renderPage(
      h(ImportPage, {
        view: { ctx: { locale: 'en', explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' }, csrf: 'token' },
        preview: { token: 'preview', documents: [{ source: 'long.txt', partnerships: [], diagnostics }] },
      }),
    );
    const table = /<table class="diagnostics">.*?<\/table>/s.exec(html)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr class="(\w+)"><td>(\d+)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(rows, ['error 2', 'error 50004', 'warning 3', 'info 5', 'warning 9']);
  });

  it('shows no empty brackets for a document that gives no kind (a sheet without 種別)', () => {
    const ctx = { locale: 'ja' as const, explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' };
    const p = { home: '金沢市', partner: '全州市', kind: '', affiliatedOn: null, noExchangeYears: [], events: [], records: [] };
    const html = renderPage(h(ImportPage, { view: { ctx, csrf: 'token' }, preview: { token: 'preview', documents: [{ source: 't.csv', partnerships: [p], diagnostics: [] }] } }));
    assert.match(html, /<h3>金沢市–全州市: /);
    assert.doesNotMatch(html, /全州市（）/);
  });

  it('names the file of each line of a CSV pair (both have a line 2), one file’s lines after the other’s, with what the row lacked', async () => {
    const { parseDocuments } = await import('../../services/documents.service.js');
    const events = '相手都市,年（西暦）,区分,交流内容\n全州市,2017,派遣,市職員を派遣\n全州市,2018,受入,\n';
    const photos = '相手都市,年（西暦）,写真説明\n全州市,2017,\n全州市,2017,記念撮影\n';
    const [doc] = await parseDocuments([{ name: 't.csv', bytes: Buffer.from(events) }, { name: 't.photos.csv', bytes: Buffer.from(photos) }], { home: '金沢市', maxDocumentBytes: 1 << 20 });
    const ctx = { locale: 'ja' as const, explicitLocale: true, path: '/staff/import/preview', query: '', home: '金沢市', assetVersion: 'test' };
    const html = renderPage(h(ImportPage, { view: { ctx, csrf: 'token' }, preview: { token: 'preview', documents: [doc!] } }));
    const table = /<table class="diagnostics">.*?<\/table>/s.exec(html)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr class="\w+"><td>([^<]*)<\/td><td>([^<]*)/g)].map((m) => [m[1], m[2]!.trim()]);
    assert.deepEqual(rows, [
      ['t.photos.csv 2', '警告: 「写真説明」の欄が空のため、この写真の記録は取り込みません。説明を書いてください。'],
      ['t.csv 3', '警告: 「交流内容」の欄が空のため、この行は取り込みません。交流のない年なら、区分に「交流なし」と書いてください。'],
    ]);
  });
});
