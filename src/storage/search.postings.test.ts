import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePostings, encodePostings, intersectSorted, mergePostings, unionSorted } from './search.postings.js';

const ascending = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

describe('search posting lists', () => {
  it('decodes what it encodes, with gaps of any size up to 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(1000), fc.nat(), fc.maxSafeNat()), { maxLength: 300 }), (raw) => {
        const ids = ascending(raw);
        assert.deepEqual(decodePostings(encodePostings(ids)), ids);
      }),
    );
  });

  it('takes a byte per id of a gram in every item', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => 50_000 + i);
    assert.equal(encodePostings(ids).length, 3 + 9_999);
  });

  it('refuses ids out of order', () => {
    assert.throws(() => encodePostings([5, 5]), RangeError);
    assert.throws(() => encodePostings([6, 5]), RangeError);
    assert.throws(() => encodePostings([-1]), RangeError);
  });

  it('intersects like sets do', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(200), { maxLength: 80 }), { minLength: 1, maxLength: 4 }), (raw) => {
        const lists = raw.map(ascending);
        const expected = lists[0]!.filter((id) => lists.every((l) => l.includes(id)));
        assert.deepEqual(intersectSorted(lists), expected);
      }),
    );
    assert.deepEqual(intersectSorted([]), []);
  });

  it('unites like sets do', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(200), { maxLength: 80 }), { maxLength: 4 }), (raw) => {
        const lists = raw.map(ascending);
        assert.deepEqual(unionSorted(lists), ascending(lists.flat()));
      }),
    );
  });

  it('merges additions and removals like sets do', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(300)), fc.array(fc.nat(300)), fc.array(fc.nat(300)), (base, add, remove) => {
        const gone = new Set(remove);
        const expected = ascending([...base, ...add]).filter((id) => !gone.has(id));
        assert.deepEqual(mergePostings(ascending(base), ascending(add), gone), expected);
      }),
    );
  });
});
