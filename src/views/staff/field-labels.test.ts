import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { japanDateTime, japanTime } from './field-labels.js';

describe('a time as staff read it', () => {
  it('is Japan’s time, to the minute, written 2026年11月28日 13:05 in Japanese and Chinese', () => {
    assert.equal(japanDateTime('ja', '2026-11-28T04:05:59.900Z'), '2026年11月28日 13:05');
    assert.equal(japanDateTime('zh', '2026-11-28T04:05:00Z'), '2026年11月28日 13:05');
    assert.equal(japanDateTime('en', '2026-11-28T04:05:00Z'), '2026-11-28 13:05');
  });

  it('is the next day in Japan for a UTC evening, and the next year on New Year’s Eve', () => {
    assert.equal(japanDateTime('ja', '2026-12-31T15:30:00Z'), '2027年1月1日 00:30');
    assert.equal(japanTime('2026-12-31T15:30:00Z'), '2027-01-01 00:30:00');
  });
});
