import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anniversaries, tokyoCalendarDate } from './anniversary.js';

/** An instant given as a Tokyo wall-clock time (UTC+9, no daylight saving). */
const tokyo = (iso: string, time = '12:00') => new Date(`${iso}T${time}:00+09:00`);

describe('anniversaries', () => {
  it('gives Dalian the 20th just passed and the 25th next, the day after the 20th', () => {
    assert.deepEqual(anniversaries('2006-11-24', tokyo('2026-11-25')), {
      previous: { years: 20, date: '2026-11-24', daysSince: 1 },
      next: { years: 25, date: '2031-11-24', daysUntil: 1825 },
    });
  });

  it('counts the anniversary day itself as just passed, 0 days ago', () => {
    assert.deepEqual(anniversaries('2006-11-24', tokyo('2026-11-24', '00:00')), {
      previous: { years: 20, date: '2026-11-24', daysSince: 0 },
      next: { years: 25, date: '2031-11-24', daysUntil: 1826 },
    });
    assert.deepEqual(anniversaries('2006-11-24', tokyo('2026-11-23', '23:59'))?.next, { years: 20, date: '2026-11-24', daysUntil: 1 });
  });

  it('reads the day on Tokyo calendar dates, whatever the instant’s UTC date', () => {
    // 2026-11-23T20:00Z is already 24 November in Tokyo.
    assert.deepEqual(tokyoCalendarDate(new Date('2026-11-23T20:00:00Z')), { year: 2026, month: 11, day: 24 });
    assert.equal(anniversaries('2006-11-24', new Date('2026-11-23T20:00:00Z'))?.previous?.daysSince, 0);
    assert.equal(anniversaries('2006-11-24', new Date('2026-11-23T14:59:59Z'))?.next.daysUntil, 1);
  });

  it('has no passed anniversary before the 10th, and the 10th next', () => {
    assert.deepEqual(anniversaries('2020-04-01', tokyo('2024-06-01')), {
      previous: null,
      next: { years: 10, date: '2030-04-01', daysUntil: 2130 },
    });
    assert.deepEqual(anniversaries('2020-04-01', tokyo('2020-04-01'))?.next.years, 10);
  });

  it('steps by five years from ten', () => {
    const a = anniversaries('1960-05-10', tokyo('2000-01-01'));
    assert.equal(a?.previous?.years, 35);
    assert.equal(a?.previous?.date, '1995-05-10');
    assert.equal(a?.next.years, 40);
    assert.equal(a?.next.date, '2000-05-10');
    assert.equal(anniversaries('1960-05-10', tokyo('1975-05-09'))?.previous?.years, 10);
    assert.equal(anniversaries('1960-05-10', tokyo('1975-05-10'))?.previous?.years, 15);
  });

  it('keeps an affiliation of 29 February on 29 February in leap years and on 28 February otherwise', () => {
    assert.deepEqual(anniversaries('2004-02-29', tokyo('2014-03-01')), {
      previous: { years: 10, date: '2014-02-28', daysSince: 1 },
      next: { years: 15, date: '2019-02-28', daysUntil: 1825 },
    });
    assert.deepEqual(anniversaries('2004-02-29', tokyo('2024-02-28'))?.next, { years: 20, date: '2024-02-29', daysUntil: 1 });
    assert.deepEqual(anniversaries('2004-02-29', tokyo('2024-02-29'))?.previous, { years: 20, date: '2024-02-29', daysSince: 0 });
    // 2100 is not a leap year.
    assert.equal(anniversaries('2000-02-29', tokyo('2099-12-31'))?.next.date, '2100-02-28');
  });

  it('gives nothing for a month-only, invalid or future date', () => {
    assert.equal(anniversaries('2006-11', tokyo('2026-11-25')), null);
    assert.equal(anniversaries('2006-02-30', tokyo('2026-11-25')), null);
    assert.equal(anniversaries('2005-02-29', tokyo('2026-11-25')), null);
    assert.equal(anniversaries('not a date', tokyo('2026-11-25')), null);
    assert.equal(anniversaries('2030-01-01', tokyo('2026-11-25')), null);
  });
});
