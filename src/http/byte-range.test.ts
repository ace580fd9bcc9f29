import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { parseByteRange } from './byte-range.js';

it('reads one byte range of a file: from–to, from to the end, the last n bytes, an end past the file cut to it', () => {
  assert.deepEqual(parseByteRange('bytes=0-99', 1000), { start: 0, end: 99 });
  assert.deepEqual(parseByteRange('bytes=500-', 1000), { start: 500, end: 999 });
  assert.deepEqual(parseByteRange('bytes=-100', 1000), { start: 900, end: 999 });
  assert.deepEqual(parseByteRange('bytes=-5000', 1000), { start: 0, end: 999 });
  assert.deepEqual(parseByteRange('bytes=990-2000', 1000), { start: 990, end: 999 });
  assert.deepEqual(parseByteRange(' bytes=7-7 ', 1000), { start: 7, end: 7 });
  assert.deepEqual(parseByteRange('bytes=10-99999999999999999999', 1000), { start: 10, end: 999 });
});

it('sends the whole file for no range, another unit, several ranges or one that does not parse', () => {
  for (const header of [undefined, '', 'items=0-1', 'bytes=0-1,5-6', 'bytes=-', 'bytes=5-1', 'bytes=a-b', 'bytes 0-1', 'bytes=0x1-2']) {
    assert.equal(parseByteRange(header, 1000), undefined, String(header));
  }
});

it('finds a range unsatisfiable when it starts past the end of the file or asks for no byte', () => {
  assert.equal(parseByteRange('bytes=1000-', 1000), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=1000-1200', 1000), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=-0', 1000), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=0-', 0), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=-10', 0), 'unsatisfiable');
  assert.equal(parseByteRange('bytes=99999999999999999999-', 1000), 'unsatisfiable');
});

it('gives a range within the file whenever it gives one', () => {
  fc.assert(
    fc.property(fc.nat(10_000), fc.option(fc.nat(20_000)), fc.option(fc.nat(20_000)), (size, a, b) => {
      const header = `bytes=${a ?? ''}-${b ?? ''}`;
      const range = parseByteRange(header, size);
      if (range === undefined || range === 'unsatisfiable') return;
      assert.ok(range.start >= 0 && range.start <= range.end && range.end < size, `${header} of ${size}: ${JSON.stringify(range)}`);
      if (a !== null) assert.equal(range.start, a);
    }),
  );
});
