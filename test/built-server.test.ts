import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FROM_BUILD, ROOT, sqliteEnv, startServer } from './support/koryu-process.js';

// Production runs the compiled build (`npm run build`, then `npm run start:built`): it must find its style sheet and
// the bundled sample from dist/, one folder deeper than the sources.
test('the compiled build serves the sample, its pages and its assets', { timeout: 300_000 }, async () => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'koryu-built-'));
  const server = await startServer(sqliteEnv(join(dir, 'koryu.db')), { program: FROM_BUILD, sample: true });
  try {
    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /大連/);
    const css = /href="(\/assets\/koryu\.css\?v=[0-9a-f]+)"/.exec(html)?.[1];
    assert.ok(css, 'the page links its style sheet');
    const sheet = await fetch(`${server.url}${css}`);
    assert.equal(sheet.status, 200);
    assert.equal(await sheet.text(), readFileSync(join(ROOT, 'public', 'koryu.css'), 'utf8'));
    const timeline = await fetch(`${server.url}/partnerships/1`);
    assert.equal(timeline.status, 200);
    assert.match(await timeline.text(), /2006/);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
