import { readFileSync } from 'node:fs';
import { generateCorpus } from '../../src/exports/corpus.generator.js';
import { importDocuments } from '../../src/services/import.service.js';
import type { Store } from '../../src/storage/database.js';

const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));

/**
 * Imports the Kanazawa–Dalian sample (home 金沢市) and a generated corpus of `partnerships` × `years` (other home
 * municipalities among them): a record where one partnership is much smaller than the rest.
 */
export async function importSampleAndCorpus(store: Store, corpus: { partnerships: number; years: number; seed: string }): Promise<void> {
  await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1e7 });
  const documents = [...generateCorpus(corpus)].map((d) => ({ name: d.path, bytes: Buffer.from(d.text), home: d.home }));
  await importDocuments(store, documents, { home: '', maxDocumentBytes: 1e7 });
}
