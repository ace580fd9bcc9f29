import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isNoneMark, readDirectionLabel } from './direction-labels.js';
import { stripMarkup } from './markup.js';
import { foldWidth } from './years.js';

/** The mark test without the first-character shortcut: fold the whole cell and look. */
const foldedMark = (cell: string) => cell.length <= 200 && /^[—―‐\-ー－─━−–]+$|^なし$|^無し$/.test(foldWidth(stripMarkup(cell)).replace(/\s/g, ''));

describe('none marks and direction labels', () => {
  it('reads the marks the genre and PDF extraction write, and nothing else', () => {
    for (const mark of ['—', '―', '－', 'ー', '--', ' — ', '　—　', 'なし', '無し', '<p>—</p>', '&#8212;', '&nbsp;—', 'ｰ', '―\u3000―']) assert.ok(isNoneMark(mark), mark);
    for (const cell of ['', 'ー訪問', '市長が訪問', 'なしえた', '—交流', '<b>大連</b>', '&amp;', '2006年']) assert.equal(isNoneMark(cell), foldedMark(cell), cell);
    assert.equal(isNoneMark(`${'—'.repeat(201)}`), false, 'longer than any mark');
    assert.equal(readDirectionLabel(' 派 遣 '), 'dispatch');
    assert.equal(readDirectionLabel('—'), 'unknown');
    assert.equal(readDirectionLabel('<td>受入れ</td>'), 'reception');
    assert.equal(readDirectionLabel('交流'), undefined);
  });

  it('gives what folding the whole cell gives, for any cell built from marks, spaces, markup and text', () => {
    const pieces = ['—', '―', '‐', '-', 'ー', '－', '─', '━', '−', '–', 'ｰ', 'な', 'し', '無', ' ', '\u3000', '\t', '<p>', '</p>', '<br>', '&amp;', '&#8212;', '&nbsp;', '訪問', 'ナ', 'ﾅ', '\u3099', '\u0301', '㍻', '①', 'a'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 8 }), (parts) => {
        const cell = parts.join('');
        assert.equal(isNoneMark(cell), foldedMark(cell), JSON.stringify(cell));
      }),
      { numRuns: 3000 },
    );
  });
});
