import assert from 'node:assert/strict';
import { test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { Credit } from './parts.js';

test('a credit in Japanese script is marked Japanese on English and Chinese pages, one in the reader’s language is not', () => {
  const credit = (locale: 'ja' | 'en' | 'zh', text: string) => render(h(Credit, { locale, children: text }));
  assert.equal(credit('en', '金沢市 国際交流の記録'), '<span lang="ja">金沢市 国際交流の記録</span>');
  assert.equal(credit('zh', 'かなざわ'), '<span lang="ja">かなざわ</span>');
  assert.equal(credit('ja', '金沢市 国際交流の記録'), '金沢市 国際交流の記録');
  assert.equal(credit('en', 'Kanazawa City International Exchange Records'), 'Kanazawa City International Exchange Records');
});
