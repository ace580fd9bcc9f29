import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatChange } from './report.js';

it('says one of a count in the singular and groups large counts: changed 1 event, 1 no-exchange year', () => {
  const none = { events: 0, records: 0, years: 0 };
  const line = formatChange({ home: '金沢市', partner: '大連市', created: false, detailsChanged: false, added: { events: 1234, records: 2, years: 0 }, changed: { events: 1, records: 1, years: 1 }, removed: none });
  assert.equal(line, '金沢市 – 大連市: updated; added 1,234 events, 2 records, 0 no-exchange years; changed 1 event, 1 record, 1 no-exchange year; removed 0 events, 0 records, 0 no-exchange years');
});
