/**
 * Posting lists of the search index: for one gram and one year, the ids of the items holding the gram, ascending,
 * stored as one binary value of varint gaps. A bulk import writes each (gram, year) once instead of one row per gram
 * and item, and a search reads the years in the order it ranks them.
 */

/** Ascending, distinct, non-negative ids → gaps as LEB128 varints (the first from -1). */
export function encodePostings(ids: readonly number[]): Uint8Array {
  const out = new Uint8Array(ids.length * 8);
  let at = 0;
  let previous = -1;
  for (const id of ids) {
    let gap = id - previous - 1;
    if (gap < 0 || !Number.isInteger(id)) throw new RangeError(`posting ${id} is not ascending`);
    previous = id;
    while (gap >= 0x80) {
      out[at++] = (gap % 0x80) | 0x80;
      gap = Math.floor(gap / 0x80);
    }
    out[at++] = gap;
  }
  return out.slice(0, at);
}

export function decodePostings(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  let previous = -1;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    gap += (b & 0x7f) * 2 ** shift;
    if (b & 0x80) {
      shift += 7;
      continue;
    }
    previous += gap + 1;
    ids.push(previous);
    gap = 0;
    shift = 0;
  }
  return ids;
}

/** The ids in every list (each ascending), ascending. */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  let result = ordered[0]!.slice();
  for (const list of ordered.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const id of result) {
      while (j < list.length && list[j]! < id) j++;
      if (j === list.length) break;
      if (list[j] === id) next.push(id);
    }
    result = next;
    if (result.length === 0) break;
  }
  return result;
}

/** The ids in any of the lists (each ascending), ascending and distinct. */
export function unionSorted(lists: readonly (readonly number[])[]): number[] {
  let result: number[] = [];
  for (const list of lists) result = mergePostings(result, list, NO_IDS);
  return result;
}

const NO_IDS: ReadonlySet<number> = new Set();

/** `base` with `add` merged in and `remove` taken out; all ascending, result ascending and distinct. */
export function mergePostings(base: readonly number[], add: readonly number[], remove: ReadonlySet<number>): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < add.length) {
    const next = j >= add.length || (i < base.length && base[i]! <= add[j]!) ? base[i++]! : add[j++]!;
    if (remove.has(next) || out[out.length - 1] === next) continue;
    out.push(next);
  }
  return out;
}
