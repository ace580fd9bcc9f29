import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { importDocuments } from '../services/import.service.js';
import { editItem, getPartnershipForStaff } from '../services/editing.service.js';
import { storePhoto } from '../services/photo.service.js';
import { listPartnerships } from '../services/record.service.js';
import type { Store } from '../storage/database.js';
import { photoFilesIn } from '../storage/photo.files.js';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import { buildApp } from './app.js';

/**
 * Path traversal through the stored photos (/photos/SIZE/NAME) and the downloads (/downloads/FORMAT,
 * /partnerships/ID/downloads/FORMAT), sent over a real socket so that the request line reaches the server exactly
 * as written (no client normalises `..`, backslashes or encodings away). The data folder holds the SQLite store, a
 * secret file beside the photos folder and one inside it; none of them, and no path or error detail, may come back.
 */

const SECRET = 'KORYU-TRAVERSAL-SECRET-7f3a';
/** What a leaked file or error would show: the secrets, the store, system files, the project's own files, stacks. */
const LEAKS = new RegExp(`${SECRET}|SQLite format 3|root:x:0|\\[fonts\\]|"name": "koryu"|loadConfig|ENOENT|EACCES|EISDIR|at \\w+ \\(|node_modules|\\.ts:\\d+|sqlite|stack`, 'i');

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Sends `GET <target> HTTP/1.1` byte for byte and reads the whole answer. */
function rawGet(port: number, target: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body: text.slice(split + 4) });
    });
    socket.write(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}

describe('path traversal through photo paths and downloads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-traversal-'));
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let port: number;
  let photo: string;
  let partnership: number;

  before(async () => {
    store = await openSqliteStore(join(dir, 'koryu.db'));
    const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));
    await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1 << 24 });
    partnership = (await listPartnerships(store))[0]!.id;
    const files = photoFilesIn(dir);
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 90, b: 160 } } }).jpeg().toBuffer();
    photo = await storePhoto(files, jpeg, 1 << 20);
    // The photo of a published record, which everyone may see.
    const record = (await getPartnershipForStaff(store, partnership)).records[0]!;
    await editItem(store, 'record', record.id, { photo }, record.version, { name: 'setup' });
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    mkdirSync(join(dir, 'photos'), { recursive: true });
    writeFileSync(join(dir, 'photos', 'secret.txt'), SECRET);
    writeFileSync(join(dir, 'photos', `${photo.slice(0, 36)}.txt`), SECRET);
    app = await buildApp({ store, home: '金沢市', editing: { photos: files, maxPhotoBytes: 1 << 20, maxDocumentBytes: 1 << 20 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });
  after(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `..` and `/` in every spelling a decoder might turn back into them; NUL; absolute paths. */
  const attacks = (prefix: string, known: string): string[] => {
    const uuid = known.slice(0, 36);
    const absolute = encodeURIComponent(join(dir, 'secret.txt'));
    return [
      `${prefix}../secret.txt`,
      `${prefix}../../secret.txt`,
      `${prefix}../../../../../../etc/passwd`,
      `${prefix}..%2fsecret.txt`,
      `${prefix}..%2f..%2fkoryu.db`,
      `${prefix}%2e%2e%2fsecret.txt`,
      `${prefix}%2E%2E%2F%2E%2E%2Fkoryu.db`,
      `${prefix}.%2e/secret.txt`,
      `${prefix}%2e%2e/%2e%2e/package.json`,
      `${prefix}%252e%252e%252fsecret.txt`,
      `${prefix}%25252e%25252e%25252fsecret.txt`,
      `${prefix}..%252f..%252fkoryu.db`,
      `${prefix}..\\secret.txt`,
      `${prefix}..\\..\\koryu.db`,
      `${prefix}..%5csecret.txt`,
      `${prefix}..%255csecret.txt`,
      `${prefix}%c0%ae%c0%ae%c0%afsecret.txt`,
      `${prefix}%e0%80%ae%e0%80%ae/secret.txt`,
      `${prefix}....//secret.txt`,
      `${prefix}${known}%00.txt`,
      `${prefix}${uuid}.txt%00.jpg`,
      `${prefix}secret.txt%00`,
      `${prefix}%00../secret.txt`,
      `${prefix}%2fetc%2fpasswd`,
      `${prefix}/etc/passwd`,
      `${prefix}${absolute}`,
      `${prefix}C:%5cWindows%5cwin.ini`,
      `${prefix}C:\\Windows\\win.ini`,
      `${prefix}file:%2f%2f%2fetc%2fpasswd`,
      `${prefix}${uuid}.txt`,
      `${prefix}secret.txt`,
    ];
  };

  async function expectRefused(target: string): Promise<void> {
    const res = await rawGet(port, target);
    assert.ok(res.status >= 400 && res.status < 500, `${target} answered ${res.status}: ${res.body.slice(0, 200)}`);
    assert.doesNotMatch(res.body, LEAKS, `${target} leaked: ${res.body.slice(0, 300)}`);
    assert.ok(!res.body.includes(dir), `${target} showed the data folder`);
    assert.ok(!res.headers.includes('image/'), `${target} was answered as a photo`);
    assert.match(res.headers, /x-content-type-options: nosniff/, `${target}: refusals carry the security headers`);
  }

  it('serves the stored photo itself, in both sizes, and the downloads (the routes under attack work)', async () => {
    for (const size of ['display', 'thumb']) {
      const res = await rawGet(port, `/photos/${size}/${photo}`);
      assert.equal(res.status, 200, `${size}: ${res.body.slice(0, 100)}`);
      assert.match(res.headers, /content-type: image\/jpeg/);
    }
    assert.equal((await rawGet(port, '/downloads/json')).status, 200);
    assert.equal((await rawGet(port, `/partnerships/${partnership}/downloads/json`)).status, 200);
  });

  it('/photos/SIZE/NAME refuses every traversal, encoded, double-encoded, backslashed, NUL and absolute name', async () => {
    for (const prefix of ['/photos/display/', '/photos/thumb/', '/photos/']) {
      for (const target of attacks(prefix, photo)) await expectRefused(target);
    }
  });

  it('/photos/SIZE/NAME refuses a traversal in the size segment, towards a real photo or a secret', async () => {
    for (const size of ['..', '%2e%2e', '..%2fphotos', '%2e%2e%2fphotos', '..\\photos', 'display%2f..', 'display%00', '%2fetc', 'display%252f..']) {
      await expectRefused(`/photos/${size}/${photo}`);
      await expectRefused(`/photos/${size}/secret.txt`);
    }
  });

  it('/downloads/FORMAT and /partnerships/ID/downloads/FORMAT refuse the same list, in the format and the id', async () => {
    for (const target of attacks('/downloads/', 'json')) await expectRefused(target);
    for (const target of attacks(`/partnerships/${partnership}/downloads/`, 'json')) await expectRefused(target);
    for (const id of ['..', '%2e%2e', `..%2f${partnership}`, `${partnership}%2f..`, `${partnership}%00`, '%2fetc%2fpasswd', `${partnership}\\..`, `%252e%252e`]) {
      await expectRefused(`/partnerships/${id}/downloads/json`);
    }
  });
});
