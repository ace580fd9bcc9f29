import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import jsonld from 'jsonld';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { parseDocument } from '../importer/parse-document.js';
import { writeAtom } from './atom.js';
import { writeJsonLd } from './jsonld.js';

const seed = parseDocument(readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url)), { home: '金沢市' }).partnerships;
const licence = { ...LICENCE_PRESETS['pdl-1.0']!, attribution: '金沢市 国際交流の記録' };
const S = 'http://schema.org/';

/**
 * Stands in for https://schema.org's context so the test needs no network: like the published one, it maps
 * every term into the schema.org vocabulary. Any other URL fails the test.
 */
const documentLoader = async (url: string) => {
  if (url.replace(/\/$/, '') !== 'https://schema.org') throw new Error(`unexpected document load: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': S, schema: S } } };
};

async function expand(doc: unknown): Promise<Record<string, unknown>[]> {
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader } as never)) as unknown as Record<string, unknown>[];
}

const ofType = (nodes: Record<string, unknown>[], type: string) => nodes.filter((n) => (n['@type'] as string[] | undefined)?.includes(`${S}${type}`));
const value = (n: Record<string, unknown>, key: string) => (n[`${S}${key}`] as { '@value'?: string; '@id'?: string }[] | undefined)?.map((v) => v['@value'] ?? v['@id']);

describe('the JSON-LD export', () => {
  it('expands as JSON-LD into one schema.org Event per exchange of the seed, each with a start date, a location and an organizer', async () => {
    const nodes = await expand(JSON.parse(writeJsonLd(seed, { licence })));
    const events = ofType(nodes, 'Event');
    assert.equal(events.length, seed[0]!.events.length);
    for (const [i, e] of seed[0]!.events.entries()) {
      const n = events[i]!;
      assert.deepEqual(value(n, 'name'), [e.text]);
      assert.deepEqual(value(n, 'startDate'), [e.date ?? String(e.year)]);
      assert.ok((n[`${S}location`] as unknown[]).length >= 1);
      assert.ok(n[`${S}organizer`]);
    }
  });

  it('names the two cities as Places, the partnership as a work about them, and the licence on the dataset', async () => {
    const events = new Map(seed[0]!.events.map((e, i) => [e, { id: 1 + i, publishedAt: '2026-01-01T00:00:00.000Z' }]));
    const nodes = await expand(JSON.parse(writeJsonLd(seed, { licence, siteUrl: 'https://example.jp/koryu/', events })));
    const places = ofType(nodes, 'Place');
    assert.deepEqual(places.map((p) => value(p, 'name')![0]).sort(), ['大連市', '金沢市'].sort());
    const [work] = ofType(nodes, 'CreativeWork');
    assert.deepEqual((value(work!, 'about') ?? []).sort(), places.map((p) => p['@id']).sort());
    assert.deepEqual(value(work!, 'genre'), ['友好交流都市']);
    const [dataset] = ofType(nodes, 'Dataset');
    assert.deepEqual(value(dataset!, 'license'), [licence.url]);
    assert.ok(nodes.every((n) => String(n['@id']).startsWith('https://example.jp/koryu/')), 'the site URL names every node');
    assert.equal(ofType(nodes, 'Event')[0]!['@id'], 'https://example.jp/koryu/events/1');
  });

  it('gives every node an absolute @id without the site URL, so JSON-LD processors keep them all as RDF', async () => {
    const doc = JSON.parse(writeJsonLd(seed, { licence }));
    const ids: string[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '@id') ids.push(String(x));
          else collect(x);
        }
      }
    };
    collect(doc);
    assert.ok(ids.length > seed[0]!.events.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9+.-]*:/, `${id} is absolute`);
    const quads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { documentLoader, format: 'application/n-quads' } as never)) as unknown as string;
    const subjects = new Set(quads.split('\n').map((q) => q.split(' ')[0]!).filter((s) => s.startsWith('<')));
    assert.equal(subjects.size, new Set(doc['@graph'].map((n: { '@id': string }) => `<${n['@id']}>`)).size, 'every node of the graph is a subject');
  });

  it('names a stored event as the Atom feed names its entry when there is no site URL', () => {
    const p = seed[0]!;
    const events = new Map(p.events.map((e, i) => [e, { id: 3 + i, publishedAt: '2026-01-01T00:00:00.000Z' }]));
    const graph = (JSON.parse(writeJsonLd([p], { events })) as { '@graph': { '@id': string; '@type': string; name: { '@value': string }[] }[] })['@graph'];
    const eventIds = graph.filter((n) => n['@type'] === 'Event').map((n) => n['@id']);
    const entryIds = [...writeAtom([p], { events }).matchAll(/<entry>\s*<id>(.*?)<\/id>/g)].map((m) => m[1]!);
    assert.ok(entryIds.length > 0);
    for (const id of entryIds) assert.ok(eventIds.includes(id), id);
    assert.equal(eventIds[0], `urn:koryu:event:${encodeURIComponent('金沢市')}:3`);
    const unstored = (q: Partnership) => [...writeAtom([q]).matchAll(/<entry>\s*<id>(.*?)<\/id>/g)].map((m) => m[1]!);
    const documentIds = (JSON.parse(writeJsonLd([p])) as { '@graph': { '@id': string }[] })['@graph'].map((n) => n['@id']);
    for (const id of unstored(p)) assert.ok(documentIds.includes(id), `an event of a document: ${id}`);
  });

  it('places a dispatch at the partner city and a reception at home, and gives translations with their language', async () => {
    const p: Partnership = {
      home: '金沢市', partner: 'ナンシー市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [], records: [],
      events: [
        { year: 1973, date: '1973-10-12', direction: 'dispatch', text: '市長が訪問', translations: { en: 'The mayor visited' }, line: null },
        { year: 1974, date: null, direction: 'reception', text: '市長が来訪', line: null },
      ],
    };
    const nodes = await expand(JSON.parse(writeJsonLd([p])));
    const placeId = (name: string) => ofType(nodes, 'Place').find((n) => value(n, 'name')![0] === name)!['@id'];
    const [dispatch, reception] = ofType(nodes, 'Event');
    assert.deepEqual(value(dispatch!, 'location'), [placeId('ナンシー市')]);
    assert.deepEqual(value(reception!, 'location'), [placeId('金沢市')]);
    assert.deepEqual(value(reception!, 'startDate'), ['1974']);
    const names = dispatch![`${S}name`] as { '@value': string; '@language': string }[];
    assert.deepEqual(names.map((n) => [n['@language'], n['@value']]), [['ja', '市長が訪問'], ['en', 'The mayor visited']]);
  });

  it('writes a control character of a text (a form feed from a PDF) as a JSON escape: the document still parses', async () => {
    const p: Partnership = { home: '金沢市', partner: '大連\u0001市', kind: '友好交流都市', affiliatedOn: null, noExchangeYears: [], records: [], events: [{ year: 2006, date: null, direction: 'dispatch', text: '市長が訪問\x0c会談', line: null }] };
    const text = writeJsonLd([p]);
    assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f]/, 'no raw control character but the line feeds between lines');
    const [event] = ofType(await expand(JSON.parse(text)), 'Event');
    assert.deepEqual(value(event!, 'name'), ['市長が訪問\x0c会談']);
  });
});
