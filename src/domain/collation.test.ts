import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareJapanese } from './collation.js';

test('orders municipalities in Japanese collation order, not by code point', () => {
  const homes = ['金沢市', '富山市', '青森市', '札幌市', '大阪市', 'つくば市', 'さいたま市'];
  // By code point 大 (U+5927) would come first and 青 (U+9752) last; the collation puts kana first and then
  // kanji in JIS X 0208's order, by their on readings: 金 (きん), 札 (さつ), 青 (せい), 大 (だい), 富 (ふ).
  assert.deepEqual([...homes].sort(compareJapanese), ['さいたま市', 'つくば市', '金沢市', '札幌市', '青森市', '大阪市', '富山市']);
});

test('is a total order: distinct names never compare equal, and equal names do', () => {
  assert.equal(compareJapanese('金沢市', '金沢市'), 0);
  // Full-width and half-width forms may collate alike; the code point order then decides.
  assert.notEqual(compareJapanese('Ａ市', 'A市'), 0);
  assert.equal(Math.sign(compareJapanese('Ａ市', 'A市')), -Math.sign(compareJapanese('A市', 'Ａ市')));
});
