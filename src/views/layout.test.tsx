import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import type { Locale } from './i18n/locale.js';
import { keepsForms, Layout } from './layout.js';
import { renderPage } from './render.js';

function page(path: string, locale: Locale = 'ja'): string {
  const ctx = { locale, explicitLocale: locale !== 'ja', path, query: '', home: '金沢市', assetVersion: 'abc123' };
  return renderPage(h(Layout, { ctx, title: 'ページ', children: h('p', null, '本文') }));
}

test('staff pages and the sign-in page load the form keeper, with its texts in the page’s language', () => {
  const staff = page('/staff/events/1');
  assert.match(staff, /<script src="\/assets\/form-keeper\.js\?v=abc123" defer data-sign-in="false" data-note="ログインの有効期限が切れていたため保存されなかった入力が、このタブに残っています。" data-restore="入力を戻す" data-discard="破棄する" data-restored="[^"]+"><\/script>/);
  assert.match(page('/login'), /form-keeper\.js\?v=abc123" defer data-sign-in="true"/);
  assert.match(page('/staff', 'en'), /data-restore="Put it back"/);
  assert.match(page('/staff/partnerships/3', 'zh'), /data-restore="恢复输入"/);
});

test('public pages carry no script at all', () => {
  for (const path of ['/', '/partnerships/1', '/search', '/events/5', '/staffing', '/loginx']) {
    assert.doesNotMatch(page(path), /<script/, path);
    assert.equal(keepsForms(path), false, path);
  }
  assert.equal(keepsForms('/staff'), true);
  assert.equal(keepsForms('/staff/imports'), true);
});
