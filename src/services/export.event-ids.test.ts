import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import { EVENT_HEADERS, RECORD_HEADERS } from '../exports/sheet-rows.js';
import { csvSheet } from '../importer/csv.read.js';
import { readWorkbook } from '../importer/workbook.read.js';
import type { Store } from '../storage/database.js';
import { writeRecordFile } from './downloads.service.js';
import { exporterFor, exportFiles, exportOne } from './export.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';

const options = { home: '金沢市', maxDocumentBytes: 1e7 };

/**
 * Two partnerships, so that the stored ids of the second's events are not their numbers within it (No.): on a store
 * of one partnership the two happen to agree, which hid that the exports gave no id.
 */
const record = JSON.stringify({
  format: 'koryu/1',
  partnerships: [
    {
      partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', noExchangeYears: [],
      events: [
        { year: 2006, date: '2006-11-24', direction: 'dispatch', text: '友好交流都市提携調印のため市長が訪問', line: null },
        { year: 2007, date: null, direction: 'reception', text: '大連外国語大学の訪問団が来訪', line: null },
      ],
      records: [{ year: 2006, caption: '調印式 大連市人民政府にて', event: 0, line: null }],
    },
    {
      partner: 'ナンシー市', kind: '姉妹都市', affiliatedOn: '1973-10-12', noExchangeYears: [1989],
      events: [
        { year: 1973, date: '1973-10-12', direction: 'dispatch', text: '姉妹都市提携調印式に市長が出席', line: null },
        { year: 1990, date: null, direction: 'reception', text: 'ナンシー市長が来沢し「青少年交流に関する協定書」に調印', line: null },
        { year: 2020, date: null, direction: 'unknown', text: 'オンライン交流会', line: null },
      ],
      records: [
        { year: 1990, caption: '協定書の調印', event: 1, line: null },
        { year: 2021, caption: '記念の書簡', event: null, line: null },
      ],
    },
  ],
});

/** A CSV's rows as objects keyed by header (no field of this record holds a comma, a quote or a line break). */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describeOnEachStore('the stored event ids in the CSV, XLSX and koryu/1 exports', (openFresh) => {
  let store: Store;
  /** Each event's stored id, by its text. */
  let ids: Map<string, number>;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'record.json', bytes: Buffer.from(record) }], options);
    ids = new Map((await listPartnerships(store)).flatMap((p) => p.events.map((e) => [e.text, e.id] as const)));
    assert.equal(ids.size, 5);
  });
  after(async () => store?.close());

  it('gives each event row its stored id in the last column (ID), and each photo record the id of its event (交流ID)', async () => {
    assert.equal(EVENT_HEADERS.at(-1), 'ID');
    assert.equal(RECORD_HEADERS.at(-1), '交流ID');
    const [events, photos] = await exportFiles(store, 'csv');
    const rows = csvObjects(String(events!.body));
    for (const row of rows) {
      if (row['区分コード'] === 'none') assert.equal(row.ID, '', 'a no-exchange year is no event');
      else assert.equal(row.ID, String(ids.get(row['交流内容']!)), row['交流内容']);
    }
    const nancy = rows.find((r) => r['交流内容'] === 'ナンシー市長が来沢し「青少年交流に関する協定書」に調印')!;
    assert.equal(nancy['No.'], '2');
    assert.notEqual(nancy.ID, nancy['No.'], 'the id is not the number within the partnership');
    const records = csvObjects(String(photos!.body));
    assert.deepEqual(
      records.map((r) => [r['写真説明'], r['交流ID']]).sort(),
      [['調印式 大連市人民政府にて', String(ids.get('友好交流都市提携調印のため市長が訪問'))], ['協定書の調印', String(ids.get('ナンシー市長が来沢し「青少年交流に関する協定書」に調印'))], ['記念の書簡', '']].sort(),
    );
  });

  it('gives the same ids in the XLSX (a number cell) and the downloads written in parts and batches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koryu-ids-'));
    try {
      for (const format of ['csv', 'json', 'xlsx']) {
        const path = join(dir, `record.${format}`);
        await writeRecordFile(store, exporterFor(format), {}, path, 1);
        const whole = (await exportOne(store, format)).body;
        if (format === 'xlsx') {
          const cells = (sheets: Awaited<ReturnType<typeof readWorkbook>>) => JSON.stringify(sheets.map((s) => s.rows.map((r) => r.cells)));
          assert.equal(cells(await readWorkbook(readFileSync(path))), cells(await readWorkbook(whole as Uint8Array)), format);
        } else assert.equal(readFileSync(path, 'utf8'), String(whole), format);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const sheets = await readWorkbook((await exportOne(store, 'xlsx')).body as Uint8Array);
    const nancy = sheets.find((s) => s.name === 'ナンシー市')!;
    const idColumn = nancy.rows[0]!.cells.indexOf('ID');
    assert.ok(idColumn > 0);
    assert.deepEqual(nancy.rows.slice(1).map((r) => r.cells[idColumn] ?? null).filter((c) => c !== null), [1973, 1990, 2020].map((_, i) => ids.get(['姉妹都市提携調印式に市長が出席', 'ナンシー市長が来沢し「青少年交流に関する協定書」に調印', 'オンライン交流会'][i]!)));
  });

  it('gives koryu/1 events their id, and records and agreements the id of their event (eventId) beside its index', async () => {
    const doc = JSON.parse(await exportRecord(store, 'json')) as {
      partnerships: { partner: string; events: { id?: number; text: string }[]; records: { event: number | null; eventId?: number }[]; agreements: { event: number; eventId?: number }[] }[];
    };
    for (const p of doc.partnerships) {
      for (const e of p.events) assert.equal(e.id, ids.get(e.text), e.text);
      for (const r of p.records) assert.equal(r.eventId, r.event === null ? undefined : p.events[r.event]!.id);
    }
    const nancy = doc.partnerships.find((p) => p.partner === 'ナンシー市')!;
    assert.deepEqual(Object.keys(nancy.events[0]!).slice(0, 2), ['id', 'year'], 'the id comes first');
    assert.deepEqual(nancy.agreements.map((a) => [a.event, a.eventId]), [[1, ids.get('ナンシー市長が来沢し「青少年交流に関する協定書」に調印')]]);
    assert.ok(!('eventId' in nancy.records[1]!), 'a record showing no event has no eventId');
    const organizations = (JSON.parse(await exportRecord(store, 'json')) as { organizations: { name: string; events: { partner: string; event: number; eventId?: number }[] }[] }).organizations;
    const university = organizations.find((o) => o.name === '大連外国語大学');
    assert.ok(university, JSON.stringify(organizations));
    for (const o of organizations) {
      for (const ref of o.events) assert.equal(ref.eventId, doc.partnerships.find((p) => p.partner === ref.partner)!.events[ref.event]!.id, o.name);
    }
  });

  it('re-imports its own CSV pair, XLSX and koryu/1 unchanged, the ids read and not stored as text', async () => {
    const json = async () => (await exportRecord(store, 'json')).replace(/"line": (\d+|null)/g, '"line": null');
    const before = await json();
    const [events, photos] = await exportFiles(store, 'csv');
    const documents = [
      [{ name: 'koryu.csv', bytes: Buffer.from(String(events!.body)) }, { name: 'koryu.photos.csv', bytes: Buffer.from(String(photos!.body)) }],
      [{ name: 'koryu.xlsx', bytes: Buffer.from((await exportOne(store, 'xlsx')).body as Uint8Array) }],
      [{ name: 'koryu.json', bytes: Buffer.from(before) }],
    ];
    for (const docs of documents) {
      const report = await importDocuments(store, docs, options);
      assert.deepEqual(report.documents.flatMap((d) => d.diagnostics), [], docs[0]!.name);
      assert.ok(report.changes.every(isUnchanged), JSON.stringify(report.changes));
      assert.equal(await json(), before, docs[0]!.name);
    }
  });
});

it('links a photo record by 交流ID when its 交流 No. is blank, and warns of an ID no event has', async () => {
  const { readSheets } = await import('../importer/sheet.read.js');
  const events = 'No.,相手都市,年（西暦）,交流内容,ID\r\n1,大連市,2006,市長が訪問,41\r\n2,大連市,2007,訪問団が来訪,42\r\n';
  const photos = '相手都市,年（西暦）,写真説明,交流 No.,交流ID\r\n大連市,2007,来訪の記念写真,,42\r\n大連市,2006,調印式,1,42\r\n大連市,2006,歓迎会,,99\r\n';
  const read = readSheets([csvSheet('e.csv', events), csvSheet('e.photos.csv', photos)], { home: '金沢市' });
  assert.deepEqual(read.partnerships[0]!.records.map((r) => [r.caption, r.event]), [['来訪の記念写真', 1], ['調印式', 0], ['歓迎会', null]]);
  assert.deepEqual(read.diagnostics.map((d) => [d.code, d.line]), [['RecordLinkNotFound', 4]]);
  assert.match(read.diagnostics[0]!.message, /no event has ID 99/);
});
