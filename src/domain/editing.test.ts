import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEvent, diffFields, isDay, withFlatTexts, type EventFields } from './editing.js';

const event: EventFields = { partnershipId: 1, year: 2010, date: '2010-08-01', direction: 'dispatch', text: '訪問団を派遣', translations: {}, status: 'draft' };

describe('diffFields', () => {
  it('lists exactly the fields that differ, comparing arrays and translations by content', () => {
    const after = { ...event, text: '訪問団を派遣した', translations: { en: 'Sent a delegation' } };
    assert.deepEqual(diffFields(event, after), [
      { field: 'text', before: '訪問団を派遣', after: '訪問団を派遣した' },
      { field: 'translations', before: {}, after: { en: 'Sent a delegation' } },
    ]);
    assert.deepEqual(diffFields({ years: [2021] }, { years: [2021] }), []);
  });

  it('shows every field of a creation or a deletion against nothing', () => {
    assert.equal(diffFields(null, event).length, Object.keys(event).length);
    assert.ok(diffFields(event, null).every((c) => c.after === undefined));
    const undated = { ...event, date: null };
    assert.ok(!diffFields(undated, null).some((c) => c.field === 'date'), 'a field empty on both sides is no change');
    assert.equal(diffFields(undated, null).length, Object.keys(event).length - 1);
  });

  it('compares translations whatever the order of their languages', () => {
    assert.deepEqual(diffFields({ translations: { zh: '访问', en: 'Visit' } }, { translations: { en: 'Visit', zh: '访问' } }), []);
  });
});

describe('checkEvent', () => {
  it('accepts a day or a month as the date, and no date', () => {
    assert.deepEqual(checkEvent(event), []);
    assert.deepEqual(checkEvent({ ...event, date: '2010-08' }), []);
    assert.deepEqual(checkEvent({ ...event, date: null }), []);
  });

  it('names each bad field: year out of range, impossible date, unknown direction, blank text, unknown status', () => {
    const problems = checkEvent({ ...event, year: 1867, date: '2010-02-29', direction: 'north' as never, text: ' ', status: 'hidden' as never });
    assert.deepEqual(problems.map((p) => `${p.field}:${p.problem}`), ['year:invalidYear', 'date:invalidDate', 'direction:invalidDirection', 'text:required', 'status:invalidStatus']);
  });

  it('refuses an event text of only a none mark, which every export would read back as a year without exchange', () => {
    for (const text of ['—', ' ― ', '－－', 'ー', 'なし', '無し', '-']) {
      assert.deepEqual(checkEvent({ ...event, text }).map((p) => `${p.field}:${p.problem}`), ['text:noneMark'], text);
    }
    for (const text of ['—市長が訪問', 'なし崩し', '2020年は交流なし']) assert.deepEqual(checkEvent({ ...event, text }), [], text);
  });

  it('knows leap days', () => {
    assert.equal(isDay('2012-02-29'), true);
    assert.equal(isDay('2011-02-29'), false);
  });
});

describe('withFlatTexts', () => {
  it("flattens each free text and translation of an item, and of an edit's part, leaving the other fields", () => {
    const typed = { ...event, text: ' 訪問団を\r\n派遣\u0007', translations: { en: 'A delegation\nwent\t', zh: '\n' } };
    assert.deepEqual(withFlatTexts('event', typed), { ...event, text: '訪問団を 派遣', translations: { en: 'A delegation went', zh: '' } });
    assert.deepEqual(withFlatTexts('record', { caption: '調印式\n\u0001' }), { caption: '調印式' });
    assert.deepEqual(withFlatTexts('partnership', { partner: ' 大連市\t', kind: '友好\r\n都市', noExchangeYears: [2021] }), { partner: '大連市', kind: '友好 都市', noExchangeYears: [2021] });
    assert.deepEqual(withFlatTexts('event', { status: 'published' }), { status: 'published' }, 'an edit without texts is left as it is');
  });

  it('leaves a text only of white space and control characters empty, which the checks refuse as required', () => {
    const flat = withFlatTexts('event', { ...event, text: '\r\n\t\u0001 ' });
    assert.equal(flat.text, '');
    assert.deepEqual(checkEvent(flat).map((p) => `${p.field}:${p.problem}`), ['text:required']);
  });
});
