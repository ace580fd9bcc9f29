import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { photoFilesIn } from '../storage/photo.files.js';
import { checkPhoto, PhotoRejectedError, readPhoto, storePhoto } from './photo.service.js';

const LIMIT = 2 * 1024 * 1024;
const picture = (w = 1600, h = 1200) => sharp({ create: { width: w, height: h, channels: 3, background: { r: 180, g: 40, b: 40 } } });
/** A JPEG as a phone writes it: camera make and the place it was taken (Kanazawa) in EXIF. */
const gpsJpeg = () =>
  picture()
    .jpeg()
    .withExif({
      IFD0: { Make: 'KoryuTestCamera', Model: 'Model 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 33/1 41/1', GPSLongitudeRef: 'E', GPSLongitude: '136/1 39/1 22/1' },
    })
    .toBuffer();

const rejectedFor = (problem: string) => (e: unknown) => {
  assert.ok(e instanceof PhotoRejectedError, String(e));
  assert.equal(e.code, 'PhotoRejected');
  assert.equal(e.problem, problem);
  assert.match(e.message, /Nothing was stored/);
  return true;
};

describe('photo uploads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-photos-'));
  const files = photoFilesIn(dir);
  after(() => rmSync(dir, { recursive: true, force: true }));
  const stored = () => {
    try {
      return readdirSync(join(dir, 'photos'));
    } catch {
      return [];
    }
  };

  it('stores a JPEG with GPS EXIF without any EXIF: camera and place are gone from every size', async () => {
    const original = await gpsJpeg();
    const meta = await sharp(original).metadata();
    // Tag 0x8825 (GPSInfo) points to the GPS IFD; either byte order.
    const gpsPointer = (exif: Buffer) => exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
    assert.ok(meta.exif && gpsPointer(meta.exif), 'the test image carries GPS EXIF');
    assert.ok(original.includes('KoryuTestCamera'));
    const name = await storePhoto(files, original, LIMIT);
    assert.match(name, /^[0-9a-f-]{36}\.jpg$/);
    for (const size of ['display', 'thumb'] as const) {
      const photo = await readPhoto(files, name, size);
      assert.ok(photo);
      assert.equal(photo.contentType, 'image/jpeg');
      const m = await sharp(photo.bytes).metadata();
      assert.equal(m.exif, undefined, `${size} has no EXIF`);
      assert.ok(!photo.bytes.includes('KoryuTestCamera'));
      assert.ok(Math.max(m.width, m.height) <= (size === 'display' ? 1280 : 320));
    }
  });

  it('keeps PNG and WebP in their formats with their content types', async () => {
    const png = await storePhoto(files, await picture(400, 300).png().toBuffer(), LIMIT);
    const webp = await storePhoto(files, await picture(400, 300).webp().toBuffer(), LIMIT);
    assert.equal((await readPhoto(files, png, 'display'))!.contentType, 'image/png');
    assert.equal((await readPhoto(files, webp, 'thumb'))!.contentType, 'image/webp');
    assert.equal((await sharp((await readPhoto(files, webp, 'display'))!.bytes).metadata()).format, 'webp');
  });

  it('refuses a text file named .jpg, an empty file, a file over the limit, a broken JPEG and polyglots, storing nothing', async () => {
    const before = stored().length;
    await assert.rejects(checkPhoto(Buffer.from('これは写真ではありません。\n'), LIMIT), rejectedFor('notAnImage'));
    await assert.rejects(storePhoto(files, Buffer.alloc(0), LIMIT), rejectedFor('empty'));
    await assert.rejects(storePhoto(files, await picture().jpeg().toBuffer(), 1000), rejectedFor('tooLarge'));
    const jpeg = await picture(200, 100).jpeg().toBuffer();
    await assert.rejects(storePhoto(files, jpeg.subarray(0, 300), LIMIT), rejectedFor('unreadable'));
    const withHtml = Buffer.concat([jpeg, Buffer.from('<html><script>alert(1)</script></html>')]);
    await assert.rejects(storePhoto(files, withHtml, LIMIT), rejectedFor('polyglot'));
    const withZip = Buffer.concat([await picture(200, 100).png().toBuffer(), Buffer.from('PK\x03\x04payload')]);
    await assert.rejects(storePhoto(files, withZip, LIMIT), rejectedFor('polyglot'));
    assert.equal(stored().length, before);
  });

  it('never reads a path outside its folder', async () => {
    assert.equal(await readPhoto(files, '../../etc/passwd', 'display'), undefined);
    assert.equal(await files.read('../x-display.jpg'), undefined);
  });
});
