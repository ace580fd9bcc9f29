import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { createItem, getPartnershipForStaff } from '../../services/editing.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import { buildApp } from '../app.js';

/** The order column of a partnership's staff page: an undated exchange moved up or down within its year. */

const form = (fields: Record<string, string>) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const html = { accept: 'text/html' };

describe('ordering the undated exchanges of a year on the staff page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-staff-order-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let translator: { session: HttpSession; csrf: string };
  let partnershipId: number;
  const setup = { name: 'setup' };
  const texts = async () => (await getPartnershipForStaff(store, partnershipId)).events.map((e) => e.text);

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    editor = await loggedInAs(store, app, 'hanako', 'editor');
    translator = await loggedInAs(store, app, 'li', 'translator');
    partnershipId = (await createItem(store, 'partnership', { home: '金沢市', partner: '全州市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [], status: 'published' }, setup)).id;
    const add = (year: number, text: string, date: string | null = null) => createItem(store, 'event', { partnershipId, year, date, direction: 'dispatch', text, translations: {}, status: 'published' }, setup);
    await add(2016, '市長が全州市を訪問');
    await add(2016, '青少年交流団を派遣');
    await add(2016, '記念式典に出席', '2016-10-01');
    await add(2017, '全州市長一行が来訪');
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers up and down only where an undated exchange has a neighbour in its year, and 日付順 for a dated one', async () => {
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/partnerships/${partnershipId}`, headers: html });
    assert.match(page.body, /<th scope="col">年内の順序<\/th>/);
    assert.doesNotMatch(page.body, /aria-label="「市長が全州市を訪問」を同じ年の中で上へ移す"/, 'the first of 2016 has nothing above it');
    assert.match(page.body, /aria-label="「市長が全州市を訪問」を同じ年の中で下へ移す"/);
    assert.match(page.body, /aria-label="「青少年交流団を派遣」を同じ年の中で上へ移す"/);
    assert.doesNotMatch(page.body, /「全州市長一行が来訪」を同じ年の中で/, 'alone in 2017');
    assert.match(page.body, /<td><small class="hint">日付順<\/small><\/td>/);
    const other = await translator.session.request({ method: 'GET', url: `/ja/staff/partnerships/${partnershipId}`, headers: html });
    assert.doesNotMatch(other.body, /年内の順序|\/move"/, 'a translator gets no order column');
  });

  it('moves an exchange up and back to the partnership’s page at its row, and the history says the order changed', async () => {
    const event = (await getPartnershipForStaff(store, partnershipId)).events.find((e) => e.text === '青少年交流団を派遣')!;
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${event.id}/move`, ...form({ _csrf: editor.csrf, version: String(event.version), step: 'up' }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.equal(res.headers.location, `/ja/staff/partnerships/${partnershipId}?done=saved#order-${event.id}`);
    assert.deepEqual((await texts()).slice(0, 2), ['青少年交流団を派遣', '市長が全州市を訪問']);
    const history = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${event.id}/history`, headers: html });
    assert.match(history.body, /<p>同じ年の中で順序を変えました（内容は変わっていません）。<\/p>/);
    // The same form again, on the version it was made on: a conflict, nothing moved.
    const stale = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${event.id}/move`, ...form({ _csrf: editor.csrf, version: String(event.version), step: 'down' }) });
    assert.equal(stale.statusCode, 409);
    assert.deepEqual((await texts()).slice(0, 2), ['青少年交流団を派遣', '市長が全州市を訪問']);
  });

  it('refuses a translator (403) and a move past the year’s first exchange (422)', async () => {
    const [top] = (await getPartnershipForStaff(store, partnershipId)).events;
    const denied = await translator.session.request({ method: 'POST', url: `/ja/staff/events/${top!.id}/move`, ...form({ _csrf: translator.csrf, version: String(top!.version), step: 'down' }) });
    assert.equal(denied.statusCode, 403);
    const refused = await editor.session.request({ method: 'POST', url: `/ja/staff/events/${top!.id}/move`, ...form({ _csrf: editor.csrf, version: String(top!.version), step: 'up' }) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /その年の最初または最後の交流のため、これ以上動かせません/);
  });
});
