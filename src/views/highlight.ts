import { normalizeForSearch, searchTermForms } from '../domain/search-text.js';
import { japaneseForms } from '../domain/simplified-chinese.js';

/** A piece of a text: marked when it is (part of) an occurrence of the query. */
export interface Segment {
  text: string;
  marked: boolean;
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/**
 * The text cut into segments, with every occurrence of each word of `query` in each of its readings (searchTermForms) marked, compared as the search compares
 * (normalizeForSearch: NFKC, then lower case), so ＡＢＣ marks abc and ＡＢＣ alike. The ranges are found in the
 * normalized text and mapped back onto the original: each grapheme (so ｶﾞ stays one unit) is normalized on its
 * own, and a grapheme is marked when any character it normalizes to lies in an occurrence (㍻ is marked for 成).
 * Overlapping or touching occurrences make one marked segment. The segments' texts joined give back `text`.
 */
export function highlight(text: string, query: string): Segment[] {
  if (text === '') return [];
  // Each reading's words: 发 marks 発 and 髪, as search finds both.
  const needles = [...new Set(searchTermForms(query).flat())];
  if (needles.length === 0) return [{ text, marked: false }];

  const units = Array.from(graphemes.segment(text), (s) => s.segment);
  let normalized = '';
  /** For each UTF-16 index of `normalized`, the unit it came from. */
  const owner: number[] = [];
  units.forEach((unit, i) => {
    // Simplified characters in their Japanese forms, as the words are: 马拉松 is marked for 马拉松 (read 馬拉松).
    const piece = japaneseForms(normalizeForSearch(unit));
    normalized += piece;
    for (let k = 0; k < piece.length; k++) owner.push(i);
  });

  const marked = new Array<boolean>(units.length).fill(false);
  let found = false;
  for (const needle of needles) {
    for (let at = normalized.indexOf(needle); at !== -1; at = normalized.indexOf(needle, at + 1)) {
      found = true;
      for (let k = at; k < at + needle.length; k++) marked[owner[k]!] = true;
    }
  }
  if (!found) return [{ text, marked: false }];

  const segments: Segment[] = [];
  units.forEach((unit, i) => {
    const last = segments[segments.length - 1];
    if (last && last.marked === marked[i]) last.text += unit;
    else segments.push({ text: unit, marked: marked[i]! });
  });
  return segments;
}
