import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryLang } from './query-lang.js';

test('a query is marked by what it is written in: kana Japanese, hanzi the Chinese page’s own, simplified-only forms Chinese elsewhere', () => {
  assert.equal(queryLang('zh', '大连'), undefined, 'simplified hanzi on a Chinese page');
  assert.equal(queryLang('zh', '大連'), undefined, 'Han only on a Chinese page is the page’s language');
  assert.equal(queryLang('zh', 'マラソン'), 'ja');
  assert.equal(queryLang('zh', '市長が訪問'), 'ja', 'kana among kanji');
  assert.equal(queryLang('en', '大连'), 'zh-Hans');
  assert.equal(queryLang('en', '访问 市'), 'zh-Hans');
  assert.equal(queryLang('en', '大連'), 'ja', 'Japanese forms on an English page');
  assert.equal(queryLang('en', '范'), 'ja', 'a character both languages write is read as the record’s, Japanese');
  assert.equal(queryLang('ja', '大连'), 'zh-Hans');
  assert.equal(queryLang('ja', '大連'), undefined);
  assert.equal(queryLang('ja', 'ﾏﾗｿﾝ'), undefined, 'half-width kana on a Japanese page');
  assert.equal(queryLang('en', 'Dalian'), undefined);
  assert.equal(queryLang('zh', 'Dalian'), undefined, 'Latin letters are the page’s language');
});
