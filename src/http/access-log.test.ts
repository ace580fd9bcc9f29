import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import type { Store } from '../storage/database.js';
import { buildApp } from './app.js';
import { logDestination } from './access-log.js';

describe('the access log', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const lines: Record<string, unknown>[] = [];
  before(async () => {
    store = await openSqliteStore(':memory:');
    const stream = new PassThrough();
    let pending = '';
    stream.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    app = await buildApp({ store, home: '金沢市', logger: { stream } });
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('writes one line per request, with the method, the URL (without a CSRF token), the status and the time taken', async () => {
    lines.length = 0;
    await app.inject('/en/?a=1');
    await app.inject('/no-such-page');
    await app.inject('/no-such-upload?x=1&_csrf=secret-token-value&y=2');
    await new Promise((resolve) => setImmediate(resolve));
    const requests = lines.filter((l) => typeof l.url === 'string');
    assert.deepEqual(
      requests.map((l) => [l.method, l.url, l.statusCode, l.msg]),
      [
        ['GET', '/en/?a=1', 200, 'request completed'],
        ['GET', '/no-such-page', 404, 'request completed'],
        ['GET', '/no-such-upload?x=1&_csrf=…&y=2', 404, 'request completed'],
      ],
    );
    for (const line of requests) {
      assert.equal(typeof line.responseTime, 'number');
      assert.ok((line.responseTime as number) >= 0);
      assert.equal(line.remoteAddress, '127.0.0.1');
    }
    assert.equal(lines.filter((l) => l.msg === 'incoming request').length, 0, 'no line as the request arrives');
  });
});

describe('the access log of a request whose client leaves', () => {
  it('writes a line when the client goes away before the answer', { timeout: 30_000 }, async () => {
    const store = await openSqliteStore(':memory:');
    const stream = new PassThrough();
    const messages: { msg: string; url?: string }[] = [];
    const seen = new EventEmitter();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').trim().split('\n')) messages.push(JSON.parse(line) as { msg: string; url?: string });
      seen.emit('line');
    });
    const app = await buildApp({ store, home: '金沢市', logger: { stream } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const arrived = new EventEmitter();
    app.get('/held', async () => {
      arrived.emit('request');
      await gate;
      return 'late';
    });
    try {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const client = request(`${url}/held`);
      client.on('error', () => {});
      client.end();
      await once(arrived, 'request');
      client.destroy();
      while (!messages.some((m) => m.msg === 'request aborted')) await once(seen, 'line');
      assert.deepEqual(
        messages.filter((m) => m.url === '/held').map((m) => m.msg),
        ['request aborted'],
      );
    } finally {
      release();
      await app.close();
      await store.close();
    }
  });
});

describe('the log destination', () => {
  /** Waits until the destination has its file open, then writes a short line; returns the file's text after a turn of the event loop. */
  async function writeOne(terminal: boolean) {
    const folder = await mkdtemp(join(tmpdir(), 'koryu-log-'));
    const file = join(folder, 'server.log');
    const log = logDestination({ terminal, file });
    await once(log as unknown as EventEmitter, 'ready');
    log.write('{"msg":"request completed"}\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { log, file, folder, before: await readFile(file, 'utf8') };
  }

  it('writes each line as it comes to a terminal', async () => {
    const { log, folder, before } = await writeOne(true);
    assert.equal(before, '{"msg":"request completed"}\n');
    log.flushSync();
    log.end();
    await rm(folder, { recursive: true });
  });

  it('holds lines for a file or a pipe, and writes them when flushed (as on exit)', async () => {
    const { log, file, folder, before } = await writeOne(false);
    assert.equal(before, '', 'a short line is held');
    log.flushSync();
    assert.equal(await readFile(file, 'utf8'), '{"msg":"request completed"}\n');
    log.end();
    await rm(folder, { recursive: true });
  });

  it('writes held lines once they pass the buffer', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'koryu-log-'));
    const file = join(folder, 'server.log');
    const log = logDestination({ terminal: false, file });
    await once(log as unknown as EventEmitter, 'ready');
    const line = `${JSON.stringify({ msg: 'x'.repeat(100) })}\n`;
    for (let i = 0; i < 200; i++) log.write(line);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const written = await readFile(file, 'utf8');
    assert.ok(written.length >= 8 * 1024, `written without a flush: ${written.length} bytes`);
    log.flushSync();
    assert.equal((await readFile(file, 'utf8')).length, 200 * line.length);
    log.end();
    await rm(folder, { recursive: true });
  });
});
