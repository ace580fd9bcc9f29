import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

/**
 * The real CLI, run as a child process on bad input: every bad document is refused with exit 2 and one
 * line on stderr that names the file and the problem, and the store is left exactly as it was.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const samplePath = join(root, 'samples', 'kanazawa-dalian.txt');
const dir = mkdtempSync(join(tmpdir(), 'koryu-bad-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh SQLite store, whatever the developer's shell sets. */
const env: NodeJS.ProcessEnv = { ...process.env, KORYU_DB: join(dir, 'store.db') };
for (const name of ['DATABASE_URL', 'KORYU_MAX_DOCUMENT_BYTES', 'KORYU_HOME', 'NODE_TEST_CONTEXT']) delete env[name];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** `koryu ARGS…`; a hang is killed after 2 minutes (generous: a loaded machine starts tsx slowly) and then fails on its exit code, never blocks the run. */
function koryu(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: root,
    env,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

function exitCode(r: Run): string {
  return r.signal ? `killed by ${r.signal} (did it hang?)` : `exit ${r.code}; stderr: ${r.stderr}`;
}

function exportJson(): Buffer {
  const r = koryu('export', '--format', 'json');
  assert.equal(r.code, 0, exitCode(r));
  return r.stdout;
}

// ---- the bad documents ----

const sampleLines = readFileSync(samplePath, 'utf8').split('\n');
const pageHeader = [sampleLines[2], '', sampleLines[4], '', sampleLines[6]].join('\n');
assert.match(pageHeader, /^友好交流都市大連市との歩み[\s\S]*提携[\s\S]*\n年\t\t交流内容$/, 'the sample’s page header has moved');

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Printable ASCII (and tab, newline), random, in one repeated block so 50 MB is written at once. */
function randomPrintable(size: number): Buffer {
  const block = randomBytes(1024 * 1024);
  for (let i = 0; i < block.length; i++) {
    const b = block[i]!;
    block[i] = b % 97 === 0 ? 0x0a : b % 89 === 0 ? 0x09 : 0x20 + (b % 95);
  }
  const out = Buffer.allocUnsafe(size);
  for (let at = 0; at < size; at += block.length) block.copy(out, at, 0, Math.min(block.length, size - at));
  return out;
}

interface BadInput {
  what: string;
  path: () => string;
  /** The words the one line must hold (each alternative list: at least one of them). */
  says: RegExp[];
}

const BAD_INPUTS: BadInput[] = [
  { what: 'an empty file', path: () => file('empty.txt', ''), says: [/empty/i] },
  {
    what: 'a binary file (PNG header, random bytes with NULs)',
    path: () =>
      file('picture.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), randomBytes(2048), Buffer.alloc(16)])),
    says: [/binary/i],
  },
  {
    what: 'invalid UTF-8 that is not Shift_JIS either',
    // 0xC3 0x28 is a broken UTF-8 pair; 0xFF and 0xFD never occur in Shift_JIS.
    path: () =>
      file('mojibake.txt', Buffer.concat([Buffer.from('2006年\t派遣\t'), Buffer.from([0xc3, 0x28, 0xff, 0xfd, 0x80]), Buffer.from('訪問\n')])),
    says: [/UTF-8/, /Shift_JIS/],
  },
  {
    what: 'a file of page headers only',
    path: () => file('headers-only.txt', `${pageHeader}\n\n${pageHeader}\n`),
    says: [/nothing to import|no exchange/i],
  },
  { what: '50 MB of random printable text', path: () => file('huge.txt', randomPrintable(50 * 1024 * 1024)), says: [/limit/i, /bytes/i] },
  {
    what: 'a directory',
    path: () => {
      const path = join(dir, 'a-directory.txt');
      mkdirSync(path, { recursive: true });
      return path;
    },
    says: [/directory/i],
  },
  { what: 'a path that does not exist', path: () => join(dir, 'missing', 'no-such.txt'), says: [/no such file/i] },
];

describe('koryu import on bad input (the real CLI, in a child process)', () => {
  let recorded: Buffer;

  before(() => {
    const first = koryu('import', samplePath);
    assert.equal(first.code, 0, exitCode(first));
    recorded = exportJson();
    assert.ok(JSON.parse(recorded.toString('utf8')).partnerships.length > 0, 'the sample must be in the store');
  });

  for (const bad of BAD_INPUTS) {
    it(`refuses ${bad.what}: exit 2, one line naming the file and the problem, store unchanged`, () => {
      const path = bad.path();
      const r = koryu('import', path);
      assert.equal(r.code, 2, exitCode(r));

      const lines = r.stderr.split('\n').filter((l) => l !== '');
      assert.equal(lines.length, 1, `stderr must be exactly one line, got:\n${r.stderr}`);
      assert.ok(r.stderr.endsWith('\n') && r.stderr.trim() !== '', `stderr must be one non-empty line: ${JSON.stringify(r.stderr)}`);
      const [line] = lines as [string];
      assert.ok(line.includes(basename(path)), `the message must name the file: ${line}`);
      for (const word of bad.says) assert.match(line, word, `the message must say what is wrong: ${line}`);

      const stdout = r.stdout.toString('utf8');
      assert.doesNotMatch(stdout, /created|updated|unchanged|events,/, `stdout must not report an import: ${stdout}`);

      assert.ok(exportJson().equals(recorded), 'the store must be unchanged');
    });
  }
});

describe('koryu usage errors and --help (the real CLI, in a child process)', () => {
  it('parse on an empty file exits 2', () => {
    const r = koryu('parse', file('parse-empty.txt', ''));
    assert.equal(r.code, 2, exitCode(r));
    assert.match(r.stderr, /empty/i);
  });

  it('an unknown command exits 2', () => {
    const r = koryu('frobnicate');
    assert.equal(r.code, 2, exitCode(r));
    assert.match(r.stderr, /unknown command "frobnicate"/);
  });

  it('import without FILE exits 2', () => {
    const r = koryu('import');
    assert.equal(r.code, 2, exitCode(r));
    assert.match(r.stderr, /FILE/);
  });

  it('export --format nope exits 2', () => {
    const r = koryu('export', '--format', 'nope');
    assert.equal(r.code, 2, exitCode(r));
    assert.match(r.stderr, /nope/);
  });

  for (const command of ['parse', 'import', 'export', 'serve']) {
    it(`${command} --help exits 0 and prints its usage`, () => {
      const r = koryu(command, '--help');
      assert.equal(r.code, 0, exitCode(r));
      assert.match(r.stdout.toString('utf8'), new RegExp(`^Usage: koryu ${command}\\b`));
    });
  }
});
