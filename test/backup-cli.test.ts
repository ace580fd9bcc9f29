import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, runKoryu, sqliteEnv, startServer } from './support/koryu-process.js';

/**
 * `koryu backup` and `koryu restore` through the real CLI while `koryu serve` runs on the same SQLite file: the
 * backup is taken under a running server, and after a restore the server serves exactly the record of the backup.
 */

const dir = mkdtempSync(join(tmpdir(), 'koryu-backup-cli-'));
const env = sqliteEnv(join(dir, 'data', 'koryu.db'));
const photos = join(dir, 'data', 'photos');
after(() => rmSync(dir, { recursive: true, force: true }));

const later = JSON.stringify({
  format: 'koryu/1',
  partnerships: [{ partner: '全州市', kind: '姉妹都市', events: [{ year: 2022, direction: 'mutual', text: '交流再開' }], records: [] }],
});

describe('koryu backup and restore while koryu serve runs', () => {
  it('backs up under a running server, and restore brings back the same export and photos', async () => {
    const imported = await runKoryu(['import', join(ROOT, 'samples/kanazawa-dalian.txt')], env);
    assert.equal(imported.code, 0, imported.stderr);
    mkdirSync(photos, { recursive: true });
    writeFileSync(join(photos, 'signing.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 7]));
    const server = await startServer(env);
    try {
      const before = await (await fetch(`${server.url}/export.json`)).text();
      const backup = join(dir, 'backup');
      const made = await runKoryu(['backup', backup], env);
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stdout, /sqlite store backed up \(.*events 60.*; 1 photo files\)/);
      assert.ok(existsSync(join(backup, 'koryu.db')) && existsSync(join(backup, 'photos', 'signing.jpg')));

      const again = await runKoryu(['backup', backup], env);
      assert.equal(again.code, 2, 'an existing folder is refused');
      assert.match(again.stderr, /already exists/);

      writeFileSync(join(dir, 'later.json'), later);
      assert.equal((await runKoryu(['import', join(dir, 'later.json')], env)).code, 0);
      rmSync(join(photos, 'signing.jpg'));
      assert.notEqual(await (await fetch(`${server.url}/export.json`)).text(), before);

      const restored = await runKoryu(['restore', backup], env);
      assert.equal(restored.code, 0, restored.stderr);
      assert.equal(await (await fetch(`${server.url}/export.json`)).text(), before, 'export before = export after, served by the running server');
      assert.deepEqual(readFileSync(join(photos, 'signing.jpg')), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 7]));

      const notBackup = await runKoryu(['restore', join(dir, 'later.json')], env);
      assert.equal(notBackup.code, 2);
      assert.match(notBackup.stderr, /^koryu restore: .*later\.json: a backup is a folder/);
    } finally {
      await server.stop();
    }
  });
});
