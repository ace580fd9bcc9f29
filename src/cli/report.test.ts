import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatChange, formatPartnership } from './report.js';

it('says one of a count in the singular and groups large counts: changed 1 event, 1 no-exchange year', () => {
  const none = { events: 0, records: 0, years: 0 };
  const line = formatChange({ home: '金沢市', partner: '大連市', created: false, detailsChanged: false, added: { events: 1234, records: 2, years: 0 }, changed: { events: 1, records: 1, years: 1 }, removed: none });
  assert.equal(line, '金沢市 – 大連市: updated; added 1,234 events, 2 records, 0 no-exchange years; changed 1 event, 1 record, 1 no-exchange year; removed 0 events, 0 records, 0 no-exchange years');
});

it('says that a document gave no kind (a sheet without 種別), which an import over a stored partnership keeps', () => {
  const p = { home: '金沢市', partner: '全州市', kind: '', affiliatedOn: null, noExchangeYears: [], events: [{ year: 2017, date: null, direction: 'dispatch' as const, text: '市職員を派遣', line: 2 }], records: [] };
  assert.match(formatPartnership(p), /^金沢市 – 全州市 \(no kind given\): 1 year/);
  assert.match(formatPartnership({ ...p, kind: '姉妹都市', affiliatedOn: '2002-04-15' }), /^金沢市 – 全州市 \(姉妹都市, 2002-04-15\)/);
});
