import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPlaceTranslations, localizedPlace, placesNamedBy, placeText } from './place-name.js';

const names = new Map([
  ['大連市', { en: 'Dalian', zh: '大连市' }],
  ['マルセイユ市', { en: 'Marseille', zh: '马赛' }],
  ['金沢市', { en: 'Kanazawa' }],
]);

test('an English page names a translated place with its Japanese name beside it; an untranslated one in Japanese', () => {
  assert.deepEqual(localizedPlace('大連市', names, 'en'), { text: 'Dalian', lang: 'en', japanese: '大連市' });
  assert.equal(placeText('大連市', names, 'en'), 'Dalian (大連市)');
  assert.deepEqual(localizedPlace('旭川市', names, 'en'), { text: '旭川市', lang: 'ja' });
});

test('a Chinese page keeps the Japanese beside a name only when it is written in kana', () => {
  assert.equal(placeText('大連市', names, 'zh'), '大连市');
  assert.equal(placeText('マルセイユ市', names, 'zh'), '马赛（マルセイユ市）');
  assert.deepEqual(localizedPlace('金沢市', names, 'zh'), { text: '金沢市', lang: 'ja' });
  assert.deepEqual(localizedPlace('札幌市', new Map([['札幌市', { zh: '札幌市' }]]), 'zh'), { text: '札幌市', lang: 'zh' }, 'the same characters, given as Chinese: not marked Japanese');
});

test('a Japanese page writes the record’s name whatever the translations', () => {
  assert.equal(placeText('大連市', names, 'ja'), '大連市');
  assert.equal(placeText('大連市', undefined, 'en'), '大連市');
});

test('translations of a name are one line each, of at most 100 characters; blank ones are dropped', () => {
  assert.deepEqual(checkPlaceTranslations({ en: ' Dalian ', zh: '' }), { translations: { en: 'Dalian' } });
  assert.deepEqual(checkPlaceTranslations({ en: 'Dalian\nCity' }), { invalid: 'en' });
  assert.deepEqual(checkPlaceTranslations({ zh: '大'.repeat(101) }), { invalid: 'zh' });
});

test('a search in the reader’s language finds the places whose translation holds it, case aside', () => {
  assert.deepEqual(placesNamedBy('dalian', names), ['大連市']);
  assert.deepEqual(placesNamedBy('马赛', names), ['マルセイユ市']);
  assert.deepEqual(placesNamedBy('a', names), []);
});
