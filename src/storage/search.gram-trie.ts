import { GRAM_LENGTH, TEXT_SEPARATOR } from '../domain/search-text.js';

const SEPARATOR = TEXT_SEPARATOR.codePointAt(0)!;

/**
 * Every gram an import sees, numbered as the nodes of a trie of code points: gram n is gram `parent[n]` followed
 * by code point `last[n]`. An item's grams are found by walking the trie from each of its characters, one Map
 * lookup by number per character of each gram, where cutting and hashing each gram as a string cost some
 * four times as much. Node 0 is the empty gram. The children are found in a hash table of typed arrays (open
 * addressing, keyed by parent and code point): a Map keyed by a number past 2^31 hashed each key as a heap number.
 */
export class GramTrie {
  /**
   * The slots, three numbers each side by side (one cache line per probe): the parent, the code point and the
   * child (0: empty slot). The slots number a power of two.
   */
  private slots = new Int32Array(3 << 12);
  private readonly parents: number[] = [-1];
  private readonly lasts: number[] = [0];
  /** Per node, the last item that held it (see `itemGrams`): an item's repeated grams are reported once. */
  private seenBy = new Int32Array(1024);
  private item = 0;
  private codePoints = new Int32Array(256);

  /** How many grams are numbered, counting the empty one. */
  get size(): number {
    return this.parents.length;
  }

  /**
   * Calls `found` once with the number of each distinct gram (1 to GRAM_LENGTH code points) of `normalized`:
   * the grams gramsOf gives, numbered.
   */
  itemGrams(normalized: string, found: (gram: number) => void): void {
    const count = this.readCodePoints(normalized);
    const item = ++this.item;
    for (let i = 0; i < count; i++) {
      let node = 0;
      const end = Math.min(count, i + GRAM_LENGTH);
      for (let j = i; j < end; j++) {
        // No gram spans the separator between a text and its translations (gramsOf).
        if (this.codePoints[j] === SEPARATOR) break;
        node = this.child(node, this.codePoints[j]!);
        if (this.seenBy[node] !== item) {
          this.seenBy[node] = item;
          found(node);
        }
      }
    }
  }

  /** The gram numbered `n`, as text. */
  text(n: number): string {
    const codePoints: number[] = [];
    for (let node = n; node > 0; node = this.parents[node]!) codePoints.push(this.lasts[node]!);
    return String.fromCodePoint(...codePoints.reverse());
  }

  private child(node: number, codePoint: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let slot = hash(node, codePoint) & mask;
    for (;;) {
      const at = slot * 3;
      const found = slots[at + 2]!;
      if (found === 0) break;
      if (slots[at] === node && slots[at + 1] === codePoint) return found;
      slot = (slot + 1) & mask;
    }
    const child = this.parents.length;
    slots[slot * 3] = node;
    slots[slot * 3 + 1] = codePoint;
    slots[slot * 3 + 2] = child;
    this.parents.push(node);
    this.lasts.push(codePoint);
    if (child >= this.seenBy.length) {
      const grown = new Int32Array(this.seenBy.length * 2);
      grown.set(this.seenBy);
      this.seenBy = grown;
    }
    // At most half the slots taken, so that a probe ends soon.
    if (child * 2 > mask) this.growSlots();
    return child;
  }

  private growSlots(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / 3 - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      let slot = hash(old[at]!, old[at + 1]!) & mask;
      while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + 3), slot * 3);
    }
    this.slots = slots;
  }

  /** The code points of `text` into `this.codePoints`; returns how many (a surrogate pair is one, a lone surrogate one). */
  private readCodePoints(text: string): number {
    if (this.codePoints.length < text.length) this.codePoints = new Int32Array(text.length * 2);
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      this.codePoints[count++] = codePoint;
    }
    return count;
  }
}

/** A 32-bit mix of a parent number and a code point. */
function hash(node: number, codePoint: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(codePoint + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}
