import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';

/** `koryu user` as the real program: the password comes through a real pipe and never shows in any output. */

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'koryu-cli-user-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { ...process.env, KORYU_DB: join(dir, 'store.db') };
for (const name of ['DATABASE_URL', 'NODE_TEST_CONTEXT']) delete env[name];

function koryu(args: string[], input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: root, env, input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('koryu user through a pipe', () => {
  it('reads the password from piped stdin, stores only its hash, and lists the account', () => {
    const secret = 'pipe-secret-桜-2026';
    const add = koryu(['user', 'add', 'suzuki', '--role', 'admin'], `${secret}\n`);
    assert.equal(add.code, 0, add.stderr);
    assert.equal(add.stdout, '');
    assert.equal(add.stderr, 'Added admin account "suzuki".\n');
    const list = koryu(['user', 'list'], '');
    assert.match(list.stdout, /^suzuki\tadmin\t\d{4}-/);
    assert.ok(!`${add.stdout}${add.stderr}${list.stdout}${list.stderr}`.includes(secret));
    const sqlite = new Database(join(dir, 'store.db'), { readonly: true });
    try {
      const { password_hash: hash } = sqlite.prepare('select password_hash from accounts').get() as { password_hash: string };
      assert.match(hash, /^scrypt\$32768\$8\$1\$/);
      assert.ok(!hash.includes(secret));
    } finally {
      sqlite.close();
    }
  });

  it('exits 2 on a piped password that is too short', () => {
    const r = koryu(['user', 'passwd', 'suzuki'], 'short\n');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'koryu user: The password is too short: use at least 12 characters.\n');
  });
});
