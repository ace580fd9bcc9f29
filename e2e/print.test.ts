// The print view and its PDF through the real program: the PDF is downloaded as a reader would, its text is
// compared with the parsed sample, and its first page is rendered to test-artifacts/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { ARTIFACTS, browser, describeInBrowser, screenshot } from './support/browser.js';
import { HOSTILE_DOCUMENT, HOSTILE_PARTNER, parsedSample, startApp, type RunningApp } from './support/server.js';

const POPPLER = ['pdftotext', 'pdftoppm', 'pdfinfo'];
const popplerMissing = (): string | null => {
  const missing = POPPLER.filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
  return missing.length > 0 ? `${missing.join(', ')} missing (apt-get install poppler-utils)` : null;
};

/** pdftotext wraps lines and puts breaks between cells: compare with every kind of whitespace removed. */
const squeeze = (s: string): string => s.replace(/\s+/gu, '');

function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function pdfInfo(file: string): { pages: number; size: string } {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]), size: /^Page size:\s+(.*)$/m.exec(r.stdout)?.[1] ?? '' };
}

describeInBrowser(
  'the print view and the PDF',
  () => {
    let app: RunningApp;
    let context: BrowserContext;
    let dalian: number;
    const sample = parsedSample();

    before(async () => {
      app = await startApp();
      dalian = app.partnershipId('大連市');
      context = await (await browser()).newContext({ locale: 'ja-JP', acceptDownloads: true });
      context.setDefaultTimeout(60_000);
      mkdirSync(ARTIFACTS, { recursive: true });
    });
    after(async () => {
      await context?.close();
      await app?.stop();
    });

    it('prints the title block and both parts, one event per line, on A4 without the site frame', async () => {
      const page = await context.newPage();
      try {
        await page.emulateMedia({ media: 'print' });
        const response = await page.goto(`${app.url}/partnerships/${dalian}/print`);
        assert.equal(response?.status(), 200);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '友好交流都市大連市との歩み');
        assert.ok(await page.getByText('友好交流都市提携：2006年（平成18年）11月24日').isVisible());
        assert.ok(await page.getByRole('heading', { name: '交流年表', level: 2 }).isVisible());
        assert.ok(await page.getByRole('heading', { name: '交流の記録', level: 2 }).isVisible());
        assert.equal(await page.getByRole('banner').filter({ has: page.getByRole('search') }).count(), 0, 'no site header');
        assert.equal(await page.getByRole('search').count(), 0, 'no search form');
        assert.equal(await page.getByRole('link', { name: 'PDFをダウンロード（A4）' }).isVisible(), false, 'the on-screen tools are not printed');
        const table = page.getByRole('table');
        const items = table.getByRole('listitem');
        assert.equal(await items.count(), sample.events.length, 'every event on its own line');
        assert.deepEqual(
          (await items.allTextContents()).map(squeeze).sort(),
          sample.events.map((e) => squeeze(e.text)).sort(),
        );
        const noExchange = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2021年/ }) });
        assert.match(squeeze((await noExchange.textContent()) ?? ''), /—.*—/);
        await screenshot(page, 'ja-print-media-print');
      } finally {
        await page.close();
      }
    });

    for (const locale of ['ja', 'en', 'zh'] as const) {
      it(`downloads the PDF in ${locale} from the print view: application/pdf, A4, 2+ pages, every event text and caption of the sample`, async () => {
        const prefix = locale === 'ja' ? '' : `/${locale}`;
        const page = await context.newPage();
        try {
          await page.goto(`${app.url}${prefix}/partnerships/${dalian}/print`);
          const link = page.getByRole('link', { name: { ja: 'PDFをダウンロード（A4）', en: 'Download PDF (A4)', zh: '下载PDF（A4）' }[locale] });
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
          const file = `${ARTIFACTS}partnership-${locale}.pdf`;
          await download.saveAs(file);
          assert.match(download.suggestedFilename(), /\.pdf$/);

          const response = await page.request.get(new URL(await link.getAttribute('href') ?? '', app.url).href);
          assert.equal(response.status(), 200);
          assert.equal(response.headers()['content-type'], 'application/pdf');
          assert.equal((await response.body()).subarray(0, 5).toString(), '%PDF-');

          const bytes = readFileSync(file);
          assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
          const text = squeeze(pdfText(file));
          const missing = [...sample.events.map((e) => e.text), ...sample.records.map((r) => r.caption)].filter((t) => !text.includes(squeeze(t)));
          assert.deepEqual(missing, [], 'texts of the sample missing from the PDF');
          assert.ok(text.includes(squeeze('友好交流都市提携：2006年（平成18年）11月24日')));
          const info = pdfInfo(file);
          assert.ok(info.pages >= 2, 'part 2 starts on a new page');
          assert.match(info.size, /\(A4\)/);

          const png = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, `${ARTIFACTS}partnership-${locale}-page1`]);
          assert.equal(png.status, 0, String(png.stderr));
          assert.ok(readFileSync(`${ARTIFACTS}partnership-${locale}-page1.png`).length > 1000);
        } finally {
          await page.close();
        }
      });
    }

    it('prints the hostile partnership as text in the PDF', async () => {
      const id = app.partnershipId(HOSTILE_PARTNER);
      const response = await context.request.get(`${app.url}/partnerships/${id}.pdf`);
      assert.equal(response.status(), 200);
      const file = `${ARTIFACTS}partnership-hostile.pdf`;
      writeFileSync(file, await response.body());
      const text = squeeze(pdfText(file));
      const p = HOSTILE_DOCUMENT.partnerships[0]!;
      for (const t of [...p.events.map((e) => e.text), ...p.records.map((r) => r.caption)]) assert.ok(text.includes(squeeze(t)), t);
    });

    it('answers 404 for the PDF of a partnership that does not exist', async () => {
      const response = await context.request.get(`${app.url}/partnerships/999999.pdf`);
      assert.equal(response.status(), 404);
    });
  },
  popplerMissing,
);
