import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticText } from '../views/staff/upload.messages.js';
import { parseDocuments } from './documents.service.js';
import { previewDocument } from './import.service.js';

const doc = (text: string, name = 'gent.txt') => ({ name, bytes: Buffer.from(text) });
const TIMELINE = ['姉妹都市ゲント市との交流', '', '年\t区分\t交流内容', '令和8年\t派遣\t市長が訪問', '令和9年\t受入\t州立大学の学生が来訪\t市民団が来訪'].join('\n');
/** 2026-11-28 in Japan. */
const options = { home: '金沢市', maxDocumentBytes: 1e6, now: () => new Date('2026-11-28T03:00:00Z') };

describe('a year after the current one', () => {
  it('is warned of once per line, naming the year and this year, and imported as written', async () => {
    const [parsed] = await parseDocuments([doc(TIMELINE)], options);
    assert.deepEqual(parsed!.diagnostics.map((d) => [d.line, d.code, d.severity, d.params]), [[5, 'FutureYear', 'warning', { year: 2027, thisYear: 2026 }]]);
    assert.deepEqual(parsed!.partnerships[0]!.events.map((e) => e.year), [2026, 2027, 2027]);
    assert.equal(diagnosticText('ja', parsed!.diagnostics[0]!).message, '2027年は今年（2026年）より後の年です。このまま取り込みますが、年の書き間違い（令和6年を令和9年と書くなど）でないか確かめ、違っていれば文書を直してください。');
    assert.match(previewDocument(doc(TIMELINE), options).diagnostics[0]!.message, /^The year 2027 is after this year \(2026\)/);
  });

  it('is this year from New Year’s Day in Japan, while it is still the 31st in UTC', async () => {
    const [parsed] = await parseDocuments([doc(TIMELINE)], { ...options, now: () => new Date('2026-12-31T15:30:00Z') });
    assert.deepEqual(parsed!.diagnostics, []);
  });

  it('is warned of in a sheet too, at its row', async () => {
    const csv = ['相手都市,年（西暦）,区分,交流内容', 'ゲント市,2026,派遣,市長が訪問', ',2027,受入,学生が来訪', ''].join('\r\n');
    const [parsed] = await parseDocuments([doc(csv, 'gent.csv')], options);
    assert.deepEqual(parsed!.diagnostics.map((d) => [d.line, d.code]), [[3, 'FutureYear']]);
  });
});
