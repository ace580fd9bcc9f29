import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canMoveWithinYear, isLaterDate, movedWithinYear, placeByDate, placeOf, placeRestored } from './event-order.js';

const events = [
  { year: 2018, date: '2018-03-10' },
  { year: 2018, date: '2018-07-01' },
  { year: 2018, date: null },
  { year: 2018, date: '2018-11-20' },
  { year: 2019, date: '2019-05-01' },
  { year: 2021, date: '2021-06' },
];

describe('the place of an event added or moved on the web', () => {
  it('is before the first event of its year with a later date, undated events keeping their place', () => {
    assert.equal(placeByDate(events, { year: 2018, date: '2018-01-05' }), 0);
    assert.equal(placeByDate(events, { year: 2018, date: '2018-08-15' }), 3, 'after the undated event that followed 2018-07-01');
    assert.equal(placeByDate(events, { year: 2018, date: '2019-02-01' }), 4, 'a 年度 date past every other is last in its year');
  });

  it('is after the last event of its year when none has a later date, or it has no date', () => {
    assert.equal(placeByDate(events, { year: 2018, date: '2018-12-31' }), 4);
    assert.equal(placeByDate(events, { year: 2018, date: null }), 4);
    assert.equal(placeByDate(events, { year: 2019, date: '2019-05-01' }), 5, 'a date equal to another comes after it');
  });

  it('is between the years around it in a year without events, and last after every year', () => {
    assert.equal(placeByDate(events, { year: 2020, date: '2020-02-01' }), 5);
    assert.equal(placeByDate(events, { year: 2015, date: null }), 0);
    assert.equal(placeByDate(events, { year: 2025, date: '2025-01-01' }), 6);
    assert.equal(placeByDate([], { year: 2025, date: null }), 0);
  });

  it('compares a month with a day as far as both go', () => {
    assert.equal(isLaterDate('2021-07', '2021-06-30'), true);
    assert.equal(isLaterDate('2021-06', '2021-06-30'), false);
    assert.equal(isLaterDate('2021-06-30', '2021-06'), false);
    assert.equal(isLaterDate(null, '2021-06'), false);
  });
});

describe('the place of a restored event', () => {
  const stored = [
    { id: 1, year: 2018, date: '2018-03-10' },
    { id: 2, year: 2018, date: null },
    { id: 3, year: 2018, date: '2018-11-20' },
    { id: 4, year: 2019, date: null },
  ];
  it('records the events of its year before it and after it, nearest first', () => {
    assert.deepEqual(placeOf(stored, 1), { previous: [1], next: [3] });
    assert.deepEqual(placeOf(stored, 3), { previous: [], next: [] });
    assert.deepEqual(placeOf([...stored.slice(0, 2), { id: 9, year: 2018, date: null }, ...stored.slice(2)], 2), { previous: [2, 1], next: [3] });
  });
  it('is before the nearest follower still in its year, else after the nearest predecessor, else by date', () => {
    const others = stored.filter((e) => e.id !== 2);
    const undated = { year: 2018, date: null };
    assert.equal(placeRestored(others, undated, { previous: [1], next: [3] }), 1, 'back between 1 and 3, not last in its year');
    assert.equal(placeRestored(others.filter((e) => e.id !== 3), undated, { previous: [1], next: [3] }), 1, 'after 1 when 3 is gone');
    const moved = others.map((e) => (e.id === 3 ? { ...e, year: 2019 } : e));
    assert.equal(placeRestored(moved, undated, { previous: [], next: [3] }), 1, 'a follower moved to another year does not count: last in 2018');
    assert.equal(placeRestored(others, { year: 2018, date: '2018-05-01' }, undefined), 1, 'no place recorded: by date');
  });
});

describe('moving an undated event within its year', () => {
  const list = [
    { id: 1, year: 2017, date: null },
    { id: 2, year: 2018, date: null },
    { id: 3, year: 2018, date: '2018-05-01' },
    { id: 4, year: 2018, date: null },
    { id: 5, year: 2019, date: null },
  ];
  const ids = (order: readonly { id: number }[] | undefined) => order?.map((e) => e.id);

  it('changes places with its neighbour of the same year, dated or not', () => {
    assert.deepEqual(ids(movedWithinYear(list, 4, -1)), [1, 2, 4, 3, 5]);
    assert.deepEqual(ids(movedWithinYear(list, 2, 1)), [1, 3, 2, 4, 5]);
  });

  it('goes no further than the first or last event of its year, and does not move a dated event', () => {
    assert.equal(movedWithinYear(list, 2, -1), undefined, 'the first of 2018 does not go into 2017');
    assert.equal(movedWithinYear(list, 4, 1), undefined, 'the last of 2018 does not go into 2019');
    assert.equal(movedWithinYear(list, 3, -1), undefined, 'a dated event follows its date');
    assert.equal(movedWithinYear(list, 99, 1), undefined);
    assert.deepEqual([canMoveWithinYear(list, 2, -1), canMoveWithinYear(list, 2, 1), canMoveWithinYear(list, 1, 1)], [false, true, false]);
  });
});
