import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import sharp from 'sharp';
import { describeOnEachStore } from '../../../test/support/test-stores.js';
import { loggedInEditor, type HttpSession } from '../../../test/support/http-session.js';
import { importDocuments } from '../../services/import.service.js';
import { listPartnerships } from '../../services/record.service.js';
import type { Store } from '../../storage/database.js';
import { photoFilesIn } from '../../storage/photo.files.js';
import { buildApp } from '../app.js';

/**
 * KORYU_MAX_PHOTO_BYTES and KORYU_MAX_DOCUMENT_BYTES on the staff uploads: a photo or a document over its limit is
 * refused with 413 and a message naming the limit (in the page's language on the staff pages), nothing is stored,
 * and a declared length over the limit is refused as soon as the headers arrive, before the body is sent.
 */

const sample = readFileSync(new URL('../../../samples/kanazawa-dalian.txt', import.meta.url));

/** A multipart body with the CSRF field, some text fields and one file. */
function multipart(fields: Record<string, string>, name: string, bytes: Buffer, type: string) {
  const boundary = `----koryu${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const payload = Buffer.concat([
    Buffer.from(parts.join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Sends the head of a POST declaring `declared` bytes and only its first KiB, then waits for the answer: one can
 * only come if the server refused before reading the body.
 */
function postHeadOnly(port: number, path: string, declared: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`${path}: no answer within 10 s while the body was still being awaited`));
    }, 10_000);
    socket.on('error', reject);
    socket.on('data', (c: Buffer) => {
      received += c.toString('utf8');
      const end = received.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? NaN);
      if (end >= 0 && Buffer.byteLength(received.slice(end + 4)) >= length) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]), text: received.slice(end + 4) });
      }
    });
    const boundary = '----koryuearly';
    socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${declared}\r\n\r\n`);
    socket.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    socket.write(Buffer.alloc(1024, 0xff));
  });
}

describeOnEachStore('upload size limits on the staff routes', (openFresh) => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let session: HttpSession;
  let csrf: string;
  let dalian: number;
  let port: number;
  let photo: Buffer;
  let maxPhotoBytes: number;
  const maxDocumentBytes = sample.length - 1;
  const dir = mkdtempSync(join(tmpdir(), 'koryu-upload-limit-'));

  before(async () => {
    // A real photo of noise (it does not compress), and a photo limit one byte below its size.
    const noise = randomBytes(200 * 200 * 3);
    photo = await sharp(noise, { raw: { width: 200, height: 200, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    maxPhotoBytes = photo.length - 1;
    store = await openFresh();
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1 << 24 });
    dalian = (await listPartnerships(store))[0]!.id;
    app = await buildApp({ store, home: '金沢市', editing: { photos: photoFilesIn(dir), maxPhotoBytes, maxDocumentBytes } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    ({ session, csrf } = await loggedInEditor(store, app));
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Everything an upload could change: the partnership with its drafts, the deleted items, the photo files. */
  const snapshot = async () => {
    const items = await session.request({ url: `/api/staff/partnerships/${dalian}/items`, headers: { accept: 'application/json' } });
    assert.equal(items.statusCode, 200);
    const photos = existsSync(join(dir, 'photos')) ? readdirSync(join(dir, 'photos')).sort() : [];
    return { items: items.body, photos };
  };
  const api = (url: string, file: Buffer, name: string, type: string) => {
    const body = multipart({}, name, file, type);
    return session.request({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, accept: 'application/json', 'x-csrf-token': csrf } });
  };

  it('the JSON API refuses a photo one byte over KORYU_MAX_PHOTO_BYTES with 413 and the limit, and stores nothing', async () => {
    const before_ = await snapshot();
    const body = multipart({}, 'signing.jpg', photo, 'image/jpeg');
    const res = await session.request({ method: 'POST', url: '/api/staff/photos', payload: body.payload, headers: { ...body.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().code, 'UploadTooLarge');
    assert.match(res.json().message, /^The photo is larger than the limit of [\d.]+ MB \(KORYU_MAX_PHOTO_BYTES\)\. Nothing was stored\.$/);
    assert.deepEqual(await snapshot(), before_);
  });

  it('the JSON API refuses a document one byte over the document limit with 413, gives no preview token, and imports nothing', async () => {
    const before_ = await snapshot();
    const body = multipart({}, 'kanazawa-dalian.txt', sample, 'text/plain');
    const res = await session.request({ method: 'POST', url: '/api/staff/imports/preview', payload: body.payload, headers: { ...body.headers, accept: 'application/json', 'x-csrf-token': csrf } });
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.json().code, 'UploadTooLarge');
    assert.equal(res.json().token, undefined);
    assert.match(res.json().message, /^The document is larger than the limit of [\d.]+ MB \(KORYU_MAX_DOCUMENT_BYTES\)\. Nothing was stored\.$/);
    assert.deepEqual(await snapshot(), before_);
  });

  it('the same routes accept a photo and a document within their limits (the refusals are the limits at work)', async () => {
    const small = await sharp(photo).resize(100, 100).jpeg({ quality: 70 }).toBuffer();
    assert.equal((await api('/api/staff/photos', small, 'small.jpg', 'image/jpeg')).statusCode, 201);
    const shorter = Buffer.from(sample.toString('utf8').replace(/\r?\n[^\n]*\r?\n?$/, '\n'));
    assert.ok(shorter.length <= maxDocumentBytes);
    const preview = await api('/api/staff/imports/preview', shorter, 'shorter.txt', 'text/plain');
    assert.equal(preview.statusCode, 200, preview.body);
    rmSync(join(dir, 'photos'), { recursive: true, force: true });
  });

  it('the import page refuses a document over the limit with 413 in the page\'s language, and imports nothing', async () => {
    const before_ = await snapshot();
    const expected = { ja: '文書が上限の', en: 'The document is larger than the limit of', zh: '文档超过了' } as const;
    for (const [locale, words] of Object.entries(expected)) {
      const body = multipart({ _csrf: csrf }, 'kanazawa-dalian.txt', sample, 'text/plain');
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/import/preview`, payload: body.payload, headers: { ...body.headers, accept: 'text/html' } });
      assert.equal(res.statusCode, 413, `${locale}: ${res.body.slice(0, 200)}`);
      assert.ok(res.body.includes(words), `${locale}: ${res.body}`);
    }
    assert.deepEqual(await snapshot(), before_);
  });

  it('the photo-record form refuses a photo over the limit in the page\'s language, keeps the form, and stores nothing', async () => {
    const before_ = await snapshot();
    const expected = { ja: '写真が上限の', en: 'The photo is larger than the limit of', zh: '照片超过了' } as const;
    for (const [locale, words] of Object.entries(expected)) {
      const fields = { _csrf: csrf, partnershipId: String(dalian), year: '2025', caption: '調印式の記念撮影', status: 'draft' };
      const body = multipart(fields, 'signing.jpg', photo, 'image/jpeg');
      const res = await session.request({ method: 'POST', url: `/${locale}/staff/records`, payload: body.payload, headers: { ...body.headers, accept: 'text/html' } });
      assert.equal(res.statusCode, 422, `${locale}: ${res.body.slice(0, 200)}`);
      assert.ok(res.body.includes(words), `${locale}: the refusal is not in the page's language`);
      assert.ok(!res.body.includes('Nothing was stored') || locale === 'en', `${locale}: English left in the refusal`);
    }
    assert.deepEqual(await snapshot(), before_);
  });

  it('a declared length over the limit is refused with 413 as soon as the headers arrive, before the body is sent', async () => {
    const before_ = await snapshot();
    const declared = 50 * 1024 * 1024;
    for (const path of ['/api/staff/photos', '/api/staff/imports/preview', `/staff/records`, `/ja/staff/records`, '/zh/staff/import/preview']) {
      const res = await postHeadOnly(port, path, declared);
      assert.equal(res.status, 413, `${path}: ${res.text.slice(0, 200)}`);
      assert.match(res.text, /UploadTooLarge/, path);
    }
    const ja = await postHeadOnly(port, '/ja/staff/import/preview', declared);
    assert.ok(ja.text.includes('文書が上限の'), ja.text);
    assert.deepEqual(await snapshot(), before_);
  });

  it('a multipart body that cannot be read (no boundary, the wrong one, cut short) is refused with 400, not 500', async () => {
    const before_ = await snapshot();
    const part = `--aaa\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--aaa\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\n\r\nxyz`;
    const bodies = [
      { type: 'multipart/form-data', payload: part },
      { type: 'multipart/form-data; boundary=bbb', payload: `${part}\r\n--aaa--\r\n` },
      { type: 'multipart/form-data; boundary=aaa', payload: part },
    ];
    for (const url of ['/api/staff/photos', '/api/staff/imports/preview', '/ja/staff/import/preview', '/en/staff/records']) {
      for (const b of bodies) {
        const res = await session.request({ method: 'POST', url, payload: b.payload, headers: { 'content-type': b.type, accept: url.startsWith('/api') ? 'application/json' : 'text/html', 'x-csrf-token': csrf } });
        assert.equal(res.statusCode, 400, `${url} (${b.type}): ${res.body.slice(0, 200)}`);
        assert.match(res.body, /UsageError/);
      }
    }
    assert.deepEqual(await snapshot(), before_);
  });
});
