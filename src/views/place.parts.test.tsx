import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { PageContext } from './page-context.js';
import { partnerName, PartnerName, Place } from './parts.js';

const places = new Map([['大連市', { en: 'Dalian', zh: '大连市' }], ['富山市', { en: 'Toyama' }], ['マルセイユ市', { zh: '马赛' }]]);
const ctx = (locale: PageContext['locale']): PageContext => ({ locale, explicitLocale: true, path: '/', query: '', home: '金沢市', assetVersion: 't', places });
const place = (locale: PageContext['locale'], name: string, after?: string) => render(h(Place, { ctx: ctx(locale), name, ...(after ? { after } : {}) }));

test('Place names a place in the reader’s language with its Japanese beside it, marked; untranslated in Japanese, marked; as written on Japanese pages', () => {
  assert.equal(place('en', '大連市'), '<span class="place">Dalian (<span lang="ja">大連市</span>)</span>');
  assert.equal(place('zh', '大連市'), '大连市');
  assert.equal(place('zh', 'マルセイユ市'), '<span class="place">马赛（<span lang="ja">マルセイユ市</span>）</span>');
  assert.equal(place('en', 'マルセイユ市'), '<span lang="ja">マルセイユ市</span>');
  assert.equal(place('ja', '大連市'), '大連市');
  assert.equal(place('en', '富山市', '・'), '<span class="place">Toyama (<span lang="ja">富山市</span>)・</span>');
  assert.equal(place('en', '金沢市', '・'), '<span lang="ja">金沢市・</span>');
  assert.equal(render(h(Place, { ctx: ctx('en'), name: '大連市', brief: true })), 'Dalian', 'brief: the translation alone, for a name already in brackets');
});

test('PartnerName leads with another home, each place named by Place; two untranslated names stay one Japanese span', () => {
  const partner = (locale: PageContext['locale'], p: { home: string; partner: string }) => render(h(PartnerName, { ctx: ctx(locale), p }));
  assert.equal(partner('en', { home: '金沢市', partner: '大連市' }), '<span class="place">Dalian (<span lang="ja">大連市</span>)</span>');
  assert.equal(
    partner('en', { home: '富山市', partner: '大連市' }),
    '<span class="place">Toyama (<span lang="ja">富山市</span>)</span>・<span class="place">Dalian (<span lang="ja">大連市</span>)</span>',
  );
  assert.equal(partner('en', { home: '札幌市', partner: '瀋陽市' }), '<span lang="ja">札幌市・瀋陽市</span>');
  assert.equal(partnerName(ctx('en'), { home: '富山市', partner: '大連市' }), 'Toyama (富山市)・Dalian (大連市)');
  assert.equal(partnerName({ home: '金沢市' }, { home: '富山市', partner: '大連市' }), '富山市・大連市', 'without a locale: the record’s names');
});
