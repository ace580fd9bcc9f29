import type { ExchangeEvent, Partnership, PhotoRecord } from '../domain/partnership.js';

/** A partnership shaped like an imported 交流年表 (Kanazawa–Dalian); override any field. */
export function buildPartnership(overrides: Partial<Partnership> = {}): Partnership {
  return {
    home: '金沢市',
    partner: '大連市',
    kind: '友好交流都市',
    affiliatedOn: '2006-11-24',
    noExchangeYears: [2020],
    events: buildEvents(),
    records: buildRecords(),
    ...overrides,
  };
}

export function buildEvents(): ExchangeEvent[] {
  return [
    { year: 2006, date: null, direction: 'dispatch', text: '市英語教育研修参加派遣団が訪問', line: 7 },
    {
      year: 2006,
      date: '2006-11-24',
      direction: 'reception',
      text: '夏市長が来訪し友好交流と協力に関する合意書に署名【友好交流都市協定を締結】',
      line: 8,
    },
    { year: 2007, date: '2007-05', direction: 'dispatch', text: '山出市長が2007中国大連・日本地方サミットで講演', line: 9 },
    { year: 2007, date: null, direction: 'reception', text: '遼寧師範大学訪問団が来訪', line: 10 },
    { year: 2016, date: '2016-08-03', direction: 'dispatch', text: '山野市長が訪問し「友好交流の更なる発展に関する合意書」に調印', line: 31 },
    { year: 2016, date: null, direction: 'mutual', text: '大連日中韓友好都市市民卓球交流大会に参加', line: 32 },
    { year: 2019, date: null, direction: 'unknown', text: '市長が訪問', line: null },
  ];
}

export function buildRecords(): PhotoRecord[] {
  return [
    { year: 2006, caption: '友好交流都市協定の締結（金沢市役所）', event: 1, line: 60, photo: 'dalian-2006-agreement.jpg' },
    { year: 2016, caption: '山野市長の大連市訪問', event: 4, line: 61, photo: null },
    { year: 2019, caption: '大連国際マラソン大会', event: null, line: null, photo: null },
  ];
}
