import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { isUnchanged } from '../domain/partnership.js';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { Store } from '../storage/database.js';
import { parseDocument } from '../importer/parse-document.js';
import { buildApp } from '../http/app.js';
import { exportFiles, exportOne, exportPartnerships } from './export.service.js';
import { importDocuments } from './import.service.js';
import { exportRecord, listPartnerships } from './record.service.js';

const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));
const licence = { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市 国際交流の記録' };
const options = { home: '金沢市', maxDocumentBytes: 10 * 1024 * 1024 };

/** Toyama's timeline with Qinhuangdao, as Toyama publishes it. */
const toyama = [
  '友好都市秦皇島市との歩み 交流年表',
  '',
  '友好都市提携：1981年（昭和56年）5月11日',
  '',
  '年\t\t交流内容',
  '2018年 (平成30年)\t派遣\t（2018年5月11日）市長が秦皇島市を訪問 市民訪問団を派遣',
  '\t受入\t秦皇島市の少年サッカー団が来富',
  '2019年 (平成31年/令和元年)\t受入\t秦皇島市副市長が来訪',
  '',
].join('\n');

describeOnEachStore('the text download of a record of several homes', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], options);
    await importDocuments(store, [{ name: 'toyama.txt', bytes: Buffer.from(toyama) }], { ...options, home: '富山市' });
  });
  after(async () => {
    await store?.close();
  });

  it('carries the licence line and names each block’s home, and re-imports to the same record, changing nothing', async () => {
    const { body } = await exportOne(store, 'text', {}, { licence });
    const text = body as string;
    const lines = text.split('\n');
    assert.equal(lines[0], `出典：金沢市 国際交流の記録／利用条件：${licence.name} ${licence.url}`);
    assert.deepEqual(lines.filter((l) => l.startsWith('自治体：')), ['自治体：富山市', '自治体：金沢市']);
    assert.equal(lines[lines.indexOf('自治体：富山市') + 1], '友好都市秦皇島市との歩み 交流年表');

    // The record, its source lines (which name the lines of the document last imported) aside.
    const record = async () => (await exportRecord(store, 'json')).replace(/"line": (\d+|null)/g, '"line": null');
    const json = await record();
    const report = await importDocuments(store, [{ name: 'koryu.txt', bytes: Buffer.from(text) }], options);
    assert.deepEqual(report.documents[0]!.diagnostics.filter((d) => d.severity !== 'info'), []);
    assert.deepEqual(report.changes.map((c) => [c.home, c.partner, isUnchanged(c)]), [['富山市', '秦皇島市', true], ['金沢市', '大連市', true]]);
    assert.equal(await record(), json, 'the same record');
  });

  it('names the home in the text of one partnership too, as the whole record’s file does, so that it reads back under it', async () => {
    const [qinhuangdao] = await listPartnerships(store, { home: '富山市' });
    const { body } = await exportPartnerships(store, 'text', [qinhuangdao!], { licence });
    const lines = (body as string).split('\n');
    assert.deepEqual(lines.slice(1, 4), ['', '自治体：富山市', '友好都市秦皇島市との歩み 交流年表']);
    const back = parseDocument(Buffer.from(body as string), { home: '金沢市' });
    assert.deepEqual(back.partnerships.map((p) => [p.home, p.partner, p.events.length]), [['富山市', '秦皇島市', qinhuangdao!.events.length]], 'whatever home the import is given');
    // `koryu export --partner` and the site's download say the same.
    const [file] = await exportFiles(store, 'text', { home: '金沢市', partner: '大連市' });
    assert.ok((file!.body as string).startsWith('自治体：金沢市\n友好交流都市大連市との歩み 交流年表\n'));
    const app = await buildApp({ store, home: '金沢市', licence });
    try {
      const res = await app.inject(`/partnerships/${qinhuangdao!.id}/downloads/text`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, body);
    } finally {
      await app.close();
    }
  });

  it('leaves the other formats of one partnership as they were: its feed is titled with its own home', async () => {
    const [qinhuangdao] = await listPartnerships(store, { home: '富山市' });
    const { body } = await exportPartnerships(store, 'atom', [qinhuangdao!], { licence });
    assert.match(body as string, /<title>富山市 国際交流の記録：新着の交流<\/title>/);
  });

  it('names no home in the text of a record of one home, whole or one partnership', async () => {
    const single = await openFresh();
    try {
      await importDocuments(single, [{ name: 'kanazawa-dalian.txt', bytes: sample }], options);
      const [dalian] = await listPartnerships(single);
      const one = (await exportPartnerships(single, 'text', [dalian!])).body as string;
      assert.ok(one.startsWith('友好交流都市大連市との歩み 交流年表\n'));
      assert.equal((await exportOne(single, 'text')).body, one);
    } finally {
      await single.close();
    }
  });
});
