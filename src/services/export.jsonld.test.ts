import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import type { Store } from '../storage/database.js';
import { exportOne } from './export.service.js';
import { importDocuments } from './import.service.js';
import { listPartnerships } from './record.service.js';

const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');

/** Each Event node's Japanese name and @id. */
function eventIds(body: string): Map<string, string> {
  const graph = (JSON.parse(body) as { '@graph': { '@id': string; '@type': string; name: unknown }[] })['@graph'];
  const ids = new Map<string, string>();
  for (const node of graph.filter((n) => n['@type'] === 'Event')) ids.set(JSON.stringify(node.name), node['@id']);
  return ids;
}

describeOnEachStore('JSON-LD identifiers of the stored record', (openFresh) => {
  let store: Store;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(sample) }], { home: '金沢市', maxDocumentBytes: 1e7 });
  });
  after(async () => store?.close());

  it('names each event by its stored id, and keeps the names when an import adds an event before them', async () => {
    const beforeIds = eventIds(String((await exportOne(store, 'jsonld')).body));
    const stored = new Set((await listPartnerships(store)).flatMap((p) => p.events.map((e) => `urn:koryu:event:${encodeURIComponent('金沢市')}:${e.id}`)));
    assert.ok(beforeIds.size > 40);
    for (const id of beforeIds.values()) assert.ok(stored.has(id), id);
    const added = sample.replace('\t派遣\t市英語教育研修参加派遣団が訪問', '\t派遣\t友好交流都市提携記念の市民訪問団が訪問 市英語教育研修参加派遣団が訪問');
    assert.notEqual(added, sample);
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: Buffer.from(added) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    const afterIds = eventIds(String((await exportOne(store, 'jsonld')).body));
    let kept = 0;
    for (const [name, id] of beforeIds) {
      if (!afterIds.has(name)) continue;
      assert.equal(afterIds.get(name), id, name);
      kept++;
    }
    assert.ok(kept >= 40, `${kept} events in both`);
  });
});
