import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anniversariesAround, type AnniversarySource } from './anniversary.list.js';

const source = (label: string, year: number, date: string | null = null): AnniversarySource => ({
  kind: date ? 'affiliation' : 'agreement',
  partnershipId: 1,
  partner: '大連市',
  label,
  date,
  year,
});

describe('anniversariesAround', () => {
  const sources = [
    source('友好交流都市', 2006, '2006-11-24'),
    source('友好交流と協力に関する合意書', 2006),
    source('外国語教育研修についての合意書', 2007),
    source('防災に関する友好交流覚書', 2010),
    source('友好交流協定', 2014),
    source('スポーツ交流の推進に関する合意書', 2016),
  ];

  it('lists the affiliation’s 20th two days after it, and the agreements of last, this and next year', () => {
    const found = anniversariesAround(sources, new Date('2026-11-26T03:00:00Z'));
    assert.deepEqual(
      found.map((e) => [e.source.label, e.years, e.year, e.days]),
      [
        ['防災に関する友好交流覚書', 15, 2025, null],
        ['友好交流都市', 20, 2026, -2],
        ['スポーツ交流の推進に関する合意書', 10, 2026, null],
        ['友好交流と協力に関する合意書', 20, 2026, null],
        ['外国語教育研修についての合意書', 20, 2027, null],
      ],
    );
  });

  it('shows a dated anniversary from a year before it to a year after it', () => {
    const affiliation = [source('姉妹都市', 2000, '2000-06-01')];
    assert.deepEqual(anniversariesAround(affiliation, new Date('2009-06-01T00:00:00Z')).map((e) => e.days), [365]);
    assert.deepEqual(anniversariesAround(affiliation, new Date('2009-05-31T00:00:00Z')), []);
    assert.deepEqual(anniversariesAround(affiliation, new Date('2011-06-01T00:00:00Z')).map((e) => e.days), [-365]);
  });
});
