import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LICENCE_PRESETS, licenceNotice } from '../../../domain/licence.js';
import { importDocuments } from '../../../services/import.service.js';
import { listPartnerships } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { openSqliteStore } from '../../../storage/sqlite/connect.js';
import { buildApp } from '../../app.js';
import { apiLinkHeader } from './api.licence.js';

const seed = readFileSync(new URL('../../../../samples/kanazawa-dalian.txt', import.meta.url));
const licence = { ...LICENCE_PRESETS['cc-by-4.0']!, attribution: '金沢市 国際交流の記録' };

/** The links of a Link header by rel, each with its target and its decoded title* (RFC 8187). */
function links(header: string): Map<string, { href: string; title?: string }> {
  const found = new Map<string, { href: string; title?: string }>();
  for (const part of header.split(/,\s*(?=<)/)) {
    const href = /^<([^>]+)>/.exec(part)![1]!;
    const rel = /;\s*rel="([^"]+)"/.exec(part)![1]!;
    const title = /;\s*title\*=UTF-8''([^;,\s]+)/.exec(part)?.[1];
    found.set(rel, { href, ...(title ? { title: decodeURIComponent(title) } : {}) });
  }
  return found;
}

describe('apiLinkHeader', () => {
  it('names the licence’s deed (rel=license) titled with the credit and terms line, and the API’s description', () => {
    const header = apiLinkHeader(licence);
    assert.match(header, /^[\x20-\x7e]+$/, 'ASCII only, as a header must be');
    assert.match(/title\*=UTF-8''([^,;]+)/.exec(header)![1]!, /^[A-Za-z0-9!#$&+\-.^_`|~%]+$/, 'RFC 8187 attr-chars and %XX only');
    const parsed = links(header);
    assert.deepEqual(parsed.get('license'), { href: licence.url, title: licenceNotice(licence) });
    assert.equal(parsed.get('describedby')?.href, '/api/openapi.json');
    assert.equal(apiLinkHeader(undefined), '</api/openapi.json>; rel="describedby"');
  });
});

describe('the read API carries the licence and the pages link it', () => {
  let dir: string;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koryu-api-licence-'));
    store = await openSqliteStore(join(dir, 'koryu.db'));
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: seed }], { home: '金沢市', maxDocumentBytes: 1e7 });
    app = await buildApp({ store, home: '金沢市', licence });
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every answer of the read API, refusals included, the Link header, readable from another origin', async () => {
    const p = (await listPartnerships(store))[0]!;
    for (const url of ['/api/partnerships', `/api/partnerships/${p.id}/events`, `/api/events/${p.events[0]!.id}`, '/api/search?q=%E5%B8%82%E9%95%B7', '/api/openapi.json', '/api/events/999999', '/api/nothing']) {
      const res = await app.inject(url);
      assert.equal(links(String(res.headers.link)).get('license')?.title, licenceNotice(licence), url);
      assert.match(String(res.headers['access-control-expose-headers']), /\bLink\b/, url);
    }
    const etag = (await app.inject('/api/partnerships')).headers.etag as string;
    const unchanged = await app.inject({ url: '/api/partnerships', headers: { 'if-none-match': etag } });
    assert.equal(unchanged.statusCode, 304);
    assert.ok(unchanged.headers.link, 'a 304 too');
    assert.equal((await app.inject('/')).headers.link, undefined, 'not the pages');
    assert.equal((await app.inject('/api/staff/imports')).headers.link, undefined, 'not the staff’s API');
  });

  it('links the API’s description from the downloads of the home and partnership pages, in every language', async () => {
    const p = (await listPartnerships(store))[0]!;
    for (const [path, label] of [['/', 'API（OpenAPI）'], ['/en/', 'API (OpenAPI)'], ['/zh/', 'API（OpenAPI）'], [`/partnerships/${p.id}`, 'API（OpenAPI）'], [`/en/partnerships/${p.id}`, 'API (OpenAPI)']] as const) {
      const downloads = /<section class="downloads[^"]*"[\s\S]*?<\/section>/.exec((await app.inject(path)).body)?.[0] ?? '';
      assert.ok(downloads.includes(`<a href="/api/openapi.json" type="application/json">${label}</a>`), `${path}: ${downloads}`);
    }
    const info = JSON.parse((await app.inject('/api/openapi.json')).body).info as { description: string; license: { url: string } };
    assert.equal(info.license.url, licence.url);
    assert.ok(info.description.includes(licenceNotice(licence)) && info.description.includes('Link header'), info.description);
  });
});
