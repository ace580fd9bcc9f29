import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pluralOf } from './messages.js';

describe('the form of a message for a count', () => {
  const forms = { one: 'one', other: 'other' };
  it('takes the singular for 1 in English only, and the one form of Japanese and Chinese for every count', () => {
    assert.deepEqual([0, 1, 2, 21].map((n) => pluralOf('en', n, forms)), ['other', 'one', 'other', 'other']);
    for (const locale of ['ja', 'zh'] as const) assert.deepEqual([0, 1, 2].map((n) => pluralOf(locale, n, forms)), ['other', 'other', 'other']);
  });
});
