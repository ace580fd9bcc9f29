/**
 * Where a gram's posting lists are stored. A year's list of more than SHORT_YEAR_LIST ids has a row of its own
 * (the gram, the kind, the year); the shorter lists of the gram's other years share one combined row under
 * COMBINED_YEAR. Most lists are short (a gram that occurs in a few items a year), so a country's record needs
 * about a tenth of the rows one row per year would take, and an import writes that much less
 * (docs/performance.md). The layout is a function of the lists alone: however the items arrived, the same lists
 * are stored in the same rows.
 */
import { decodePostings, encodePostings, mergePostings } from './search.postings.js';

/** The `year` of a combined row. Items have real years (from 1868), so no list of its own has it. */
export const COMBINED_YEAR = 0;
/** A year's list of at most this many ids is kept in the combined row; a longer one in a row of its own. */
export const SHORT_YEAR_LIST = 64;

/** One year's list: ascending, distinct ids. */
export interface YearList {
  year: number;
  ids: readonly number[];
}

/**
 * A combined row's value: for each year, ascending, its year, its list's length and its byte length as varints,
 * then the list as encodePostings writes it. The byte lengths let a reader count without decoding the ids.
 */
export function encodeCombined(lists: readonly YearList[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let previous = COMBINED_YEAR;
  let size = 0;
  for (const { year, ids } of lists) {
    if (!Number.isInteger(year) || year <= previous) throw new RangeError(`year ${year} is not after ${previous}`);
    if (ids.length === 0) throw new RangeError(`the list of ${year} is empty`);
    previous = year;
    const encoded = encodePostings(ids);
    const header = varints([year, ids.length, encoded.length]);
    parts.push(header, encoded);
    size += header.length + encoded.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The years of a combined row with their lists' lengths and where each list's bytes lie, ids left encoded. */
export function combinedSections(bytes: Uint8Array): { year: number; count: number; start: number; end: number }[] {
  const sections: { year: number; count: number; start: number; end: number }[] = [];
  let at = 0;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new RangeError('combined posting row cut short');
      const b = bytes[at++]!;
      value += (b & 0x7f) * scale;
      if (!(b & 0x80)) return value;
      scale *= 0x80;
    }
  };
  while (at < bytes.length) {
    const year = next();
    const count = next();
    const length = next();
    sections.push({ year, count, start: at, end: at + length });
    at += length;
  }
  return sections;
}

export function decodeCombined(bytes: Uint8Array): YearList[] {
  return combinedSections(bytes).map((s) => ({ year: s.year, ids: decodePostings(bytes.subarray(s.start, s.end)) }));
}

/** The lists a stored row holds: its own year's, or each year's of a combined row. */
export function listsOfRow(row: { year: number; ids: Uint8Array }): YearList[] {
  return row.year === COMBINED_YEAR ? decodeCombined(row.ids) : [{ year: row.year, ids: decodePostings(row.ids) }];
}

/** What is stored of one gram and kind, as far as a change needs it: the combined row, and the rows of the years it touches. */
export interface StoredGram {
  combined?: Uint8Array;
  own: ReadonlyMap<number, Uint8Array>;
}

/** Changes to one year's list: ids to add (any order, repeats allowed) and ids to take out. */
export interface YearChange {
  added: readonly number[];
  removed?: ReadonlySet<number>;
}

/** A row to write: `year` is COMBINED_YEAR for the combined row. */
export interface LaidOutRow {
  year: number;
  ids: Uint8Array;
  n: number;
}

/**
 * The rows one gram and kind needs after `changes` (by year), and the stored rows they replace. Only touched years
 * move between the combined row and rows of their own; the combined row is rewritten when one of its years changes.
 */
export function layOutGram(stored: StoredGram | undefined, changes: ReadonlyMap<number, YearChange>): { write: LaidOutRow[]; replace: number[] } {
  let sections: Map<number, readonly number[]> | undefined;
  const combined = () => (sections ??= new Map(stored?.combined ? decodeCombined(stored.combined).map((l) => [l.year, l.ids]) : []));
  const write: LaidOutRow[] = [];
  const replace: number[] = [];
  let combinedChanged = false;
  for (const [year, change] of changes) {
    if (year === COMBINED_YEAR) throw new RangeError(`an item's year cannot be ${COMBINED_YEAR}`);
    const own = stored?.own.get(year);
    const inCombined = own === undefined && stored?.combined !== undefined ? combined().get(year) : undefined;
    const before = own !== undefined ? decodePostings(own) : (inCombined ?? []);
    const ids = ascending(change.added);
    const after = before.length > 0 || change.removed ? mergePostings(before, ids, change.removed ?? new Set()) : distinct(ids);
    if (own !== undefined) replace.push(year);
    if (inCombined) {
      combined().delete(year);
      combinedChanged = true;
    }
    if (after.length > SHORT_YEAR_LIST) write.push({ year, ids: encodePostings(after), n: after.length });
    else if (after.length > 0) {
      combined().set(year, after);
      combinedChanged = true;
    }
  }
  if (combinedChanged) {
    if (stored?.combined) replace.push(COMBINED_YEAR);
    const lists = [...combined()].sort((a, b) => a[0] - b[0]).map(([year, ids]) => ({ year, ids }));
    if (lists.length > 0) write.push({ year: COMBINED_YEAR, ids: encodeCombined(lists), n: lists.reduce((n, l) => n + l.ids.length, 0) });
  }
  return { write: write.sort((a, b) => a.year - b.year), replace: replace.sort((a, b) => a - b) };
}

/** One year's ids among a gram's added ids: `ids[start, start + count)`. */
export interface AddedRun {
  year: number;
  start: number;
  count: number;
}

/**
 * Room for many encoded lists in a few large buffers: each list is a view of one of them, so that an import's
 * hundreds of thousands of lists do not each allocate (and collect) a buffer of their own.
 */
export class ByteArena {
  private buffer = new Uint8Array(0);
  private at = 0;

  constructor(private readonly chunkBytes = ARENA_BYTES) {}

  /** A buffer with at least `bytes` free from `offset` on; `take` then keeps what was written. */
  reserve(bytes: number): { buffer: Uint8Array; offset: number } {
    if (this.at + bytes > this.buffer.length) {
      this.buffer = new Uint8Array(Math.max(this.chunkBytes, bytes));
      this.at = 0;
    }
    return { buffer: this.buffer, offset: this.at };
  }

  /** Keeps `length` bytes written from the reserved offset, as a view. */
  take(length: number): Uint8Array {
    const view = this.buffer.subarray(this.at, this.at + length);
    this.at += length;
    return view;
  }
}

const ARENA_BYTES = 1 << 22;
/** A varint of a number below 2^35 takes at most five bytes. */
const MAX_VARINT = 5;

/**
 * The rows of a gram of which nothing is stored and nothing taken out, from its added ids (`ids`, each run's ids
 * ascending): what layOutGram gives for the same lists, encoded straight into `arena`. Returns null when a run is
 * not strictly ascending (an item added twice), for layOutGram to sort out.
 */
export function layOutAdded(ids: Int32Array, runs: readonly AddedRun[], arena: ByteArena): LaidOutRow[] | null {
  const rows: LaidOutRow[] = [];
  let shortBytes = 0;
  let shortIds = 0;
  for (const run of runs) {
    for (let i = run.start + 1; i < run.start + run.count; i++) if (ids[i - 1]! >= ids[i]!) return null;
    if (run.count > SHORT_YEAR_LIST) {
      const { buffer, offset } = arena.reserve(run.count * MAX_VARINT);
      const length = writeGaps(buffer, offset, ids, run.start, run.count) - offset;
      rows.push({ year: run.year, ids: arena.take(length), n: run.count });
    } else if (run.count > 0) {
      shortBytes += 3 * MAX_VARINT + run.count * MAX_VARINT;
      shortIds += run.count;
    }
  }
  if (shortIds > 0) {
    const { buffer, offset } = arena.reserve(shortBytes);
    let at = offset;
    let previous = COMBINED_YEAR;
    for (const run of runs) {
      if (run.count === 0 || run.count > SHORT_YEAR_LIST) continue;
      if (run.year <= previous) throw new RangeError(`year ${run.year} is not after ${previous}`);
      previous = run.year;
      at = writeVarint(buffer, at, run.year);
      at = writeVarint(buffer, at, run.count);
      // The list's byte length comes before it: written after the list, into the room left, then the list moved up.
      const lengthAt = at;
      const listAt = lengthAt + MAX_VARINT;
      const listEnd = writeGaps(buffer, listAt, ids, run.start, run.count);
      const afterLength = writeVarint(buffer, lengthAt, listEnd - listAt);
      buffer.copyWithin(afterLength, listAt, listEnd);
      at = afterLength + (listEnd - listAt);
    }
    rows.unshift({ year: COMBINED_YEAR, ids: arena.take(at - offset), n: shortIds });
  }
  return rows;
}

/** The ids' gaps (the first from -1) as varints into `out` from `at`; returns where they end. */
function writeGaps(out: Uint8Array, at: number, ids: Int32Array, start: number, count: number): number {
  let previous = -1;
  for (let i = start; i < start + count; i++) {
    const id = ids[i]!;
    at = writeVarint(out, at, id - previous - 1);
    previous = id;
  }
  return at;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value = value >>> 7;
  }
  out[at++] = value;
  return at;
}

/** The ids in ascending order: as they are when added in id order (an import), else sorted. */
function ascending(ids: readonly number[]): readonly number[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return [...ids].sort((a, b) => a - b);
  return ids;
}

/** Ascending ids without repeats. */
function distinct(ids: readonly number[]): readonly number[] {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] === ids[i]) return ids.filter((id, j) => j === 0 || ids[j - 1] !== id);
  return ids;
}

function varints(values: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (let value of values) {
    while (value >= 0x80) {
      out.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    out.push(value);
  }
  return Uint8Array.from(out);
}
