import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { projectRoot } from './project-root.js';

test('projectRoot finds the folder of the koryu package.json from the sources and from the compiled build', () => {
  const root = mkdtempSync(join(tmpdir(), 'koryu-root-'));
  try {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'koryu' }));
    // A package.json of another package on the way up is passed over.
    mkdirSync(join(root, 'dist', 'src', 'http'), { recursive: true });
    writeFileSync(join(root, 'dist', 'package.json'), JSON.stringify({ name: 'something-else' }));
    mkdirSync(join(root, 'src', 'http'), { recursive: true });
    assert.equal(projectRoot(pathToFileURL(join(root, 'src', 'http', 'assets.ts'))), root);
    assert.equal(projectRoot(pathToFileURL(join(root, 'dist', 'src', 'http', 'assets.js')).href), root);
    assert.equal(projectRoot(join(root, 'src', 'main.ts')), root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('projectRoot says where it looked when there is no koryu package.json above', () => {
  const lonely = mkdtempSync(join(tmpdir(), 'koryu-noroot-'));
  try {
    assert.throws(() => projectRoot(join(lonely, 'main.js')), /No Koryu package\.json above .*koryu-noroot-/);
  } finally {
    rmSync(lonely, { recursive: true, force: true });
  }
});

test('projectRoot of this module is the repository that holds it', () => {
  const root = projectRoot(import.meta.url);
  assert.equal((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }).name, 'koryu');
  assert.ok(existsSync(join(root, 'src', 'project-root.ts')));
});
