import { readFileSync } from 'node:fs';
import { importDocuments } from '../../src/services/import.service.js';
import type { Store } from '../../src/storage/database.js';
import type { OpenFreshStore } from './test-stores.js';

/** The Kanazawa–Dalian timeline, as the sample file holds it. */
export const SAMPLE_BYTES = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));

/** A fresh store holding the sample, imported for 金沢市 as `npm start` imports it. */
export async function openSampleStore(openFresh: OpenFreshStore): Promise<Store> {
  const store = await openFresh();
  await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: SAMPLE_BYTES }], { home: '金沢市', maxDocumentBytes: 1e7 });
  return store;
}
