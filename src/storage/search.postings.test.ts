import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockOf, decodePostings, encodePostings, intersectSorted, mergePostings, POSTING_BLOCK } from './search.postings.js';

const ascending = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

describe('search posting lists', () => {
  it('decodes what it encodes, in any block, with gaps of any size', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.array(fc.nat(POSTING_BLOCK - 1), { maxLength: 300 }), (block, offsets) => {
        const ids = ascending(offsets).map((o) => block * POSTING_BLOCK + o);
        assert.deepEqual(decodePostings(encodePostings(ids, block), block), ids);
      }),
    );
  });

  it('takes about a byte per id of a frequent gram', () => {
    const ids = Array.from({ length: POSTING_BLOCK }, (_, i) => 3 * POSTING_BLOCK + i);
    assert.equal(encodePostings(ids, 3).length, POSTING_BLOCK);
    assert.equal(blockOf(ids.at(-1)!), 3);
  });

  it('refuses ids out of order or outside the block', () => {
    assert.throws(() => encodePostings([5, 5], 0), RangeError);
    assert.throws(() => encodePostings([POSTING_BLOCK], 0), RangeError);
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
