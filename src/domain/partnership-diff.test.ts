import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ExchangeEvent } from './partnership.js';
import { diffEvents, diffItems, diffRecords, diffYears, eventSimilarity, extendsText, SIMILAR_EVENT } from './partnership-diff.js';

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

  it('does not pair dissimilar texts, even of the same year', () => {
    const after = [before[0]!, before[1]!, before[2]!, event(2007, 'mutual', '合同シンポジウムを開催')];
    const plan = diffEvents(before, after);
    assert.deepEqual(plan.changed, []);
    assert.deepEqual(plan.added, [3]);
    assert.deepEqual(plan.removed, [3]);
  });

  it('pairs several edits of one year by similarity, whatever their order', () => {
    const old = [event(2010, 'dispatch', '市長が大連市を訪問'), event(2010, 'dispatch', '青少年交流団を派遣'), event(2010, 'dispatch', '経済視察団を派遣')];
    const now = [event(2010, 'dispatch', '経済視察団（10名）を派遣'), event(2010, 'dispatch', '青少年交流団を派遣'), event(2010, 'dispatch', '山野市長が大連市を訪問')];
    const plan = diffEvents(old, now);
    assert.deepEqual(plan.kept, [{ old: 1, new: 1 }]);
    assert.deepEqual(plan.changed, [
      { old: 2, new: 0 },
      { old: 0, new: 2 },
    ]);
  });

  it('treats a corrected direction (受入→派遣) as a change of the same exchange, date or not', () => {
    const after = [...before];
    after[3] = event(2007, 'dispatch', '遼寧師範大学訪問団が来訪');
    after[1] = event(2006, 'dispatch', '夏市長が来訪', '2006-11-25');
    const plan = diffEvents(before, after);
    assert.deepEqual(plan.changed, [
      { old: 1, new: 1 },
      { old: 3, new: 3 },
    ]);
    assert.deepEqual([plan.added, plan.removed], [[], []]);
  });

  it('pairs a corrected direction whose wording changed with it (が来訪 → を派遣)', () => {
    const old = [event(2008, 'reception', '市環境視察訪問団が来訪'), event(2008, 'reception', '趙氏に特別名誉市民証を授与')];
    const now = [event(2008, 'dispatch', '市環境視察訪問団を派遣'), event(2008, 'reception', '趙氏に特別名誉市民証を授与')];
    assert.deepEqual(diffEvents(old, now), { kept: [{ old: 1, new: 1 }], changed: [{ old: 0, new: 0 }], added: [], removed: [] });
  });

  it('with the same text twice, pairs the corrected one with the stored one of its date', () => {
    const old = [event(2008, 'reception', '市長が来訪', '2008-05-01'), event(2008, 'reception', '市長が来訪', '2008-09-01')];
    const now = [event(2008, 'reception', '市長が来訪', '2008-05-01'), event(2008, 'dispatch', '市長が来訪', '2008-09-01')];
    assert.deepEqual(diffEvents(old, now).changed, [{ old: 1, new: 1 }]);
  });

  it('finds an exchange whose year was corrected by its text', () => {
    const old = [event(2019, 'unknown', '姉妹都市提携60周年記念式典を開催', '2019-10-01'), event(2019, 'dispatch', '市長が訪問')];
    const now = [event(2019, 'dispatch', '市長が訪問'), event(2022, 'unknown', '姉妹都市提携60周年記念式典を開催', '2022-10-01')];
    assert.deepEqual(diffEvents(old, now), { kept: [{ old: 1, new: 0 }], changed: [{ old: 0, new: 1 }], added: [], removed: [] });
  });

  it('does not pair two unrelated exchanges of one year and direction: a memorandum is not a visit (jeonju-excel.csv)', () => {
    const old = [event(2023, 'reception', '全州市と青少年交流に関する覚書を締結')];
    const now = [event(2023, 'reception', '全州市髙校生訪問団①が来訪（金沢市の工業高校を見学）', '2023-10-07')];
    assert.deepEqual(diffEvents(old, now), { kept: [], changed: [], added: [0], removed: [0] });
  });

  it('pairs a text staff only added to (市職員を派遣 → 市職員2名を派遣（行政研修）), but not a short one found in another', () => {
    assert.ok(extendsText('市職員を派遣', '市職員2名を派遣（行政研修）'));
    assert.ok(!extendsText('来訪', '全州市長一行が来訪'), 'too short to tell');
    assert.ok(!extendsText('市職員を派遣', '市議会議員団を派遣'));
    const old = [event(2017, 'dispatch', '市職員を派遣', '2017-05-10'), event(2017, 'reception', '全州市長一行が来訪')];
    const now = [event(2017, 'dispatch', '市職員2名を派遣（行政研修）', '2017-05-10'), event(2017, 'reception', '全州市文化使節団が来訪')];
    assert.deepEqual(diffEvents(old, now), { kept: [], changed: [{ old: 0, new: 0 }], added: [1], removed: [1] });
  });

  it('does not pair visits of different delegations for their shared partner name and ending', () => {
    assert.ok(eventSimilarity('全州市長一行が来訪', '全州市文化使節団が来訪') < SIMILAR_EVENT);
    assert.ok(eventSimilarity('遼寧師範大学訪問団が来訪', '遼寧師範大学訪問団が来訪し大学を視察') >= SIMILAR_EVENT);
    assert.equal(eventSimilarity('夏市長が来訪', '夏 市長が来訪'), 1);
  });

  it('does not confuse texts containing the separator', () => {
    const plan = diffEvents([event(2010, 'dispatch', 'a|b')], [event(2010, 'dispatch', 'a|b')]);
    assert.equal(plan.kept.length, 1);
  });
});

describe('diffEvents (property)', () => {
  const PHRASES = ['市長が来訪', '青少年交流団を派遣', '経済視察団が来訪', '友好交流協定を締結', 'オンライン交流会を開催', '大連市訪問団が来訪'];
  const text = fc.oneof(
    fc.constantFrom(...PHRASES),
    fc.array(fc.constantFrom(...'市長訪問団交流派遣来訪大連金沢 が を'), { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')),
  );
  const direction = fc.constantFrom<ExchangeEvent['direction']>('dispatch', 'reception', 'mutual', 'unknown');
  const date = fc.constantFrom(null, '05-10', '11-24');
  const anEvent = fc.record({ year: fc.integer({ min: 2006, max: 2009 }), direction, text, date }).map((e) => ({
    ...e,
    date: e.date === null ? null : `${e.year}-${e.date}`,
  }));
  const events = fc.array(anEvent, { maxLength: 12 });
  const norm = (t: string) => t.normalize('NFKC').replace(/\s+/gu, '');
  const RUNS = { numRuns: 300 };

  const checkPartition = (plan: ReturnType<typeof diffEvents>, oldCount: number, newCount: number) => {
    const olds = [...plan.kept, ...plan.changed].map((p) => p.old).concat(plan.removed).sort((a, b) => a - b);
    const news = [...plan.kept, ...plan.changed].map((p) => p.new).concat(plan.added).sort((a, b) => a - b);
    assert.deepEqual(olds, [...Array(oldCount).keys()]);
    assert.deepEqual(news, [...Array(newCount).keys()]);
  };

  it('places every old and every new event exactly once, and keeps a list diffed with itself', () => {
    fc.assert(
      fc.property(events, events, (old, now) => {
        checkPartition(diffEvents(old, now), old.length, now.length);
        assert.equal(diffEvents(old, old).kept.length, old.length);
      }),
      RUNS,
    );
  });

  it('pairs only equal texts, or texts of one year at least SIMILAR_EVENT alike or one adding to the other', () => {
    fc.assert(
      fc.property(events, events, (old, now) => {
        for (const pair of diffEvents(old, now).changed) {
          const o = old[pair.old]!;
          const n = now[pair.new]!;
          if (norm(o.text) === norm(n.text)) continue;
          assert.equal(o.year, n.year);
          assert.ok(eventSimilarity(o.text, n.text) >= SIMILAR_EVENT || extendsText(norm(o.text), norm(n.text)), `${o.text} / ${n.text}`);
        }
      }),
      RUNS,
    );
  });

  it('removes a stored exchange only when the document holds its text fewer times (the preview never removes what is still there)', () => {
    fc.assert(
      fc.property(events, events, (old, now) => {
        const count = (list: typeof old, t: string) => list.filter((e) => norm(e.text) === norm(t)).length;
        for (const i of diffEvents(old, now).removed) assert.ok(count(now, old[i]!.text) < count(old, old[i]!.text));
      }),
      RUNS,
    );
  });

  it('finds every exchange again after directions and dates are corrected and the rows reordered', () => {
    fc.assert(
      fc.property(
        events.chain((old) =>
          fc.tuple(
            fc.constant(old),
            fc.tuple(fc.array(fc.tuple(direction, fc.boolean()), { minLength: old.length, maxLength: old.length }), fc.shuffledSubarray([...old.keys()], { minLength: old.length })),
          ),
        ),
        ([old, [edits, order]]) => {
          const now = order.map((i) => ({ ...old[i]!, direction: edits[i]![0], date: edits[i]![1] ? old[i]!.date : null }));
          const plan = diffEvents(old, now);
          assert.deepEqual([plan.added, plan.removed], [[], []]);
          for (const pair of [...plan.kept, ...plan.changed]) assert.equal(now[pair.new]!.text, old[pair.old]!.text);
        },
      ),
      RUNS,
    );
  });

  it('adds an unrelated exchange as added, whatever its year and direction, and pairs it with nothing', () => {
    fc.assert(
      fc.property(events, fc.nat(), fc.integer({ min: 2006, max: 2009 }), direction, (old, at, year, dir) => {
        const now = [...old];
        const position = at % (old.length + 1);
        now.splice(position, 0, { year, direction: dir, text: 'Xylophone workshop by Ghent artists', date: null });
        const plan = diffEvents(old, now);
        assert.deepEqual(plan.added, [position]);
        assert.deepEqual([plan.changed, plan.removed], [[], []]);
      }),
      RUNS,
    );
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
