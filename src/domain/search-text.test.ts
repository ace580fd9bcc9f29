import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gramsOf, kanaForms, normalizeForSearch, queryGrams, searchableText, searchTermForms, searchTerms, TEXT_SEPARATOR } from './search-text.js';

describe('search text', () => {
  it('normalizes full-width and case', () => {
    assert.equal(normalizeForSearch('ＡＢＣ'), 'abc');
    assert.equal(normalizeForSearch('ABC'), 'abc');
    assert.equal(normalizeForSearch('１２'), '12');
    assert.equal(normalizeForSearch('２１世紀美術館'), '21世紀美術館');
  });

  it('gives the distinct substrings of one to four code points, shortest first', () => {
    assert.deepEqual(gramsOf('市長市長'), ['市', '長', '市長', '長市', '市長市', '長市長', '市長市長']);
    assert.deepEqual(gramsOf('a𠮷b'), ['a', '𠮷', 'b', 'a𠮷', '𠮷b', 'a𠮷b']);
    assert.deepEqual(gramsOf('友好交流会議'), ['友', '好', '交', '流', '会', '議', '友好', '好交', '交流', '流会', '会議', '友好交', '好交流', '交流会', '流会議', '友好交流', '好交流会', '交流会議']);
    assert.deepEqual(gramsOf(''), []);
  });

  it('cuts grams at code points, surrogate pairs whole and lone surrogates alone, as Array.from splits text', () => {
    // No gram spans the separator between a text and its translations: the parts are cut apart first.
    const naive = (text: string) => {
      const parts = text.split(TEXT_SEPARATOR).map((part) => Array.from(part));
      const grams = new Set<string>();
      for (let n = 1; n <= 4; n++) for (const chars of parts) for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
      return [...grams];
    };
    const unit = fc.oneof(fc.constantFrom('市', '長', 'a', '𠮷', '\ud842', '\udfb7', '、', TEXT_SEPARATOR), fc.string({ maxLength: 1, unit: 'binary' }));
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }), (units) => assert.deepEqual(gramsOf(units.join('')), naive(units.join('')))));
  });

  it('gives a query of up to four characters itself as its one gram, a longer one its four-character substrings', () => {
    assert.deepEqual(queryGrams('大'), ['大']);
    assert.deepEqual(queryGrams('𠮷'), ['𠮷']);
    assert.deepEqual(queryGrams('大連'), ['大連']);
    assert.deepEqual(queryGrams('訪問訪問'), ['訪問訪問']);
    assert.deepEqual(queryGrams('a𠮷b𠮷'), ['a𠮷b𠮷']);
    assert.deepEqual(queryGrams('訪問訪問訪問'), ['訪問訪問', '問訪問訪']);
    assert.deepEqual(queryGrams(''), []);
  });

  it('every query gram is a gram of any text containing the query', () => {
    const text = normalizeForSearch('山野市長が訪問、「友好交流の更なる発展」');
    const grams = new Set(gramsOf(text));
    for (const q of ['山', '市長', '交流の更', '」', '友好交流の更なる']) assert.ok(queryGrams(q).every((g) => grams.has(g)), q);
  });
});

describe('kanaForms and searchTermForms', () => {
  it('reads kana as typed, in katakana and in hiragana, each form once', () => {
    assert.deepEqual(kanaForms('まらそん'), ['まらそん', 'マラソン']);
    assert.deepEqual(kanaForms('マラソン'), ['マラソン', 'まらそん']);
    assert.deepEqual(kanaForms('マラそん大会'), ['マラそん大会', 'マラソン大会', 'まらそん大会']);
    assert.deepEqual(kanaForms('ラーメン・ゞ'), ['ラーメン・ゞ', 'ラーメン・ヾ', 'らーめん・ゞ']);
    assert.deepEqual(kanaForms('市長'), ['市長']);
    assert.deepEqual(kanaForms('ヴ'), ['ヴ', 'ゔ']);
  });

  it('leaves kana out of a query’s readings, which are its simplified forms only', () => {
    assert.deepEqual(searchTermForms('まらそん 大会'), [['まらそん', '大会']]);
    assert.deepEqual(searchTermForms('大连'), [['大連']]);
  });
});

describe('searchTerms', () => {
  it('splits a query into normalized words at any white space, each once', () => {
    assert.deepEqual(searchTerms(' 大連　ＡＢＣ  大連 市長 '), ['大連', 'abc', '市長']);
    assert.deepEqual(searchTerms('　 '), []);
    assert.deepEqual(searchTerms('大連市'), ['大連市']);
    assert.deepEqual(searchTerms('"大連市外事弁公室主任 市長" 訪問'), ['大連市外事弁公室主任 市長', '訪問'], 'a phrase in quotes is one word');
    assert.deepEqual(searchTerms('“大連 訪問”'), ['大連 訪問']);
    assert.deepEqual(searchTerms('"" 大連 "'), ['大連'], 'empty or unclosed quotes are no word');
  });
});

describe('searchableText', () => {
  it('is the normalized text alone for an item without translations', () => {
    assert.equal(searchableText('ＡＢＣ交流'), 'abc交流');
    assert.equal(searchableText('交流', {}), '交流');
    assert.equal(searchableText('交流', { en: '  ' }), '交流');
  });

  it('adds the English, then the Chinese translation, normalized, the Chinese in Japanese forms as queries are read', () => {
    assert.equal(searchableText('市長が訪問', { zh: '市长访问大连', en: 'The Mayor Visited' }), `市長が訪問${TEXT_SEPARATOR}the mayor visited${TEXT_SEPARATOR}市長訪問大連`);
    for (const q of ['市长', '访问', '大连']) assert.ok(searchableText('x', { zh: '市长访问大连' }).includes(searchTerms(q)[0]!), q);
  });

  it('cuts no gram across a text and its translation', () => {
    const grams = gramsOf(searchableText('ab', { en: 'cd' }));
    assert.ok(grams.includes('ab') && grams.includes('cd'));
    assert.ok(!grams.some((g) => g.includes('b') && g.includes('c')), grams.join(','));
  });

  it('reads control characters in a query as spaces, so no word holds the separator', () => {
    assert.deepEqual(searchTerms('a\nb'), ['a', 'b']);
    assert.deepEqual(searchTerms('"a\nb"'), ['a b']);
    assert.deepEqual(searchTerms('"a\u0000b"'), ['a b']);
  });
});

