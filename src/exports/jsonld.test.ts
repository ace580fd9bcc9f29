import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import jsonld from 'jsonld';
import { LICENCE_PRESETS } from '../domain/licence.js';
import type { Partnership } from '../domain/partnership.js';
import { parseDocument } from '../importer/parse-document.js';
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
    const nodes = await expand(JSON.parse(writeJsonLd(seed, { licence, siteUrl: 'https://example.jp/koryu/' })));
    const places = ofType(nodes, 'Place');
    assert.deepEqual(places.map((p) => value(p, 'name')![0]).sort(), ['大連市', '金沢市'].sort());
    const [work] = ofType(nodes, 'CreativeWork');
    assert.deepEqual((value(work!, 'about') ?? []).sort(), places.map((p) => p['@id']).sort());
    assert.deepEqual(value(work!, 'genre'), ['友好交流都市']);
    const [dataset] = ofType(nodes, 'Dataset');
    assert.deepEqual(value(dataset!, 'license'), [licence.url]);
    assert.ok(ofType(nodes, 'Event').every((n) => String(n['@id']).startsWith('https://example.jp/koryu/')));
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
