import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BulkColumn } from '../database.js';

/**
 * The rows of one bulk insert, passed as the only parameter of a `copy … from stdin` statement: a client made
 * ready by `allowCopy` streams them in PostgreSQL's binary COPY format instead of sending a parameter.
 */
export class CopyRows {
  constructor(
    readonly columns: readonly BulkColumn[],
    readonly rows: readonly (readonly unknown[])[],
  ) {}
}

/** The statement that copies `columns` of `table` from the client in binary format. */
export function copyStatement(table: string, columns: readonly BulkColumn[]): string {
  return `copy "${table}" (${columns.map(([name]) => `"${name}"`).join(', ')}) from stdin with (format binary)`;
}

type Query = (...args: unknown[]) => unknown;

/**
 * Lets the client run a COPY through Kysely, which only sends statements with parameters: a statement whose only
 * parameter is CopyRows streams those rows. Everything else goes to the client's own `query`.
 */
export function allowCopy(client: pg.ClientBase): void {
  const query = client.query.bind(client) as Query;
  const copying: Query = (...args) => {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length === 1 && values[0] instanceof CopyRows) return copyIn(query, text, values[0]);
    return query(...args);
  };
  client.query = copying as typeof client.query;
}

/** Runs the COPY statement and streams the rows; settles, as a query result, when PostgreSQL has them all. */
async function copyIn(query: Query, text: string, { columns, rows }: CopyRows): Promise<{ command: string; rowCount: number; rows: [] }> {
  const stream = query(copyFrom(text)) as ReturnType<typeof copyFrom>;
  await pipeline(Readable.from(binaryCopy(columns, rows)), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}

/** Bytes per piece of the stream; a larger value gets a piece of its own size. */
const PIECE = 1 << 20;
/** The binary COPY signature, then a flags field and a header-extension length, both 0. */
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * The rows in PostgreSQL's binary COPY format (a header, each row as its field count and each field as its length
 * and bytes, -1 for null, then a trailer), in pieces of about a mebibyte. The column types must be those of the
 * table: integer as int4, real as float4, text as UTF-8, binary as bytea.
 */
export function* binaryCopy(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): Generator<Buffer> {
  const out = new Pieces();
  out.room(HEADER.length);
  out.at += HEADER.copy(out.piece, out.at);
  for (const row of rows) {
    out.room(2);
    out.at = out.piece.writeInt16BE(columns.length, out.at);
    for (const [c, column] of columns.entries()) writeField(out, column, row[c]);
    yield* out.takeFull();
  }
  out.room(2);
  out.at = out.piece.writeInt16BE(-1, out.at);
  yield* out.takeFull();
  yield out.piece.subarray(0, out.at);
}

/** The pieces being filled: `piece` up to `at`, and those full and not yet handed on. */
class Pieces {
  piece = Buffer.allocUnsafe(PIECE);
  at = 0;
  private full: Buffer[] = [];

  /** Makes room for `bytes` more, setting the filled part of the piece aside when it lacks them. */
  room(bytes: number): void {
    if (this.at + bytes <= this.piece.length) return;
    if (this.at > 0) this.full.push(this.piece.subarray(0, this.at));
    this.piece = Buffer.allocUnsafe(Math.max(PIECE, bytes));
    this.at = 0;
  }

  takeFull(): Buffer[] {
    if (this.full.length === 0) return this.full;
    const full = this.full;
    this.full = [];
    return full;
  }
}

function writeField(out: Pieces, [name, type]: BulkColumn, value: unknown): void {
  if (value === null || value === undefined) {
    out.room(4);
    out.at = out.piece.writeInt32BE(-1, out.at);
  } else if (type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32.min || value > INT32.max) throw new TypeError(`Column ${name}: ${String(value)} is not a 32-bit integer`);
    out.room(8);
    out.at = out.piece.writeInt32BE(value, out.piece.writeInt32BE(4, out.at));
  } else if (type === 'real') {
    out.room(8);
    out.at = out.piece.writeFloatBE(Number(value), out.piece.writeInt32BE(4, out.at));
  } else if (type === 'text') {
    const text = String(value);
    // At most three bytes per UTF-16 code unit.
    out.room(4 + text.length * 3);
    const length = out.piece.write(text, out.at + 4, 'utf8');
    out.piece.writeInt32BE(length, out.at);
    out.at += 4 + length;
  } else {
    if (!(value instanceof Uint8Array)) throw new TypeError(`Column ${name}: binary values must be bytes`);
    out.room(4 + value.length);
    out.at = out.piece.writeInt32BE(value.length, out.at);
    out.piece.set(value, out.at);
    out.at += value.length;
  }
}
