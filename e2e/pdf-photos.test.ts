// The server's PDFs carry the photo records' photos: the print view's PDF and the yearbook are rendered by the real
// Chromium from a listening app over a record holding a photo, and pdfimages must list the photo in each.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import sharp from 'sharp';
import { buildApp } from '../src/http/app.js';
import { createPdfRenderer, type PdfRenderer } from '../src/http/pdf-renderer.js';
import { editItem, getPartnershipForStaff } from '../src/services/editing.service.js';
import { importDocuments } from '../src/services/import.service.js';
import { storePhoto } from '../src/services/photo.service.js';
import type { Store } from '../src/storage/database.js';
import { photoFilesIn } from '../src/storage/photo.files.js';
import { openSqliteStore } from '../src/storage/sqlite/connect.js';
import { CHROMIUM, describeInBrowser } from './support/browser.js';

const popplerMissing = (): string | null => (spawnSync('pdfimages', ['-v']).error !== undefined ? 'pdfimages missing (apt-get install poppler-utils)' : null);

/** The images pdfimages lists in the PDF: one line each, below its two heading lines. */
function pdfImages(file: string): { width: number; height: number }[] {
  const r = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      return { width: Number(cells[3]), height: Number(cells[4]) };
    });
}

describeInBrowser(
  'the PDFs of a partnership with a photo',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'koryu-pdf-photos-'));
    let store: Store;
    let pdf: PdfRenderer;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let url: string;
    let partnershipId: number;
    const photoRequests: string[] = [];

    before(async () => {
      store = await openSqliteStore(join(dir, 'koryu.db'));
      const sample = readFileSync(new URL('../samples/kanazawa-dalian.txt', import.meta.url));
      await importDocuments(store, [{ name: 'kanazawa-dalian.txt', bytes: sample }], { home: '金沢市', maxDocumentBytes: 1e7 });
      const photos = photoFilesIn(dir);
      // A photo of 640×480, so that its display size (at most 1280 px) is that size too.
      const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7bd5' } }).jpeg().toBuffer();
      const name = await storePhoto(photos, jpeg, 1e7);
      const stored = await store.db.selectFrom('partnerships').select('id').where('partner', '=', '大連市').executeTakeFirstOrThrow();
      partnershipId = stored.id;
      const record = (await getPartnershipForStaff(store, partnershipId)).records[0]!;
      await editItem(store, 'record', record.id, { photo: name }, record.version, { name: 'tester' });
      pdf = createPdfRenderer({ executablePath: CHROMIUM, timeoutMs: 120_000 });
      app = await buildApp({ store, home: '金沢市', pdf, editing: { photos, maxPhotoBytes: 1e7, maxDocumentBytes: 1e7 } });
      app.addHook('onRequest', async (request) => {
        if (request.url.startsWith('/photos/')) photoRequests.push(request.url);
      });
      url = await app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(async () => {
      await app?.close();
      await pdf?.close();
      await store?.close();
      rmSync(dir, { recursive: true, force: true });
    });


    const cases = ['print', 'yearbook ja', 'yearbook en'] as const;
    const pathOf = (c: (typeof cases)[number]) =>
      c === 'print' ? `/partnerships/${partnershipId}.pdf` : `/${c.slice(-2)}/partnerships/${partnershipId}/yearbook.pdf`;
    for (const c of cases) {
      it(`draws the record's photo in the ${c} PDF`, { timeout: 180_000 }, async () => {
        photoRequests.length = 0;
        const res = await fetch(`${url}${pathOf(c)}`);
        assert.equal(res.status, 200);
        const file = join(dir, `${c.replace(' ', '-')}.pdf`);
        writeFileSync(file, Buffer.from(await res.arrayBuffer()));
        assert.ok(photoRequests.length > 0, 'the renderer fetched the photo');
        const images = pdfImages(file);
        assert.ok(images.some((i) => i.width === 640 && i.height === 480), `an image of 640×480 in ${JSON.stringify(images)}`);
      });
    }
  },
  popplerMissing,
);
