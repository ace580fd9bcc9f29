import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import { validateResult } from './validate.js';

const event = (line: number, year: number, text: string, more: Partial<ExchangeEvent> = {}): ExchangeEvent => ({ year, date: null, direction: 'dispatch', text, line, ...more });

describe('validateResult', () => {
  it('keeps an event once when a row is repeated, and points the photo records at the one kept', () => {
    const p: Partnership = {
      home: '金沢市',
      partner: '大連市',
      kind: '友好交流都市',
      affiliatedOn: null,
      noExchangeYears: [2021, 2020],
      events: [
        event(1, 2006, '市長が訪問'),
        event(2, 2006, '市長が訪問', { direction: 'unknown' }),
        event(3, 2006, '市長が訪問', { direction: 'reception' }),
        event(4, 2006, '市長が訪問', { date: '2006-11-24' }),
        event(5, 2006, '市長が訪問'),
        event(6, 2006, '市長が訪問', { date: '2006-11-24' }),
        event(7, 2006, '訪問団が来訪'),
        event(8, 2007, '市長が訪問'),
      ],
      records: [
        { year: 2006, caption: '調印式', event: 5, line: 9 },
        { year: 2006, caption: '来訪', event: 6, line: 10 },
      ],
    };
    const result = validateResult({ partnerships: [p], diagnostics: [] });
    const kept = result.partnerships[0]!;
    assert.deepEqual(kept.events.map((e) => e.line), [1, 2, 3, 4, 7, 8], 'the same text in another year, direction or date is another event');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code]), [[5, 'DuplicateEvent'], [6, 'DuplicateEvent']]);
    assert.deepEqual(kept.records.map((r) => r.event), [3, 4], 'links follow the kept events');
    assert.deepEqual(kept.noExchangeYears, [2020, 2021]);
  });

  it('refuses a document with nothing to import', () => {
    const empty: Partnership = { home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], events: [], records: [] };
    const result = validateResult({ partnerships: [empty], diagnostics: [] });
    assert.deepEqual(result.partnerships, []);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['NothingImportable']);
  });
});
