import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { csvField, csvRow, displayWidth, formatNumber, formatTable, meets, percentile, recall, round, sampleQueries, summarize } from '../bench/stats.js';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile(values, 0), 1);
    assert.equal(percentile([7], 99), 7);
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile([1], 101), RangeError);
  });

  it('keeps percentiles ordered and within the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1 }), (values) => {
        const s = summarize(values);
        assert.ok(s.p50 <= s.p95 && s.p95 <= s.p99 && s.p99 <= s.max);
        assert.ok(values.includes(s.p50) && values.includes(s.p99));
        assert.equal(s.n, values.length);
      }),
    );
  });

  it('measures recall against the expected keys', () => {
    assert.equal(recall(['a', 'b'], ['a', 'b']), 1);
    assert.equal(recall(['a', 'x'], ['a', 'b', 'c', 'd']), 0.25);
    assert.equal(recall([], []), 1);
    assert.equal(recall([], ['a']), 0);
  });

  it('rounds to significant digits and checks targets', () => {
    assert.equal(round(123456, 3), 123000);
    assert.equal(round(0.0012345, 2), 0.0012);
    assert.equal(meets(120_000, { min: 100_000 }), true);
    assert.equal(meets(3.2, { max: 3 }), false);
    assert.equal(meets(Number.NaN, { max: 3 }), false);
  });

  it('writes CSV fields as RFC 4180 does', () => {
    assert.equal(csvField('市長が来訪'), '市長が来訪');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField(null), '');
    assert.equal(csvRow([1, null, 'x\ny']), '1,,"x\ny"\n');
  });

  it('formats an aligned table, counting wide characters as two columns', () => {
    assert.equal(displayWidth('市長ab'), 6);
    const table = formatTable(['figure', 'value'], [['検索 p95 ms', 4.25], ['events/s', 123456.7], ['missing', Number.NaN]]);
    assert.equal(
      table,
      ['figure         value', '-----------  -------', '検索 p95 ms     4.25', 'events/s     123,457', 'missing            —'].join('\n'),
    );
    assert.equal(formatNumber(0.012345), '0.0123');
  });

  it('samples queries of 1 to 4 characters that occur in the texts', () => {
    let seed = 1;
    const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const texts = ['大連市長が来訪', '青少年交流団を派遣', 'ＩＴフォーラム'];
    const queries = sampleQueries(texts, 500, next);
    assert.equal(queries.length, 500);
    for (const q of queries) {
      assert.ok(Array.from(q).length >= 1 && Array.from(q).length <= 4, q);
      assert.ok(texts.some((t) => t.includes(q)), q);
    }
    assert.deepEqual(new Set(queries.map((q) => Array.from(q).length)), new Set([1, 2, 3, 4]));
  });
});
