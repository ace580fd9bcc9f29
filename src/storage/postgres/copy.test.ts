import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BulkColumn } from '../database.js';
import { binaryCopy, copyStatement } from './copy.js';

const COLUMNS: BulkColumn[] = [['id', 'integer'], ['share', 'real'], ['label', 'text'], ['ids', 'binary']];

/** Reads PostgreSQL's binary COPY format back into rows (null for -1 lengths), checking its header and trailer. */
function readCopy(bytes: Buffer, columns: readonly BulkColumn[]): unknown[][] {
  assert.equal(bytes.subarray(0, 11).toString('latin1'), 'PGCOPY\n\xff\r\n\0');
  assert.equal(bytes.readInt32BE(11), 0);
  assert.equal(bytes.readInt32BE(15), 0);
  const rows: unknown[][] = [];
  let at = 19;
  for (;;) {
    const count = bytes.readInt16BE(at);
    at += 2;
    if (count === -1) break;
    assert.equal(count, columns.length);
    const row: unknown[] = [];
    for (const [, type] of columns) {
      const length = bytes.readInt32BE(at);
      at += 4;
      if (length === -1) {
        row.push(null);
        continue;
      }
      const field = bytes.subarray(at, at + length);
      at += length;
      if (type === 'integer') row.push(field.readInt32BE(0));
      else if (type === 'real') row.push(field.readFloatBE(0));
      else if (type === 'text') row.push(field.toString('utf8'));
      else row.push(Uint8Array.from(field));
    }
    rows.push(row);
  }
  assert.equal(at, bytes.length, 'nothing after the trailer');
  return rows;
}

describe('the binary COPY encoder', () => {
  it('writes each row as PostgreSQL reads it: integers, reals, UTF-8 texts, bytes and nulls', () => {
    const rows = [
      [1, 0.5, '金沢市と大連市', Uint8Array.of(0, 255, 10)],
      [-(2 ** 31), null, '', new Uint8Array()],
      [2 ** 31 - 1, -2.25, 'tab\tnewline\n\\ 𠮷', null],
      [null, 0, null, Uint8Array.of(9)],
    ];
    assert.deepEqual(readCopy(Buffer.concat([...binaryCopy(COLUMNS, rows)]), COLUMNS), rows);
  });

  it('hands the stream on in pieces of about a mebibyte, a larger value in a piece of its own', () => {
    const big = new Uint8Array(3 << 20).fill(7);
    const rows = Array.from({ length: 60_000 }, (_, i) => [i, i / 2, `行 ${i}`, i === 30_000 ? big : Uint8Array.of(i % 256, 1, 2)]);
    const pieces = [...binaryCopy(COLUMNS, rows)];
    assert.ok(pieces.length > 3, `${pieces.length} pieces`);
    for (const piece of pieces) assert.ok(piece.length <= 1 << 20 || piece.length >= big.length, `a piece of ${piece.length} bytes`);
    const read = readCopy(Buffer.concat(pieces), COLUMNS);
    assert.equal(read.length, rows.length);
    assert.deepEqual(read[30_000], rows[30_000]);
    assert.deepEqual(read.at(-1), rows.at(-1));
  });

  it('refuses a value its column type cannot carry, naming the column', () => {
    for (const id of [1.5, 2 ** 31, '7']) {
      assert.throws(() => [...binaryCopy(COLUMNS, [[id, 0, 'x', null]])], { name: 'TypeError', message: /Column id: .* is not a 32-bit integer/ });
    }
    assert.throws(() => [...binaryCopy(COLUMNS, [[1, 0, 'x', 'not bytes']])], { name: 'TypeError', message: /Column ids: binary values must be bytes/ });
  });

  it('names the table and columns quoted, in the order given', () => {
    assert.equal(copyStatement('events', COLUMNS), 'copy "events" ("id", "share", "label", "ids") from stdin with (format binary)');
  });
});
