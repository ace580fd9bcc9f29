import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FROM_BIN, ROOT, runKoryu, sqliteEnv, startServer } from './support/koryu-process.js';

/**
 * The installed command (bin/koryu.js) started from a folder other than the project's: the views are compiled with
 * the project's tsconfig.json (Preact), not with whatever the current folder holds. The folder here holds another
 * project's tsconfig.json compiling JSX for React, as a user's own folder might.
 */
describe('koryu started from another folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-elsewhere-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cwd = join(dir, 'elsewhere');
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'tsconfig.json'), JSON.stringify({ compilerOptions: { jsx: 'react-jsx', module: 'NodeNext' } }));
  const env = sqliteEnv(join(dir, 'koryu.db'));

  it('imports, publishes every page, and serves the pages', { timeout: 240_000 }, async () => {
    const imported = await runKoryu(['import', join(ROOT, 'samples/kanazawa-dalian.txt')], env, FROM_BIN, cwd);
    assert.equal(imported.code, 0, imported.stderr);

    const published = await runKoryu(['publish', '--out', 'site'], env, FROM_BIN, cwd);
    assert.equal(published.code, 0, published.stderr);
    for (const page of ['index.html', 'en/index.html', 'zh/index.html', 'organizations/index.html']) {
      assert.ok(existsSync(join(cwd, 'site', page)), `site/${page} is written (${published.stderr.trim()})`);
    }
    assert.match(readFileSync(join(cwd, 'site', 'index.html'), 'utf8'), /友好交流都市大連市との歩み|大連市/);

    const server = await startServer(env, { program: FROM_BIN, cwd });
    try {
      for (const path of ['/', '/en/partnerships/1', '/zh/organizations']) {
        const res = await fetch(server.url + path);
        assert.equal(res.status, 200, `${path}: ${await res.text()}`);
      }
    } finally {
      await server.stop();
    }
  });
});
