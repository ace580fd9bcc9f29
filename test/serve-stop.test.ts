import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sqliteEnv, startServer, type Server } from './support/koryu-process.js';

/**
 * `koryu serve` writing to a pipe holds its access-log lines (src/http/access-log.ts); stopping it must not lose
 * them: not on one SIGTERM, and not on a second one while the first still waits for a request under way.
 */
describe('koryu serve stopping', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-stop-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const paths = ['/', '/en/', '/search?q=%E5%B8%82'];
  /** The URLs of the access-log lines in what the server wrote to standard output. */
  const loggedUrls = (stdout: string) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; url?: string })
      .filter((line) => line.msg === 'request completed')
      .map((line) => line.url);

  async function requestAll(server: Server) {
    for (const path of paths) assert.equal((await fetch(server.url + path)).status, 200, path);
  }

  it('writes every held log line when it stops on SIGTERM', async () => {
    const server = await startServer(sqliteEnv(join(dir, 'one.db')), { sample: true });
    await requestAll(server);
    const finished = await server.stop();
    assert.equal(finished.code, 0, finished.stderr);
    assert.deepEqual(loggedUrls(finished.stdout), paths);
  });

  it('stops at once on a second SIGTERM while a request is under way, and still writes the held lines', { timeout: 60_000 }, async () => {
    const server = await startServer(sqliteEnv(join(dir, 'two.db')), { sample: true });
    await requestAll(server);
    // A request whose headers never end: closing the server waits for it.
    const { port } = new URL(server.url);
    const held: Socket = connect(Number(port), '127.0.0.1');
    held.on('error', () => {});
    await new Promise((resolve) => held.once('connect', resolve));
    held.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const { child } = server.running;
    let stderr = '';
    const stopping = new Promise<void>((resolve) =>
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('Koryu is stopping')) resolve();
      }),
    );
    child.kill('SIGTERM');
    await stopping;
    child.kill('SIGTERM');
    const finished = await server.running.done;
    held.destroy();
    assert.equal(finished.code, 1, 'abandoned by the second signal');
    assert.deepEqual(loggedUrls(finished.stdout), paths);
  });
});
