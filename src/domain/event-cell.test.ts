import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { continuesAcrossSpace, splitEventCell } from './event-cell.js';

/** The rule as first written: split at every run of spaces, then join a token to the piece before it when the text goes on. */
function plainSplit(content: string): string[] {
  const pieces: string[] = [];
  for (const token of content.split(/ +/)) {
    if (token === '') continue;
    const last = pieces.at(-1);
    if (last !== undefined && continuesAcrossSpace(last, token)) pieces[pieces.length - 1] = `${last} ${token}`;
    else pieces.push(token);
  }
  return pieces;
}

const pieces = ['市長が訪問', '「', '」', '（', '）', '(', ')', '【', '】', 'Kanazawa', 'Night', '2019', 'を開催', 'はしご車', ' ', '  ', '　', '合意書', '」に調印', 'A', '9', 'に参加', 'で', 'の', 'のと', '、', '，', '～友好35周年～', '〜記念〜'];
const cells = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((p) => p.join(''));

describe('the events of a cell', () => {
  it('split in one pass as splitting at every space and joining where the text goes on does', () => {
    fc.assert(fc.property(cells, (cell) => assert.deepEqual(splitEventCell(cell), plainSplit(cell))), { numRuns: 5000 });
  });

  it('go on inside brackets, between Latin words and before を', () => {
    assert.deepEqual(splitEventCell(' 市長が訪問  代表団が来訪 '), ['市長が訪問', '代表団が来訪']);
    assert.deepEqual(splitEventCell('「金沢 大連」展 閉幕） 訪問'), ['「金沢 大連」展', '閉幕）', '訪問']);
    assert.deepEqual(splitEventCell('Kanazawa  Night を開催 はしご車を寄贈'), ['Kanazawa Night を開催', 'はしご車を寄贈']);
    assert.equal(continuesAcrossSpace('「Kanazawa Week', '2019年'), true);
    assert.equal(continuesAcrossSpace('合意書」に調印', 'のと鉄道を視察'), false);
  });

  it('go on before a particle and a kanji or katakana word, and after a comma, but not before a word in hiragana', () => {
    assert.deepEqual(splitEventCell('Japan Week 2011 に参加 市長が訪問'), ['Japan Week 2011 に参加', '市長が訪問']);
    assert.deepEqual(splitEventCell('Kanazawa Night で開催 友好の翼 の訪問 マラソン大会 へ派遣'), ['Kanazawa Night で開催', '友好の翼 の訪問', 'マラソン大会 へ派遣']);
    assert.deepEqual(splitEventCell('市長が訪問、 記念式典に出席 代表団が来訪， 懇談'), ['市長が訪問、 記念式典に出席', '代表団が来訪， 懇談']);
    assert.deepEqual(splitEventCell('友好の翼 のと鉄道を視察 はしご車を寄贈 もてなし講座'), ['友好の翼', 'のと鉄道を視察', 'はしご車を寄贈', 'もてなし講座']);
    assert.equal(continuesAcrossSpace('訪問団', 'に'), false, 'a particle alone is a piece of its own');
  });

  it('go on before a subtitle led by a wave dash', () => {
    assert.deepEqual(splitEventCell('市長が蘇州市を訪問 ～友好35周年～ 代表団が来訪'), ['市長が蘇州市を訪問 ～友好35周年～', '代表団が来訪']);
    assert.deepEqual(splitEventCell('記念式典を開催 〜提携20周年〜'), ['記念式典を開催 〜提携20周年〜']);
    assert.deepEqual(splitEventCell('記念式典を開催 友好35周年～ 代表団が来訪'), ['記念式典を開催', '友好35周年～', '代表団が来訪'], 'only a word a wave dash leads');
  });
});
