import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gramsOf, normalizeForSearch, queryGrams } from './search-text.js';

describe('search text', () => {
  it('normalizes full-width and case', () => {
    assert.equal(normalizeForSearch('ＡＢＣ'), 'abc');
    assert.equal(normalizeForSearch('ABC'), 'abc');
    assert.equal(normalizeForSearch('１２'), '12');
    assert.equal(normalizeForSearch('２１世紀美術館'), '21世紀美術館');
  });

  it('gives the distinct unigrams and bigrams by code point', () => {
    assert.deepEqual(gramsOf('市長市長'), ['市', '長', '市長', '長市']);
    assert.deepEqual(gramsOf('a𠮷b'), ['a', '𠮷', 'b', 'a𠮷', '𠮷b']);
    assert.deepEqual(gramsOf(''), []);
  });

  it('gives a query its bigrams, or its single character', () => {
    assert.deepEqual(queryGrams('大'), ['大']);
    assert.deepEqual(queryGrams('𠮷'), ['𠮷']);
    assert.deepEqual(queryGrams('大連'), ['大連']);
    assert.deepEqual(queryGrams('訪問訪問'), ['訪問', '問訪']);
    assert.deepEqual(queryGrams(''), []);
  });

  it('every query gram is a gram of any text containing the query', () => {
    const text = normalizeForSearch('山野市長が訪問、「友好交流の更なる発展」');
    const grams = new Set(gramsOf(text));
    for (const q of ['山', '市長', '交流の更', '」']) assert.ok(queryGrams(q).every((g) => grams.has(g)), q);
  });
});
