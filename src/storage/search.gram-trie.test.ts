import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gramsOf, TEXT_SEPARATOR } from '../domain/search-text.js';
import { GramTrie } from './search.gram-trie.js';

/**
 * Texts from a small alphabet (so that grams repeat within and across texts), with astral characters, lone
 * surrogates and the separator between a text and its translations.
 */
const text = fc.array(fc.constantFrom('交', '流', '市', 'a', 'b', ' ', '𠮷', '\ud800', '\udc00', '年', TEXT_SEPARATOR), { maxLength: 30 }).map((cs) => cs.join(''));

function gramsByTrie(trie: GramTrie, normalized: string): string[] {
  const found: number[] = [];
  trie.itemGrams(normalized, (n) => found.push(n));
  return found.map((n) => trie.text(n));
}

describe('gram trie', () => {
  it('numbers exactly the grams gramsOf gives, each once per item, the same number for the same gram across items', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (texts) => {
        const trie = new GramTrie();
        const numbers = new Map<string, number>();
        for (const t of texts) {
          const found: number[] = [];
          trie.itemGrams(t, (n) => found.push(n));
          const grams = found.map((n) => trie.text(n));
          assert.deepEqual([...grams].sort(), [...gramsOf(t)].sort());
          assert.ok(grams.every((g) => !g.includes(TEXT_SEPARATOR)), 'no gram spans a text and its translation');
          assert.equal(new Set(found).size, found.length);
          for (const [i, gram] of grams.entries()) {
            const before = numbers.get(gram);
            if (before !== undefined) assert.equal(found[i], before);
            numbers.set(gram, found[i]!);
          }
        }
      }),
    );
  });

  it('keeps a surrogate pair as one character and counts every gram as a node', () => {
    const trie = new GramTrie();
    assert.deepEqual(gramsByTrie(trie, '𠮷野家').sort(), ['家', '野', '野家', '𠮷', '𠮷野', '𠮷野家'].sort());
    assert.equal(trie.size, 1 + 6);
    assert.deepEqual(gramsByTrie(trie, '野家'), ['野', '野家', '家']);
    assert.equal(trie.size, 1 + 6);
  });

  it('grows past its first thousand grams', () => {
    const trie = new GramTrie();
    const chars = Array.from({ length: 600 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    assert.equal(gramsByTrie(trie, chars).length, 600 + 599 + 598 + 597);
    assert.equal(trie.size, 1 + 600 + 599 + 598 + 597);
  });
});
