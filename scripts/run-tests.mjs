#!/usr/bin/env node
// `npm test`: typecheck, lint, then every *.test.ts(x) under src/, test/ and e2e/, listed explicitly
// (Node 20's test runner finds nothing through a quoted glob, and no files would mean no tests ran).
// `--only-tests` skips typecheck and lint; further arguments narrow the files to those containing them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const onlyTests = args.includes('--only-tests');
const filters = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  let found = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found = found.concat(findTests(path));
    else if (/\.test\.tsx?$/.test(entry.name)) found.push(relative(root, path));
  }
  return found;
}

function run(label, command, commandArgs) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`\n${label} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status || 1);
  }
}

const files = ['src', 'test', 'e2e'].flatMap((d) => findTests(join(root, d))).filter((f) => filters.every((x) => f.includes(x))).sort();
if (files.length === 0) {
  process.stdout.write('No test files found.\n');
  process.exit(1);
}
const bin = (name) => join(root, 'node_modules', '.bin', name);
if (!onlyTests) {
  run('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']);
  run('lint (eslint)', bin('eslint'), ['.']);
}
run(`tests (${files.length} files)`, process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
