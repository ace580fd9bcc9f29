import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yearOfQuery } from './year-query.js';

test('a query that is a year, Gregorian or Japanese era, in any width, names that Gregorian year', () => {
  for (const q of ['2019', '２０１９', '2019年', '2019年度', ' 2019 ', '「2019」', '令和元年', '令和1年', '平成31年', '平成31', 'R1', 'r1', 'H31', 'Ｒ１', 'R.1', '令和元年度']) {
    assert.equal(yearOfQuery(q), 2019, q);
  }
  assert.equal(yearOfQuery('平成元年'), 1989);
  assert.equal(yearOfQuery('昭和64年'), 1989);
  assert.equal(yearOfQuery('S50'), 1975);
  assert.equal(yearOfQuery('平成18年'), 2006);
  assert.equal(yearOfQuery('明治元年'), 1868);
});

test('any other query, and an era year that never was, names no year', () => {
  for (const q of ['市長', '2019 市長', '金沢マラソン2019', '201', '20190', '1200', '平成32年', '昭和65年', '令和', 'R', 'X1', '12月', '']) {
    assert.equal(yearOfQuery(q), null, q);
  }
});
