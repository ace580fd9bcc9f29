import { GRAM_LENGTH } from '../domain/search-text.js';

/** Past the largest code point: a child's key is its parent's number times this plus its code point, exact in a double. */
const CODE_POINTS = 0x110000;

/**
 * Every gram an import sees, numbered as the nodes of a trie of code points: gram n is gram `parent[n]` followed
 * by code point `last[n]`. An item's grams are found by walking the trie from each of its characters, one Map
 * lookup by number per character of each gram, where cutting and hashing each gram as a string cost some
 * four times as much. Node 0 is the empty gram.
 */
export class GramTrie {
  private readonly children = new Map<number, number>();
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
    const key = node * CODE_POINTS + codePoint;
    let child = this.children.get(key);
    if (child === undefined) {
      child = this.parents.length;
      this.children.set(key, child);
      this.parents.push(node);
      this.lasts.push(codePoint);
      if (child >= this.seenBy.length) {
        const grown = new Int32Array(this.seenBy.length * 2);
        grown.set(this.seenBy);
        this.seenBy = grown;
      }
    }
    return child;
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
