import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeListedRecords } from './listed-records.js';
import type { ExchangeEvent, Partnership } from './partnership.js';

const visit: ExchangeEvent = { year: 2019, date: '2019-05-20', direction: 'dispatch', text: '市長がゲント市を訪問', line: null };
const students: ExchangeEvent = { year: 2024, date: null, direction: 'reception', text: '州立大学の学生が来訪', line: null };
const stored: Pick<Partnership, 'events' | 'records'> = {
  events: [visit, students],
  records: [
    { year: 2024, caption: '市長訪問時の記念撮影', event: 0, line: 3, photo: 'Y.jpg', translations: { en: 'Souvenir photo of the mayor’s visit' } },
    { year: 2019, caption: '縦位置の写真', event: null, line: 4, photo: 'X.jpg' },
  ],
};
/** The events CSV as it reads back: its photo column lists the linked caption under its event's year. */
const listed = (events: ExchangeEvent[], records: Partnership['records']): Partnership => ({
  home: '金沢市', partner: 'ゲント市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [], events, records, recordsListedByEvents: true,
});

describe('mergeListedRecords', () => {
  it('keeps every stored record with its own year and caption, its photo and translations left as stored', () => {
    const merged = mergeListedRecords(stored, listed([visit, students], [{ year: 2019, caption: '市長訪問時の記念撮影', event: 0, line: 2 }]));
    assert.equal(merged.recordsListedByEvents, undefined);
    assert.deepEqual(merged.records, [
      { year: 2024, caption: '市長訪問時の記念撮影', event: 0, line: 2 },
      { year: 2019, caption: '縦位置の写真', event: null, line: 4 },
    ]);
  });

  it('follows each link to its event’s new place, unlinks a record whose event is gone, and adds a caption no record has', () => {
    const merged = mergeListedRecords(stored, listed([students], [{ year: 2024, caption: '学生との交流会', event: 0, line: 2 }]));
    assert.deepEqual(merged.records, [
      { year: 2024, caption: '市長訪問時の記念撮影', event: null, line: 3 },
      { year: 2019, caption: '縦位置の写真', event: null, line: 4 },
      { year: 2024, caption: '学生との交流会', event: 0, line: 2 },
    ]);
  });

  it('moves a caption listed under another event to that event, and names each of two equal captions once', () => {
    const twice = { ...stored, records: [...stored.records, { year: 2024, caption: '市長訪問時の記念撮影', event: 1, line: 5 }] };
    const merged = mergeListedRecords(twice, listed([visit, students], [
      { year: 2024, caption: '市長訪問時の記念撮影', event: 1, line: 3 },
      { year: 2024, caption: '縦位置の写真', event: 1, line: 3 },
      { year: 2019, caption: '市長訪問時の記念撮影', event: 0, line: 2 },
    ]));
    assert.deepEqual(merged.records.map((r) => [r.caption, r.year, r.event]), [
      ['市長訪問時の記念撮影', 2024, 0],
      ['縦位置の写真', 2019, 1],
      ['市長訪問時の記念撮影', 2024, 1],
    ]);
  });

  it('leaves a whole list of records as given', () => {
    const whole: Partnership = { ...listed([visit], [{ year: 2019, caption: '新しい写真', event: 0, line: 2 }]) };
    delete whole.recordsListedByEvents;
    assert.deepEqual(mergeListedRecords(stored, whole), whole);
  });
});
