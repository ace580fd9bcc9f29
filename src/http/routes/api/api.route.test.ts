import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import { describeOnEachStore } from '../../../../test/support/test-stores.js';
import { LICENCE_PRESETS } from '../../../domain/licence.js';
import { importDocuments } from '../../../services/import.service.js';
import type { Store } from '../../../storage/database.js';
import { buildApp } from '../../app.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const licence = { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市 国際交流の記録' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Checks the parts of OpenAPI 3 structure that tools rely on; returns the problems found. */
function openApiProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (!/^3\.\d+\.\d+$/.test(doc.openapi)) problems.push('openapi is not a 3.x.y version');
  if (typeof doc.info?.title !== 'string' || typeof doc.info?.version !== 'string') problems.push('info needs title and version');
  if (typeof doc.paths !== 'object') problems.push('paths missing');
  const ids = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    if (!path.startsWith('/')) problems.push(`${path}: must start with /`);
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries<Json>(item)) {
      if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) problems.push(`${path}: ${method} is not a method`);
      if (typeof op.responses !== 'object' || Object.keys(op.responses).length === 0) problems.push(`${method} ${path}: no responses`);
      for (const [status, r] of Object.entries<Json>(op.responses ?? {})) {
        if (!/^[1-5](\d\d|XX)$|^default$/.test(status)) problems.push(`${method} ${path}: response ${status}`);
        if (typeof r.description !== 'string') problems.push(`${method} ${path}: response ${status} needs a description`);
      }
      if (ids.has(op.operationId)) problems.push(`${method} ${path}: operationId ${op.operationId} repeats`);
      ids.add(op.operationId);
      const params = (op.parameters ?? []) as Json[];
      for (const p of params) {
        if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in) || typeof p.schema !== 'object') problems.push(`${method} ${path}: bad parameter ${JSON.stringify(p)}`);
        if (p.in === 'path' && (p.required !== true || !templated.includes(p.name))) problems.push(`${method} ${path}: path parameter ${p.name}`);
      }
      for (const name of templated) if (!params.some((p) => p.in === 'path' && p.name === name)) problems.push(`${method} ${path}: {${name}} is not declared`);
    }
  }
  return problems;
}

describeOnEachStore('the public read API', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', licence });
    // A route another part of the application adds later, with its own schema: the document must list it too.
    app.get('/api/staff/ping', { schema: { summary: 'test route', querystring: { type: 'object', properties: { n: { type: 'integer' } } } } }, async () => ({ ok: true }));
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  const get = async (url: string) => {
    const res = await app.inject(url);
    return { res, body: res.statusCode === 200 ? res.json() : undefined };
  };

  it('lists the partnerships as a page of JSON, readable from any origin', async () => {
    const { res, body } = await get('/api/partnerships');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    assert.equal(body.total, 1);
    assert.deepEqual(
      { ...body.items[0], id: 0, updatedAt: '' },
      { id: 0, home: '金沢市', partner: '大連市', kind: '友好交流都市', affiliatedOn: '2006-11-24', events: 60, records: 14, firstYear: 2006, lastYear: 2023, noExchangeYears: [2021], updatedAt: '' },
    );
  });

  it('pages through the events with limit, offset and next, and filters them by year and direction', async () => {
    const id = (await get('/api/partnerships')).body.items[0].id;
    const seen: number[] = [];
    let url: string | null = `/api/partnerships/${id}/events?limit=25`;
    while (url) {
      const { body } = await get(url);
      assert.equal(body.total, 60);
      seen.push(...body.items.map((e: Json) => e.id));
      url = body.next;
    }
    assert.equal(seen.length, 60);
    assert.equal(new Set(seen).size, seen.length);
    const { body } = await get(`/api/partnerships/${id}/events?year=2006&direction=reception`);
    assert.ok(body.items.length > 0);
    assert.ok(body.items.every((e: Json) => e.year === 2006 && e.direction === 'reception'));
    const event = (await get(`/api/events/${body.items[0].id}`)).body;
    assert.deepEqual(event, body.items[0]);
  });

  it('gives the years with their counts, and the photo records linked to their events', async () => {
    const id = (await get('/api/partnerships')).body.items[0].id;
    const years = (await get(`/api/partnerships/${id}/years?limit=100`)).body;
    assert.deepEqual(years.items.find((y: Json) => y.year === 2021), { year: 2021, noExchange: true, events: 0, records: 0 });
    assert.equal(years.items.reduce((n: number, y: Json) => n + y.events, 0), 60);
    const records = (await get(`/api/partnerships/${id}/records?limit=100`)).body;
    assert.equal(records.total, 14);
    for (const r of records.items.filter((x: Json) => x.eventId !== null)) {
      assert.ok((await get(`/api/events/${r.eventId}`)).body.records.includes(r.id));
    }
  });

  it('searches events and captions, two characters and more', async () => {
    const { body } = await get(`/api/search?q=${encodeURIComponent('市長')}&limit=5`);
    assert.ok(body.total > 5);
    assert.equal(body.items.length, 5);
    assert.ok(body.items.every((h: Json) => h.text.includes('市長')));
    assert.match(body.next, /offset=5/);
  });

  it('answers bad input with 400 and unknown ids with 404', async () => {
    assert.equal((await app.inject('/api/search')).statusCode, 400);
    assert.equal((await app.inject('/api/partnerships?limit=1000')).statusCode, 400);
    assert.equal((await app.inject('/api/partnerships/abc')).statusCode, 400);
    assert.equal((await app.inject('/api/partnerships/999999')).statusCode, 404);
    assert.equal((await app.inject('/api/events/999999')).statusCode, 404);
  });

  it('answers a CORS preflight', async () => {
    const res = await app.inject({ method: 'OPTIONS', url: '/api/partnerships', headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' } });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['access-control-allow-methods'] as string, /GET/);
  });

  it('answers errors as its OpenAPI document says: the documented media type, and a body valid against its schema', async () => {
    const { body: doc } = await get('/api/openapi.json');
    const resolve = (schema: Json): Json => (typeof schema.$ref === 'string' ? resolve(schema.$ref.slice(2).split('/').reduce((o: Json, k: string) => o[k], doc)) : schema);
    const ajv = new Ajv2020({ strict: true });
    const cases = [
      ['/api/search', '/api/search', 400],
      ['/api/partnerships?limit=1000', '/api/partnerships', 400],
      ['/api/partnerships/abc', '/api/partnerships/{id}', 400],
      ['/api/partnerships/99', '/api/partnerships/{id}', 404],
      ['/api/partnerships/99/events', '/api/partnerships/{id}/events', 404],
      ['/api/events/999999', '/api/events/{id}', 404],
    ] as const;
    for (const [url, path, status] of cases) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, status, url);
      const documented = doc.paths[path].get.responses[String(status)];
      assert.ok(documented, `${path} documents ${status}`);
      const mediaType = String(res.headers['content-type']).split(';')[0]!;
      assert.ok(documented.content[mediaType], `${url}: ${mediaType} is documented for ${status} (${Object.keys(documented.content)})`);
      const validate = ajv.compile(resolve(documented.content[mediaType].schema));
      assert.ok(validate(res.json()), `${url}: ${res.body} ${JSON.stringify(validate.errors)}`);
    }
  });

  it('describes every /api route in a valid OpenAPI 3 document, generated from the route schemas', async () => {
    const { body: doc } = await get('/api/openapi.json');
    assert.deepEqual(openApiProblems(doc), []);
    const listed = Object.entries<Json>(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    for (const operation of listed) {
      const [method, path] = operation.split(' ') as [string, string];
      assert.ok(app.hasRoute({ method: method as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), `${operation} is not a route`);
    }
    const expected = ['/api/openapi.json', '/api/partnerships', '/api/partnerships/{id}', '/api/partnerships/{id}/years', '/api/partnerships/{id}/events', '/api/partnerships/{id}/records', '/api/events/{id}', '/api/search', '/api/staff/ping'];
    assert.deepEqual(listed, expected.map((p) => `GET ${p}`).sort());
    assert.equal(doc.info.license.url, licence.url);
    const events = doc.paths['/api/partnerships/{id}/events'].get;
    assert.deepEqual(events.parameters.map((p: Json) => `${p.in}:${p.name}`), ['path:id', 'query:limit', 'query:offset', 'query:year', 'query:direction']);
    assert.equal(events.responses['200'].content['application/json'].schema.properties.items.items.properties.direction.enum.length, 4);
    assert.deepEqual(doc.paths['/api/staff/ping'].get.parameters.map((p: Json) => p.name), ['n']);
  });
});

describeOnEachStore('the first and last years of a partnership', (openFresh) => {
  // Its last year has no exchange, and its first holds only a photo record: the years its page shows.
  const nancy = [
    '姉妹都市ナンシー市との歩み 交流年表',
    '',
    '年\t\t交流内容',
    '1999年 (平成11年)\t派遣\t市長がナンシー市を訪問',
    '2010年 (平成22年)\t—\t—',
    '2017年 (平成29年)\t受入\tナンシー市代表団が来訪',
    '2018年 (平成30年)\t—\t—',
    '',
    'ナンシー市交流の記録',
    '',
    '年\tナンシー市との交流事業',
    '平成10年 (1998年)\t記念植樹',
    '',
  ].join('\n');
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let id: number;
  before(async () => {
    store = await openFresh();
    await importDocuments(store, [{ name: 'nancy.txt', bytes: Buffer.from(nancy) }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', licence });
    id = (await app.inject('/api/partnerships')).json().items[0].id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('are the same on its page, in the read API (one and the list), in its years and in the JSON-LD', async () => {
    const page = (await app.inject(`/ja/partnerships/${id}`)).body.replace(/<[^>]+>/g, '');
    const shown = /(\d{4})年〜(\d{4})年、\d+件の交流を表示/.exec(page);
    assert.ok(shown, 'the page says which years it shows');
    const span = [Number(shown[1]), Number(shown[2])];
    assert.deepEqual(span, [1998, 2018]);

    const one = (await app.inject(`/api/partnerships/${id}`)).json();
    assert.deepEqual([one.firstYear, one.lastYear], span);
    assert.deepEqual(one.noExchangeYears, [2010, 2018]);
    const listed = (await app.inject('/api/partnerships')).json().items[0];
    assert.deepEqual(listed, one, 'the list counts in the database what the one reads whole');
    const years = (await app.inject(`/api/partnerships/${id}/years?limit=100`)).json().items as { year: number }[];
    assert.deepEqual([years[0]!.year, years.at(-1)!.year], span);

    const graph = (await app.inject(`/partnerships/${id}/downloads/jsonld`)).json()['@graph'] as Json[];
    assert.equal(graph.find((n) => n['@type'] === 'CreativeWork')!.temporalCoverage, span.join('/'));
  });
});
