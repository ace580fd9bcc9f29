/**
 * Posting lists of the search index: for one gram and one block of item ids (BLOCK ids wide), the ids holding the
 * gram, ascending, stored as one binary value of varint gaps. A frequent gram costs about a byte per item, and a
 * bulk import writes each (gram, block) once instead of one row per gram and item.
 */
export const POSTING_BLOCK = 16_384;

export const blockOf = (id: number): number => Math.floor(id / POSTING_BLOCK);

/** Ascending, distinct ids of one block → gaps as LEB128 varints (the first gap is from the block's first id). */
export function encodePostings(ids: readonly number[], block: number): Uint8Array {
  const out = new Uint8Array(ids.length * 3);
  let at = 0;
  let previous = block * POSTING_BLOCK - 1;
  for (const id of ids) {
    let gap = id - previous - 1;
    if (gap < 0 || blockOf(id) !== block) throw new RangeError(`posting ${id} is not ascending within block ${block}`);
    previous = id;
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
  }
  return out.slice(0, at);
}

export function decodePostings(bytes: Uint8Array, block: number): number[] {
  const ids: number[] = [];
  let previous = block * POSTING_BLOCK - 1;
  let gap = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    gap |= (b & 0x7f) << shift;
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
