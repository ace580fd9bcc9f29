import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loggedInAs, type HttpSession } from '../../../test/support/http-session.js';
import { createItem, editItem, getItem, historyOf } from '../../services/editing.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import { buildApp } from '../app.js';

/** この版に戻す and the translations added since it; a translator's restore of translations alone. */

const form = (fields: Record<string, string>) => ({
  headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const html = { accept: 'text/html' };

describe('restoring an earlier version of an exchange', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-staff-restore-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let editor: { session: HttpSession; csrf: string };
  let translator: { session: HttpSession; csrf: string };
  let viewer: { session: HttpSession; csrf: string };
  let partnershipId: number;
  const setup = { name: 'setup' };

  /** An event at version 3: its first text (v1), an English translation added by a translator (v2), its text corrected (v3). */
  const translatedThenCorrected = async (text: string) => {
    const v1 = await createItem(store, 'event', { partnershipId, year: 2017, date: null, direction: 'reception', text, translations: { zh: '全州市长一行来访' }, status: 'published' }, setup);
    const v2 = await editItem(store, 'event', v1.id, { translations: { en: 'The Mayor of Jeonju visited' } }, v1.version, { name: 'li' });
    const v3 = await editItem(store, 'event', v1.id, { text: `${text}（市役所）`, translations: { zh: '全州市长一行来访（市政府）' } }, v2.version, { name: 'hanako' });
    const entries = await historyOf(store, 'event', v1.id);
    return { id: v1.id, current: v3, first: entries.find((e) => e.version === 1)! };
  };

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    editor = await loggedInAs(store, app, 'hanako', 'editor');
    translator = await loggedInAs(store, app, 'li', 'translator');
    viewer = await loggedInAs(store, app, 'ken', 'viewer');
    partnershipId = (await createItem(store, 'partnership', { home: '金沢市', partner: '全州市', kind: '姉妹都市', affiliatedOn: null, noExchangeYears: [], status: 'published' }, setup)).id;
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts back the version’s text and translations, keeps a translation added since, and says so beside the button', async () => {
    const { id, current, first } = await translatedThenCorrected('全州市長一行が来訪');
    const page = await editor.session.request({ method: 'GET', url: `/ja/staff/events/${id}/history`, headers: html });
    assert.match(page.body, /この版に戻す<\/button><\/form><p class="hint">戻すと、この版の内容になります。英語訳・中国語訳は、この版にある言語だけをこの版の訳に戻し、この版の後に追加された言語の訳は残します/);
    const res = await editor.session.request({ method: 'POST', url: `/ja/staff/history/${first.id}/restore`, ...form({ _csrf: editor.csrf, version: String(current.version) }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const restored = await getItem(store, 'event', id);
    assert.equal(restored.text, '全州市長一行が来訪');
    assert.deepEqual(restored.translations, { zh: '全州市长一行来访', en: 'The Mayor of Jeonju visited' }, 'the English added in version 2 stays');
  });

  it('lets a translator restore a version’s translations alone, leaving the Japanese text as it is', async () => {
    const { id, current, first } = await translatedThenCorrected('全州市文化使節団が来訪');
    const page = await translator.session.request({ method: 'GET', url: `/ja/staff/events/${id}/history`, headers: html });
    assert.match(page.body, /<button type="submit">この版の訳に戻す<\/button>/);
    assert.doesNotMatch(page.body, /この版に戻す<\/button>/, 'not the whole version');
    const res = await translator.session.request({ method: 'POST', url: `/ja/staff/history/${first.id}/restore`, ...form({ _csrf: translator.csrf, version: String(current.version) }) });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const restored = await getItem(store, 'event', id);
    assert.equal(restored.text, '全州市文化使節団が来訪（市役所）', 'the text stays as corrected');
    assert.deepEqual(restored.translations, { zh: '全州市长一行来访', en: 'The Mayor of Jeonju visited' });
    const [last] = await historyOf(store, 'event', id);
    assert.deepEqual([last!.action, last!.actor], ['restore', 'li']);
  });

  it('refuses a translator’s restore of a partnership’s version (422), and a viewer’s of anything (403)', async () => {
    const [created] = await historyOf(store, 'partnership', partnershipId);
    const refused = await translator.session.request({ method: 'POST', url: `/ja/staff/history/${created!.id}/restore`, ...form({ _csrf: translator.csrf }) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /翻訳者の権限で戻せるのは、いまある交流や写真の記録の訳だけです/);
    const { id, first } = await translatedThenCorrected('全州市議会議員団が来訪');
    const page = await viewer.session.request({ method: 'GET', url: `/ja/staff/events/${id}/history`, headers: html });
    assert.doesNotMatch(page.body, /restore"/);
    const denied = await viewer.session.request({ method: 'POST', url: `/ja/staff/history/${first.id}/restore`, ...form({ _csrf: viewer.csrf }) });
    assert.equal(denied.statusCode, 403);
  });

  it('lets a translator restore translations through the JSON API too, and not a whole version', async () => {
    const { id, current, first } = await translatedThenCorrected('全州市少年サッカー団が来訪');
    const res = await translator.session.request({
      method: 'POST',
      url: `/api/staff/history/${first.id}/restore`,
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': translator.csrf },
      payload: JSON.stringify({ version: current.version }),
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const restored = await getItem(store, 'event', id);
    assert.equal(restored.text, '全州市少年サッカー団が来訪（市役所）');
    assert.equal(restored.translations.zh, '全州市长一行来访');
  });
});
