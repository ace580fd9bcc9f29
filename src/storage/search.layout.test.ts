import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ByteArena, COMBINED_YEAR, SHORT_YEAR_LIST, combinedSections, decodeCombined, encodeCombined, layOutAdded, layOutGram, listsOfRow, type YearChange } from './search.layout.js';
import { encodePostings } from './search.postings.js';

const ascending = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

/** Year lists with ascending years from 1868 and non-empty, ascending id lists. */
const yearLists = fc
  .uniqueArray(fc.integer({ min: 1868, max: 2100 }), { maxLength: 12 })
  .chain((years) => fc.tuple(...ascending(years).map((year) => fc.uniqueArray(fc.nat(100_000), { minLength: 1, maxLength: 80 }).map((ids) => ({ year, ids: ascending(ids) })))));

describe('the combined posting row', () => {
  it('decodes the lists it encodes, and gives each year its count without decoding', () => {
    fc.assert(
      fc.property(yearLists, (lists) => {
        const bytes = encodeCombined(lists);
        assert.deepEqual(decodeCombined(bytes), lists);
        assert.deepEqual(
          combinedSections(bytes).map((s) => [s.year, s.count]),
          lists.map((l) => [l.year, l.ids.length]),
        );
      }),
    );
  });

  it('refuses years out of order, the combined year itself and empty lists', () => {
    assert.throws(() => encodeCombined([{ year: 2001, ids: [1] }, { year: 2000, ids: [2] }]), RangeError);
    assert.throws(() => encodeCombined([{ year: 2001, ids: [1] }, { year: 2001, ids: [2] }]), RangeError);
    assert.throws(() => encodeCombined([{ year: COMBINED_YEAR, ids: [1] }]), RangeError);
    assert.throws(() => encodeCombined([{ year: 2001, ids: [] }]), RangeError);
  });

  it('reports a row cut short', () => {
    const bytes = encodeCombined([{ year: 2006, ids: [300, 70_000] }]);
    assert.throws(() => combinedSections(bytes.subarray(0, 2)), /cut short/);
  });

  it('reads a row of its own year as that one list', () => {
    assert.deepEqual(listsOfRow({ year: 2006, ids: encodePostings([3, 9]) }), [{ year: 2006, ids: [3, 9] }]);
    assert.deepEqual(listsOfRow({ year: COMBINED_YEAR, ids: encodeCombined([{ year: 2006, ids: [3] }, { year: 2007, ids: [4] }]) }), [
      { year: 2006, ids: [3] },
      { year: 2007, ids: [4] },
    ]);
  });
});

/** One gram's stored rows by year (COMBINED_YEAR for the combined row), changed as flush does: replaced rows deleted, then written ones inserted. */
function apply(rows: Map<number, Uint8Array>, changes: Map<number, YearChange>): void {
  const own = new Map([...rows].filter(([year]) => year !== COMBINED_YEAR && changes.has(year)));
  const combined = rows.get(COMBINED_YEAR);
  const { write, replace } = layOutGram(rows.size === 0 ? undefined : { ...(combined ? { combined } : {}), own }, changes);
  for (const year of replace) assert.ok(rows.delete(year), `replaces the stored row of ${year}`);
  for (const row of write) {
    assert.ok(!rows.has(row.year), `writes ${row.year} where no row is left`);
    assert.equal(row.n, listsOfRow(row).reduce((n, l) => n + l.ids.length, 0));
    rows.set(row.year, row.ids);
  }
}

describe('laying out a gram’s lists', () => {
  it('keeps exactly the ids added and not removed, long lists in rows of their own and short ones combined', () => {
    const years = fc.integer({ min: 2000, max: 2008 });
    const step = fc.array(
      fc.record({ year: years, added: fc.array(fc.nat(400), { maxLength: 120 }), removed: fc.array(fc.nat(400), { maxLength: 60 }) }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const rows = new Map<number, Uint8Array>();
        const model = new Map<number, Set<number>>();
        for (const changes of steps) {
          const byYear = new Map<number, YearChange>();
          for (const c of changes) {
            // As the batch collects them: a later removal wins over an earlier addition, a later addition over a removal.
            const entry = byYear.get(c.year) ?? { added: [], removed: new Set<number>() };
            const removed = new Set([...(entry.removed ?? []), ...c.removed]);
            const added = [...entry.added.filter((id) => !removed.has(id)), ...c.added];
            for (const id of c.added) removed.delete(id);
            byYear.set(c.year, { added, removed });
            const set = model.get(c.year) ?? new Set();
            for (const id of c.removed) set.delete(id);
            for (const id of c.added) set.add(id);
            model.set(c.year, set);
          }
          apply(rows, byYear);
          const stored = [...rows].flatMap(([year, ids]) => listsOfRow({ year, ids }).map((l) => ({ ...l, own: year !== COMBINED_YEAR })));
          const expected = [...model].filter(([, ids]) => ids.size > 0).sort((a, b) => a[0] - b[0]);
          assert.deepEqual(
            stored.map((l) => [l.year, l.ids]).sort((a, b) => (a[0] as number) - (b[0] as number)),
            expected.map(([year, ids]) => [year, ascending(ids)]),
          );
          for (const l of stored) assert.equal(l.own, l.ids.length > SHORT_YEAR_LIST, `${l.year}: ${l.ids.length} ids`);
        }
      }),
    );
  });

  it('leaves the stored rows of untouched years alone and writes nothing for a change that empties nothing stored', () => {
    const rows = new Map<number, Uint8Array>();
    apply(rows, new Map([[2001, { added: Array.from({ length: 100 }, (_, i) => i) }], [2002, { added: [5] }]]));
    assert.deepEqual([...rows.keys()].sort(), [COMBINED_YEAR, 2001]);
    const own2001 = rows.get(2001);
    apply(rows, new Map([[2003, { added: [7] }]]));
    assert.equal(rows.get(2001), own2001);
    assert.deepEqual(decodeCombined(rows.get(COMBINED_YEAR)!), [{ year: 2002, ids: [5] }, { year: 2003, ids: [7] }]);
    assert.deepEqual(layOutGram(undefined, new Map([[2004, { added: [], removed: new Set([1]) }]])), { write: [], replace: [] });
  });

  it('refuses an item of the combined row’s year', () => {
    assert.throws(() => layOutGram(undefined, new Map([[COMBINED_YEAR, { added: [1] }]])), RangeError);
  });
});

describe('laying out the lists of a new gram', () => {
  /** Runs of ascending ids in ascending years, some long enough for rows of their own, laid end to end in one array. */
  const runs = fc
    .uniqueArray(fc.integer({ min: 1868, max: 2100 }), { minLength: 1, maxLength: 10 })
    .chain((years) =>
      fc.tuple(...ascending(years).map((year) => fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 150 }).map((ids) => ({ year, ids: ascending(ids) })))),
    );

  it('gives, byte for byte, the rows layOutGram gives for the same lists, across the arena’s buffers', () => {
    // Small buffers, so that lists land in new ones and long lists are larger than one.
    const arena = new ByteArena(256);
    fc.assert(
      fc.property(runs, (lists) => {
        const ids = Int32Array.from(lists.flatMap((l) => l.ids));
        let start = 0;
        const added = lists.map((l) => ({ year: l.year, start: (start += l.ids.length) - l.ids.length, count: l.ids.length }));
        const fast = layOutAdded(ids, added, arena);
        const expected = layOutGram(undefined, new Map(lists.map((l) => [l.year, { added: l.ids }])));
        assert.deepEqual(
          fast?.map((r) => ({ ...r, ids: [...r.ids] })),
          expected.write.map((r) => ({ ...r, ids: [...r.ids] })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a run with a repeated or descending id to layOutGram', () => {
    const arena = new ByteArena();
    assert.equal(layOutAdded(Int32Array.of(3, 3), [{ year: 2001, start: 0, count: 2 }], arena), null);
    assert.equal(layOutAdded(Int32Array.of(4, 3), [{ year: 2001, start: 0, count: 2 }], arena), null);
    assert.ok(layOutAdded(Int32Array.of(4, 3), [{ year: 2001, start: 0, count: 1 }, { year: 2002, start: 1, count: 1 }], arena));
  });
});
