// koryu yearbook through the CLI, rendered by the system Chromium: pdftotext must find every event and caption of
// the sample, the cover and the page numbers; each page is rendered to PNG under test-artifacts/yearbook/ for a
// person to see that Japanese is drawn (Noto CJK), not boxes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { runCli } from '../src/cli/index.js';
import type { CliDeps } from '../src/cli/cli-io.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createPdfRenderer } from '../src/http/pdf-renderer.js';
import { openSqliteStore } from '../src/storage/sqlite/connect.js';
import { ARTIFACTS, CHROMIUM, describeInBrowser } from './support/browser.js';
import { parsedSample } from './support/server.js';

const POPPLER = ['pdftotext', 'pdftoppm', 'pdfinfo'];
const popplerMissing = (): string | null => {
  const missing = POPPLER.filter((tool) => spawnSync(tool, ['-v']).error !== undefined);
  return missing.length > 0 ? `${missing.join(', ')} missing (apt-get install poppler-utils)` : null;
};
const squeeze = (s: string): string => s.replace(/\s+/gu, '');
const samplePath = new URL('../samples/kanazawa-dalian.txt', import.meta.url).pathname;

describeInBrowser(
  'koryu yearbook',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'koryu-yearbook-'));
    const config = loadConfig({ KORYU_DB: join(dir, 'koryu.db'), KORYU_LICENCE: 'pdl-1.0' });
    const deps: CliDeps = {
      config,
      openStore: () => openSqliteStore(config.sqlitePath),
      async startServer(store, { host, port }) {
        const pdf = createPdfRenderer({ executablePath: CHROMIUM, timeoutMs: 120_000 });
        const app = await buildApp({ store, home: config.home, pdf, licence: config.licence });
        const url = await app.listen({ host, port });
        return { url, close: async () => { await app.close(); await pdf.close(); }, abandon: () => undefined };
      },
      sample: { name: 'kanazawa-dalian.txt', read: async () => readFileSync(samplePath) },
    };
    const koryu = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, { out: (s) => void (stdout += s), err: (s) => void (stderr += s), interactive: false }, deps);
      return { code, stdout, stderr };
    };
    const sample = parsedSample();

    before(async () => {
      assert.equal((await koryu('import', samplePath)).code, 0);
      mkdirSync(join(ARTIFACTS, 'yearbook'), { recursive: true });
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('writes an A4 PDF with the cover, every event and every caption, and page numbers', { timeout: 180_000 }, async () => {
      const out = join(dir, 'dalian.pdf');
      const r = await koryu('yearbook', '--partner', '大連市', '--out', out);
      assert.equal(r.code, 0, r.stderr);
      const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
      assert.match(info, /Page size:\s+595\.\d+ x 84\d\.\d+ pts \(A4\)/);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      assert.ok(pages >= 3, `${pages} pages`);
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout;
      const flat = squeeze(text);
      assert.ok(flat.includes(squeeze('年表と写真で見る金沢市と大連市の交流の歩み')), 'the cover title');
      assert.ok(flat.includes(squeeze('公共データ利用規約')), 'the licence on the cover');
      for (const e of sample.events) assert.ok(flat.includes(squeeze(e.text)), `event: ${e.text}`);
      for (const c of sample.records) assert.ok(flat.includes(squeeze(c.caption)), `caption: ${c.caption}`);
      const pageTexts = text.split('\f').filter((t) => t.trim() !== '');
      assert.equal(pageTexts.length, pages);
      pageTexts.forEach((t, i) => assert.match(t, new RegExp(`(^|\\s)${i + 1}\\s*/\\s*${pages}(\\s|$)`), `page number on page ${i + 1}`));
      spawnSync('pdftoppm', ['-png', '-r', '60', out, join(ARTIFACTS, 'yearbook', 'dalian-ja')]);
      assert.equal(readdirSync(join(ARTIFACTS, 'yearbook')).filter((f) => f.startsWith('dalian-ja') && f.endsWith('.png')).length, pages);
    });

    it('makes the Chinese edition with the interface in Chinese and the record as written', { timeout: 180_000 }, async () => {
      const out = join(dir, 'dalian-zh.pdf');
      assert.equal((await koryu('yearbook', '--partner', '大連市', '--out', out, '--lang', 'zh')).code, 0);
      const flat = squeeze(spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout);
      assert.ok(flat.includes(squeeze('年表与照片中的金沢市与大連市交流历程')), 'Chinese cover title');
      assert.ok(flat.includes(squeeze(sample.events[0]!.text)));
      spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', out, join(ARTIFACTS, 'yearbook', 'dalian-zh')]);
    });

    it('refuses a missing --out, an unknown language and an unknown partner without writing a file', async () => {
      assert.equal((await koryu('yearbook', '--partner', '大連市')).code, 2);
      assert.equal((await koryu('yearbook', '--partner', '大連市', '--out', join(dir, 'x.pdf'), '--lang', 'fr')).code, 2);
      assert.notEqual((await koryu('yearbook', '--partner', 'パリ市', '--out', join(dir, 'x.pdf'))).code, 0);
      assert.ok(!readdirSync(dir).includes('x.pdf'));
    });
  },
  popplerMissing,
);
