import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readLeadingDate } from './dates.js';
import { foldWidth, readLeadingYear, readYearCell, restAfter } from './years.js';

describe('year cells', () => {
  const cases: [string, number][] = [
    ['2006年 (平成18年)', 2006],
    ['平成 18 年 (2006 年)', 2006],
    ['平成18年(2006年)', 2006],
    ['平成5(1993)年', 1993],
    ['2019年 (平成31年/ 令和元年)', 2019],
    ['平成 31 年/ 令和元年 (2019 年)', 2019],
    ['令和元年', 2019],
    ['平成7年', 1995],
    ['昭和64年', 1989],
    ['２００６年（平成１８年）', 2006],
    ['平成１８年（２００６年）', 2006],
    ['<p>令和2年 (2020年)</p>', 2020],
    ['㍻18年', 2006],
    ['2006', 2006],
    ['R1', 2019],
    ['H18年', 2006],
    ['ｓ６４', 1989],
    ['R元年', 2019],
  ];
  for (const [cell, year] of cases) {
    it(`reads ${cell} as ${year}`, () => {
      const r = readYearCell(cell);
      assert.ok(r, `${cell} should be a year`);
      assert.equal(r.year, year);
      assert.equal(r.fiscal, false);
      assert.equal(r.mismatch, false);
    });
  }

  it('reads 2017年度 as the fiscal year 2017', () => {
    assert.deepEqual(readYearCell('2017年度'), { year: 2017, fiscal: true, mismatch: false, rest: '' });
    assert.equal(readYearCell('平成29年度')?.fiscal, true);
    assert.deepEqual(readYearCell('R2年度'), { year: 2020, fiscal: true, mismatch: false, rest: '' });
  });

  it('notices an era year that names another year, and keeps the Gregorian year', () => {
    assert.deepEqual(readYearCell('2008年 (平成18年)'), { year: 2008, fiscal: false, mismatch: true, rest: '' });
  });

  it('refuses cells that are not years', () => {
    for (const cell of ['年', '', '交流内容', '18年', '平成年', '2006年 派遣', '天平5年', 'R', 'X1', 'H1.5', 'R1 派遣']) assert.equal(readYearCell(cell), undefined, cell);
  });

  it('keeps the text after a leading year as the document wrote it', () => {
    assert.equal(readLeadingYear('平成16年（2004年）　ＡＢＣ交流団が来訪')?.rest, 'ＡＢＣ交流団が来訪');
  });
});

describe('dates', () => {
  it('reads dates with their own year', () => {
    assert.equal(readLeadingDate('2019.04.13. 市長が訪問')?.date, '2019-04-13');
    assert.equal(readLeadingDate('1973/10/12')?.date, '1973-10-12');
    assert.equal(readLeadingDate('2006年（平成18年）11月24日')?.date, '2006-11-24');
    assert.equal(readLeadingDate('2019.04.13. 市長が訪問')?.rest, '市長が訪問');
  });

  it('takes the year of month-and-day dates from context, moving January to March on in a fiscal year', () => {
    assert.equal(readLeadingDate('7月30日', { year: 2017, fiscal: false })?.date, '2017-07-30');
    assert.equal(readLeadingDate('2月3日 訪問団が来訪', { year: 2017, fiscal: true })?.date, '2018-02-03');
    assert.equal(readLeadingDate('5月 市長が訪問', { year: 2004, fiscal: false })?.date, '2004-05');
    assert.equal(readLeadingDate('７月３０日', { year: 2004, fiscal: false })?.date, '2004-07-30');
  });

  it('refuses impossible dates and month-day forms without context', () => {
    assert.equal(readLeadingDate('2月30日', { year: 2017, fiscal: false }), undefined);
    assert.equal(readLeadingDate('2019.13.01'), undefined);
    assert.equal(readLeadingDate('7月30日'), undefined);
    assert.equal(readLeadingDate('2月29日', { year: 2020, fiscal: false })?.date, '2020-02-29');
    assert.equal(readLeadingDate('2月29日', { year: 2019, fiscal: false }), undefined);
  });
});

describe('restAfter', () => {
  /** The rest by the definition: the shortest prefix of the original whose folded form is as long as the folded match. */
  const byDefinition = (original: string, foldedLength: number) => {
    let k = 0;
    while (k < original.length && foldWidth(original.slice(0, k)).length < foldedLength) k++;
    return original.slice(k);
  };

  it('finds where the rest starts in the original, with and without width folding before it', () => {
    assert.equal(restAfter('2006年（平成18年）11月24日', '2006年(平成18年)'.length), '11月24日');
    assert.equal(restAfter('２００６年　大連市を訪問', '2006年'.length), '　大連市を訪問');
    assert.equal(restAfter('㍻18年 来訪', '平成18年'.length), ' 来訪');
  });

  it('gives the rest by its definition for any text of plain, full-width, combining and expanding characters', () => {
    const pieces = ['2', '０', '年', '（', ')', '㍻', '平成', 'ｶ', '\u3099', 'e', '\u0301', '①', ' ', '\u3000', '訪問', 'ﾞ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), fc.nat(14), (parts, n) => {
        const original = parts.join('');
        assert.equal(restAfter(original, n), byDefinition(original, n), JSON.stringify([original, n]));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('years written in two eras, or in an era and a bracketed second form', () => {
  const agreeing: [string, number, boolean][] = [
    ['平成31年（令和元年）', 2019, false],
    ['昭和64年（平成元年）', 1989, false],
    ['令和元年（平成31年）', 2019, false],
    ['平成31年（令和1年）', 2019, false],
    ['平成31年・令和元年', 2019, false],
    ['昭和６４年・平成元年', 1989, false],
    ['平成31年/令和元年', 2019, false],
    ['2019（平成31・令和元）年', 2019, false],
    ['2019年（令和元年）', 2019, false],
    ['2021年（令和3年）度', 2021, true],
    ['令和3年度（2021年度）', 2021, true],
    ['平成5(1993)年', 1993, false],
  ];
  for (const [cell, year, fiscal] of agreeing) {
    it(`reads ${cell} as the one year ${year}${fiscal ? ' (fiscal)' : ''}`, () => {
      assert.deepEqual(readYearCell(cell), { year, fiscal, mismatch: false, rest: '' });
      assert.equal(readLeadingYear(`${cell} 市長が訪問`)?.rest, '市長が訪問');
    });
  }

  it('gives the years two era years name when they disagree, and no date after them', () => {
    assert.deepEqual(readYearCell('平成30年（令和元年）')?.conflict, [2018, 2019]);
    assert.deepEqual(readYearCell('令和元年（平成30年）')?.conflict, [2019, 2018]);
    assert.deepEqual(readYearCell('平成30年・令和元年')?.conflict, [2018, 2019]);
    assert.equal(readLeadingDate('平成30年（令和元年）5月1日 市長が訪問'), undefined);
    // A Gregorian year beside them decides, as before: a mismatch, not a conflict.
    assert.deepEqual(readYearCell('2019年（平成30年・令和元年）'), { year: 2019, fiscal: false, mismatch: true, rest: '' });
  });
});
