import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeForSearch, searchTerms } from '../domain/search-text.js';
import { highlight, type Segment } from './highlight.js';

/** Segments written compactly: marked parts in [brackets]. */
function show(segments: readonly Segment[]): string {
  return segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join('');
}

describe('highlight', () => {
  it('marks a query in full-width or half-width form in text of either form', () => {
    assert.equal(show(highlight('abc と ＡＢＣ と AbC', 'ＡＢＣ')), '[abc] と [ＡＢＣ] と [AbC]');
    assert.equal(show(highlight('２１世紀美術館で開催', '21世紀')), '[２１世紀]美術館で開催');
    assert.equal(show(highlight('21世紀美術館で開催', '２１世紀')), '[21世紀]美術館で開催');
    assert.equal(show(highlight('ﾗｲﾌ&ﾌｧｯｼｮﾝ', 'ファッション')), 'ﾗｲﾌ&[ﾌｧｯｼｮﾝ]');
  });

  it('keeps a half-width kana with its voiced mark as one unit', () => {
    assert.equal(show(highlight('ｶﾞｲﾄﾞ', 'ガ')), '[ｶﾞ]ｲﾄﾞ');
    assert.equal(show(highlight('ｶﾞｲﾄﾞ', 'ド')), 'ｶﾞｲ[ﾄﾞ]');
    assert.equal(show(highlight('ｶﾞｲﾄﾞ', 'カ')), 'ｶﾞｲﾄﾞ', 'カ is not ガ once normalized');
  });

  it('marks several occurrences, each apart', () => {
    assert.equal(show(highlight('市長が市議会と市民を訪問', '市')), '[市]長が[市]議会と[市]民を訪問');
    assert.equal(show(highlight('大連市から大連大学へ', '大連')), '[大連]市から[大連]大学へ');
  });

  it('joins overlapping and touching occurrences into one mark', () => {
    assert.equal(show(highlight('ああああい', 'ああ')), '[ああああ]い');
    assert.equal(show(highlight('xabababy', 'aba')), 'x[ababa]by');
    assert.equal(show(highlight('abab-ab', 'ab')), '[abab]-[ab]');
  });

  it('marks a character that NFKC expands when the query meets any part of its expansion', () => {
    assert.equal(show(highlight('㍻18年', '平成')), '[㍻]18年');
    assert.equal(show(highlight('㍻18年', '成1')), '[㍻1]8年');
    assert.equal(show(highlight('平成と㍻', '平成')), '[平成]と[㍻]');
    assert.equal(show(highlight('５㌔を走る', 'キロ')), '５[㌔]を走る');
  });

  it('returns the text unmarked when nothing matches or the query is blank', () => {
    assert.deepEqual(highlight('友好交流', '大連'), [{ text: '友好交流', marked: false }]);
    assert.deepEqual(highlight('友好交流', ' 　'), [{ text: '友好交流', marked: false }]);
    assert.deepEqual(highlight('友好交流', ''), [{ text: '友好交流', marked: false }]);
    assert.deepEqual(highlight('', '大連'), []);
  });

  it('trims the query as the search does and keeps the text whole', () => {
    const text = '夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】';
    const segments = highlight(text, ' 友好交流 ');
    assert.equal(segments.map((s) => s.text).join(''), text);
    assert.equal(show(segments), '夏市長が来訪し[友好交流]と協力に関する合意書に署名【[友好交流]都市協定を締結】');
    assert.ok(segments.filter((s) => s.marked).every((s) => normalizeForSearch(s.text) === '友好交流'));
  });

  it('keeps surrogate pairs and combining marks whole', () => {
    assert.equal(show(highlight('𠮷野家の𠮷', '𠮷')), '[𠮷]野家の[𠮷]');
    assert.equal(show(highlight('か\u3099ん', 'が')), '[か\u3099]ん');
  });

  it('gives back the text and marks something exactly when a word of the query is in it (so always when the search finds it)', () => {
    const char = fc.constantFrom('大', '連', '市', '長', 'a', 'A', 'Ａ', 'ａ', '1', '１', 'ｶ', 'ﾞ', 'カ', 'ガ', '㍻', '平', '成', ' ', '&', '＆');
    const str = (max: number) => fc.array(char, { maxLength: max }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(str(16), str(3), (text, query) => {
        const segments = highlight(text, query);
        assert.equal(segments.map((s) => s.text).join(''), text);
        const words = searchTerms(query);
        if (words.length > 0) assert.equal(segments.some((s) => s.marked), words.some((w) => normalizeForSearch(text).includes(w)));
      }),
      { numRuns: 2000 },
    );
  });

  it('marks every word of a query of several words', () => {
    const marked = highlight('金沢市長が大連市を訪問', '大連　市長').filter((s) => s.marked).map((s) => s.text);
    assert.deepEqual(marked, ['市長', '大連']);
  });
});
