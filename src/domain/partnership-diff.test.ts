import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExchangeEvent } from './partnership.js';
import { diffEvents, diffItems, diffRecords, diffYears } from './partnership-diff.js';

const event = (year: number, direction: ExchangeEvent['direction'], text: string, date: string | null = null) => ({
  year,
  direction,
  text,
  date,
});

describe('diffItems', () => {
  it('keeps everything when the lists are identical', () => {
    const items = [
      { key: 'a', group: '1' },
      { key: 'b', group: '1' },
    ];
    assert.deepEqual(diffItems(items, items), {
      kept: [
        { old: 0, new: 0 },
        { old: 1, new: 1 },
      ],
      changed: [],
      added: [],
      removed: [],
    });
  });

  it('treats everything as added or removed when one side is empty', () => {
    const items = [{ key: 'a', group: '1' }];
    assert.deepEqual(diffItems([], items), { kept: [], changed: [], added: [0], removed: [] });
    assert.deepEqual(diffItems(items, []), { kept: [], changed: [], added: [], removed: [0] });
  });

  it('pairs duplicate keys in order and leaves the surplus over', () => {
    const dup = { key: 'a', group: '1' };
    const plan = diffItems([dup, dup], [dup, dup, dup]);
    assert.deepEqual(plan.kept, [
      { old: 0, new: 0 },
      { old: 1, new: 1 },
    ]);
    assert.deepEqual(plan.added, [2]);
  });
});

describe('diffEvents', () => {
  const before = [
    event(2006, 'dispatch', '市英語教育研修参加派遣団が訪問'),
    event(2006, 'reception', '夏市長が来訪', '2006-11-24'),
    event(2007, 'dispatch', '山出市長が講演', '2007-05'),
    event(2007, 'reception', '遼寧師範大学訪問団が来訪'),
  ];

  it('keeps moved events by key even when their position changes', () => {
    const after = [before[1]!, before[0]!, before[3]!, before[2]!];
    const plan = diffEvents(before, after);
    assert.deepEqual(plan.kept, [
      { old: 1, new: 0 },
      { old: 0, new: 1 },
      { old: 3, new: 2 },
      { old: 2, new: 3 },
    ]);
    assert.deepEqual([plan.changed, plan.added, plan.removed], [[], [], []]);
  });

  it('pairs an edited text within the same year and direction as changed', () => {
    const after = [...before];
    after[3] = event(2007, 'reception', '遼寧師範大学訪問団が来訪し大学を視察');
    const plan = diffEvents(before, after);
    assert.deepEqual(plan.changed, [{ old: 3, new: 3 }]);
    assert.equal(plan.kept.length, 3);
  });

  it('treats a changed date as a change of the same event', () => {
    const after = [...before];
    after[0] = event(2006, 'dispatch', '市英語教育研修参加派遣団が訪問', '2006-08');
    assert.deepEqual(diffEvents(before, after).changed, [{ old: 0, new: 0 }]);
  });

  it('does not pair across directions or years', () => {
    const after = [before[0]!, before[1]!, before[2]!, event(2007, 'mutual', '合同シンポジウムを開催')];
    const plan = diffEvents(before, after);
    assert.deepEqual(plan.changed, []);
    assert.deepEqual(plan.added, [3]);
    assert.deepEqual(plan.removed, [3]);
  });

  it('pairs several edits of one group in order', () => {
    const old = [event(2010, 'dispatch', 'A'), event(2010, 'dispatch', 'B'), event(2010, 'dispatch', 'C')];
    const now = [event(2010, 'dispatch', 'A2'), event(2010, 'dispatch', 'B'), event(2010, 'dispatch', 'C2')];
    const plan = diffEvents(old, now);
    assert.deepEqual(plan.kept, [{ old: 1, new: 1 }]);
    assert.deepEqual(plan.changed, [
      { old: 0, new: 0 },
      { old: 2, new: 2 },
    ]);
  });

  it('does not confuse texts containing the separator', () => {
    const plan = diffEvents([event(2010, 'dispatch', 'a|b')], [event(2010, 'dispatch', 'a|b')]);
    assert.equal(plan.kept.length, 1);
  });
});

describe('diffRecords', () => {
  it('keys records by year and caption and pairs edits within a year', () => {
    const old = [
      { year: 2006, caption: '協定締結式' },
      { year: 2016, caption: '市長訪問' },
    ];
    const now = [
      { year: 2006, caption: '協定締結式' },
      { year: 2016, caption: '山野市長の大連訪問' },
      { year: 2017, caption: '大連国際マラソン' },
    ];
    assert.deepEqual(diffRecords(old, now), {
      kept: [{ old: 0, new: 0 }],
      changed: [{ old: 1, new: 1 }],
      added: [2],
      removed: [],
    });
  });

  it('finds a record whose year changed by its caption, before pairing it with another record of the new year', () => {
    const old = [
      { year: 2019, caption: '縦位置の写真' },
      { year: 2024, caption: '市長訪問時の記念撮影' },
    ];
    // The caption of 2024 is now filed under 2019, and 縦位置の写真 is gone: it must not take that caption (and keep its photo).
    assert.deepEqual(diffRecords(old, [{ year: 2019, caption: '市長訪問時の記念撮影' }]), {
      kept: [],
      changed: [{ old: 1, new: 0 }],
      added: [],
      removed: [0],
    });
    assert.deepEqual(diffRecords(old, [{ year: 2019, caption: '縦位置の写真' }, { year: 2019, caption: '市長訪問時の記念撮影' }]), {
      kept: [{ old: 0, new: 0 }],
      changed: [{ old: 1, new: 1 }],
      added: [],
      removed: [],
    });
  });
});

describe('diffYears', () => {
  it('reports marks added and removed, sorted and without duplicates', () => {
    assert.deepEqual(diffYears([2021, 2020], [2022, 2020, 2022, 2019]), { added: [2019, 2022], removed: [2021] });
  });
});
