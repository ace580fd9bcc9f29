import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loggedInEditor, type HttpSession } from '../../../test/support/http-session.js';
import { DIAGNOSTIC_CODES } from '../../domain/diagnostic.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { photoRefusal, tooManyFiles, uploadTooLarge, diagnosticText } from '../../views/staff/upload.messages.js';
import { buildApp } from '../app.js';

/** The web import's diagnostics and the photo refusals in the staff pages' three languages. */

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');

function multipart(fields: Record<string, string>, name: string, bytes: Buffer) {
  const boundary = `----koryu${randomBytes(8).toString('hex')}`;
  const head = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
  const payload = Buffer.concat([Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' } };
}

/** Latin words of three letters or more: English left in a Japanese or Chinese sentence (JPEG, MB, KORYU_…, koryu/1 aside). */
/** Latin words in a Japanese or Chinese sentence, but for the names of formats and products (iPhone, HEIC) those write too. */
const ENGLISH = /\b(?!JPEG|PNG|WebP|JSON|UTF|KORYU_|koryu\/1|MB|iPhone|HEIC)[A-Za-z]{3,}\b/;

describe('staff upload messages in ja, en and zh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-staff-i18n-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let session: HttpSession;
  let csrf: string;
  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    ({ session, csrf } = await loggedInEditor(store, app));
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every photo refusal, size refusal and diagnostic has a Japanese and a Chinese sentence without English in it', () => {
    for (const locale of ['ja', 'zh'] as const) {
      for (const problem of ['empty', 'tooLarge', 'notAnImage', 'unreadable', 'polyglot'] as const) {
        assert.doesNotMatch(photoRefusal(locale, problem, '20 MB'), ENGLISH, `${locale} ${problem}`);
      }
      for (const kind of ['photo', 'document'] as const) {
        assert.doesNotMatch(uploadTooLarge(locale, kind, '20 MB'), ENGLISH, `${locale} ${kind}`);
        assert.doesNotMatch(tooManyFiles(locale, kind, 10), ENGLISH, `${locale} ${kind}`);
      }
      for (const code of DIAGNOSTIC_CODES) {
        const said = diagnosticText(locale, { code, severity: 'warning', line: 3, message: 'English detail', excerpt: '' });
        assert.ok(said.message.length > 0, `${locale} ${code}`);
        assert.doesNotMatch(`${said.severity} ${said.message}`, ENGLISH, `${locale} ${code}`);
      }
    }
    assert.equal(photoRefusal('en', 'tooLarge', '20 MB'), 'The photo is larger than the limit of 20 MB. Nothing was stored.');
  });

  it('the import preview shows its diagnostics in the page\'s language, with the line and the excerpt', async () => {
    const doc = Buffer.from(sample.replace('\t派遣\t', '\t謎の区分\t'));
    const pages = {
      ja: ['警告', '区分（派遣・受入・相互）が読み取れないため', '謎の区分'],
      zh: ['警告', '无法识别类别', '謎の区分'],
      en: ['Warning', 'is not a direction'],
    };
    for (const [locale, words] of Object.entries(pages)) {
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/import/preview`, ...multipart({ _csrf: csrf }, 'dalian.txt', doc) });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      for (const w of words) assert.ok(res.body.includes(w), `${locale}: no ${w}`);
      if (locale !== 'en') assert.ok(!res.body.includes('is not a direction'), `${locale}: the English message is shown`);
    }
  });

  it('the import preview says in Japanese that a date outside its year heading kept its own year, not that an era year disagreed', async () => {
    const doc = Buffer.from(['姉妹都市イルクーツク市との交流', '', '■2019年', '2018.12.24. クリスマス音楽会を開催', '2019.05.10. 市長が来訪'].join('\n'));
    const res = await session.request({ method: 'POST', url: '/ja/staff/import/preview', ...multipart({ _csrf: csrf }, 'irkutsk.txt', doc) });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.ok(res.body.includes('日付が、見出しの年の範囲外です。日付の年を使いました。'), res.body);
    assert.ok(!res.body.includes('和暦と西暦が一致しません'));
  });

  it('the import preview says what importing would change, warning of the stored items a document no longer holds', async () => {
    const first = await session.request({ method: 'POST', url: '/ja/staff/import/preview', ...multipart({ _csrf: csrf }, 'dalian.txt', Buffer.from(sample)) });
    assert.ok(first.body.includes('取り込むと変わること') && first.body.includes('（新しい提携先）'), first.body.slice(0, 300));
    const token = /name="token" value="([^"]+)"/.exec(first.body)![1]!;
    const form = `_csrf=${encodeURIComponent(csrf)}&token=${encodeURIComponent(token)}`;
    const done = await session.request({ method: 'POST', url: '/ja/staff/import', payload: form, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    assert.equal(done.statusCode, 200, done.body.slice(0, 300));
    // The same document without its 2016 row: its two exchanges gone, and the row below it (受入, no year) read
    // into 2015, which lists the same exchange already: three in all.
    const shorter = sample.split('\n').filter((l) => !l.startsWith('2016年')).join('\n');
    const before = (await store.db.selectFrom('events').select('id').execute()).length;
    const pages = {
      ja: '金沢市–大連市：登録済みの3件の交流と0件の写真の記録が、この文書にないため削除されます。',
      en: '金沢市–大連市: stored items that are not in this document would be removed (exchanges: 3, photo records: 0).',
      zh: '金沢市–大連市：已登记的3项交流和0项照片记录不在此文档中，将被删除。',
    };
    for (const [locale, warning] of Object.entries(pages)) {
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/import/preview`, ...multipart({ _csrf: csrf }, 'dalian.txt', Buffer.from(shorter)) });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.ok(res.body.includes(warning), `${locale}: ${warning}`);
      // Each exchange it would remove, named.
      const named = /<ul class="removed-items">([\s\S]*?)<\/ul>/.exec(res.body)?.[1] ?? '';
      assert.equal((named.match(/<li>/g) ?? []).length, 3, `${locale}: ${named}`);
      assert.match(named, /<li>2016 山野市長が訪問、「友好交流の更なる発展に関する合意書」/);
    }
    assert.equal((await store.db.selectFrom('events').select('id').execute()).length, before, 'the previews removed nothing');
  });

  it('a file that is not an image is refused on the photo-record form in the page\'s language', async () => {
    const pages = { ja: 'JPEG・PNG・WebPの画像ではありません', zh: '该文件不是JPEG、PNG或WebP图像', en: 'The file is not a JPEG, PNG or WebP image' };
    for (const [locale, words] of Object.entries(pages)) {
      const created = await session.request({ method: 'POST', url: '/api/staff/partnerships', payload: { partner: `大連市${locale}`, kind: '友好都市' }, headers: { accept: 'application/json', 'x-csrf-token': csrf } });
      assert.equal(created.statusCode, 201, created.body);
      const fields = { _csrf: csrf, partnershipId: String(created.json().id), year: '2025', caption: '記念撮影', status: 'draft' };
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/records`, ...multipart(fields, 'photo.jpg', Buffer.from('<html>not a photo</html>')) });
      assert.equal(res.statusCode, 422, res.body.slice(0, 300));
      assert.ok(res.body.includes(words), `${locale}: ${words}`);
    }
  });

  it('tells how to send an iPhone photo (HEIC) that is refused: as JPEG, or taken with 互換性優先', async () => {
    const created = await session.request({ method: 'POST', url: '/api/staff/partnerships', payload: { partner: '大連市heic', kind: '友好都市' }, headers: { accept: 'application/json', 'x-csrf-token': csrf } });
    const fields = { _csrf: csrf, partnershipId: String(created.json().id), year: '2025', caption: '記念撮影', status: 'draft' };
    // The start of a HEIC file: an ISO box `ftyp` of brand heic.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(64)]);
    const res = await session.request({ method: 'POST', url: '/ja/staff/records', ...multipart(fields, 'IMG_0001.HEIC', heic) });
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(res.body, /iPhoneの写真（HEIC）は、写真アプリでJPEGとして書き出すか（メールで送る・「ファイル」に保存するなど）、設定 > カメラ > フォーマット を「互換性優先」にして撮った写真を選んでください。/);
  });
});
