import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { login } from '../../services/session.service.js';
import { openSqliteStore } from '../../storage/sqlite/connect.js';
import type { CliDeps } from '../cli-io.js';
import { runCli } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'koryu-user-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'users.db');

/** Runs the CLI in-process; `stdin` (when given) is piped standard input, otherwise stdin is a terminal. */
async function koryu(argv: string[], stdin?: string) {
  let stdout = '';
  let stderr = '';
  const config = loadConfig({ KORYU_DB: db });
  const deps: CliDeps = {
    config,
    openStore: () => openSqliteStore(config.sqlitePath),
    startServer: () => Promise.reject(new Error('not in these tests')),
    sample: { name: 'x', read: async () => new Uint8Array() },
  };
  const io = {
    out: (s: string) => void (stdout += s),
    err: (s: string) => void (stderr += s),
    interactive: false,
    stdinIsTerminal: stdin === undefined,
    readStdin: async () => new TextEncoder().encode(stdin ?? ''),
  };
  const code = await runCli(argv, io, deps);
  return { code, stdout, stderr };
}

async function canSignIn(name: string, password: string): Promise<boolean> {
  const store = await openSqliteStore(db);
  try {
    return (await login(store, { name, password, address: `cli-test-${Math.random()}` })).ok;
  } finally {
    await store.close();
  }
}

describe('koryu user', () => {
  it('adds an account with the password piped on stdin, printing no password', async () => {
    const r = await koryu(['user', 'add', 'tanaka', '--role', 'editor'], 'piped password 2026\n');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'Added editor account "tanaka".\n');
    assert.equal(await canSignIn('tanaka', 'piped password 2026'), true);
  });

  it('generates a password when stdin is a terminal and prints it once, alone on stdout', async () => {
    const r = await koryu(['user', 'add', 'wang', '--role', 'translator']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^[A-Za-z2-9]{20}\n$/);
    assert.match(r.stderr, /shown only this once/);
    assert.ok(!r.stderr.includes(r.stdout.trim()));
    assert.equal(await canSignIn('wang', r.stdout.trim()), true);
  });

  it('lists accounts by name with their roles, tab-separated', async () => {
    const r = await koryu(['user', 'list']);
    assert.equal(r.code, 0);
    assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2)), [['tanaka', 'editor'], ['wang', 'translator']]);
    assert.match(r.stdout, /\t\d{4}-\d\d-\d\dT/);
    assert.equal(r.stderr, '2 accounts\n');
    assert.ok(!/scrypt|\$/.test(r.stdout), 'no hashes');
  });

  it('changes a password from stdin: the old one stops working', async () => {
    const r = await koryu(['user', 'passwd', 'tanaka'], 'another password 2027');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await canSignIn('tanaka', 'piped password 2026'), false);
    assert.equal(await canSignIn('tanaka', 'another password 2027'), true);
  });

  it('exits 2 with one line and changes nothing for a bad role, a taken or bad name, a short password, an unknown account', async () => {
    const before = readFileSync(db).length > 0 ? (await koryu(['user', 'list'])).stdout : '';
    const cases: [string[], string | undefined, RegExp][] = [
      [['user', 'add', 'sato', '--role', 'owner'], 'a long enough password', /^koryu user: The role must be one of admin, editor, translator, viewer \(not "owner"\)\.\n$/],
      [['user', 'add', 'sato'], 'a long enough password', /^koryu user: The role must be one of/],
      [['user', 'add', 'tanaka', '--role', 'viewer'], 'a long enough password', /^koryu user: An account named "tanaka" already exists\.\n$/],
      [['user', 'add', 'sa to', '--role', 'viewer'], 'a long enough password', /^koryu user: "sa to" is not a usable account name/],
      [['user', 'add', 'sato', '--role', 'viewer'], 'short', /^koryu user: The password is too short: use at least 12 characters\.\n$/],
      [['user', 'add', 'sato', '--role', 'viewer'], '\n', /^koryu user: standard input holds no password/],
      [['user', 'passwd', 'nobody'], 'a long enough password', /^koryu user: There is no account named "nobody"\.\n$/],
      [['user', 'remove', 'nobody'], undefined, /^koryu user: There is no account named "nobody"\.\n$/],
      [['user', 'remove'], undefined, /^koryu user: user remove needs exactly one account NAME\.\n$/],
      [['user', 'rename', 'x'], undefined, /^koryu user: unknown user command "rename"/],
      [['user'], undefined, /^koryu user: user needs add, list, passwd or remove\.\n$/],
    ];
    for (const [argv, stdin, message] of cases) {
      const r = await koryu(argv, stdin);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message, argv.join(' '));
      assert.ok(!r.stderr.includes('a long enough password') && !r.stderr.includes('short\n'), 'the password is never echoed');
    }
    assert.equal((await koryu(['user', 'list'])).stdout, before);
  });

  it('answers --help for user and each of its commands', async () => {
    for (const argv of [['user', '--help'], ['user', 'add', '--help'], ['user', 'passwd', '-h']]) {
      const r = await koryu(argv);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: koryu user add NAME --role admin\|editor\|translator\|viewer\n {7}koryu user list\n {7}koryu user passwd NAME\n {7}koryu user remove NAME\n/);
    }
  });

  it('removes an account', async () => {
    const r = await koryu(['user', 'remove', 'wang']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, 'Removed account "wang" and its sessions.\n');
    assert.deepEqual((await koryu(['user', 'list'])).stdout.split('\t')[0], 'tanaka');
  });
});
