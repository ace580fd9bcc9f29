import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../storage/sqlite/connect.js';
import type { Store } from '../storage/database.js';
import { buildApp } from './app.js';

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

  it('writes one line per request, with the method, the URL, the status and the time taken', async () => {
    lines.length = 0;
    await app.inject('/en/?a=1');
    await app.inject('/no-such-page');
    await new Promise((resolve) => setImmediate(resolve));
    const requests = lines.filter((l) => typeof l.url === 'string');
    assert.deepEqual(
      requests.map((l) => [l.method, l.url, l.statusCode, l.msg]),
      [
        ['GET', '/en/?a=1', 200, 'request completed'],
        ['GET', '/no-such-page', 404, 'request completed'],
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
