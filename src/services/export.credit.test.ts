import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { defaultAttribution, LICENCE_PRESETS } from '../domain/licence.js';
import type { Store } from '../storage/database.js';
import { sharedCreditWarning } from './export.service.js';
import { importDocuments } from './import.service.js';

const timeline = (partner: string) => [`友好都市${partner}との歩み 交流年表`, '', '年\t\t交流内容', '2010年\t派遣\t市長が訪問', ''].join('\n');
const licence = (attribution: string) => ({ ...LICENCE_PRESETS['cc-by-4.0']!, attribution });

describeOnEachStore('the note on a credit line shared by several homes', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa.txt', bytes: Buffer.from(timeline('大連市')) }], { home: '金沢市', maxDocumentBytes: 1e7 });
  });
  after(async () => store?.close());

  it('says nothing for one home, and names the credit and KORYU_ATTRIBUTION once the store holds two with the default credit', async () => {
    assert.equal(await sharedCreditWarning(store, '金沢市', licence(defaultAttribution('金沢市'))), undefined, 'a city’s own site');
    await importDocuments(store, [{ name: 'toyama.txt', bytes: Buffer.from(timeline('秦皇島市')) }], { home: '富山市', maxDocumentBytes: 1e7 });
    const note = await sharedCreditWarning(store, '金沢市', licence(defaultAttribution('金沢市')));
    assert.match(note ?? '', /^Note: the record holds 2 home municipalities, and every page, PDF and download of each credits "金沢市 国際交流の記録"/);
    assert.match(note ?? '', /Set KORYU_ATTRIBUTION/);
    assert.equal(await sharedCreditWarning(store, '金沢市', licence('石川県 県内市町の国際交流の記録')), undefined, 'the operator’s credit set');
  });
});
