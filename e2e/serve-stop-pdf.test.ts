import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { sqliteEnv, startServer } from '../test/support/koryu-process.js';
import { describeInBrowser } from './support/browser.js';

/**
 * Once `koryu serve` has rendered a PDF, a browser runs inside it; a signal must still stop the server as it stops
 * without one (waiting for the requests under way, exit 0, every held log line written), not as the browser
 * library's own signal handlers would (closing the browser at once, or exiting 130 on SIGINT).
 */
describeInBrowser('koryu serve stopping after a PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-stop-pdf-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops on SIGINT as it does without a browser', { timeout: 180_000 }, async () => {
    const server = await startServer(sqliteEnv(join(dir, 'koryu.db')), { sample: true });
    const pdf = await fetch(`${server.url}/partnerships/1.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    await pdf.arrayBuffer();
    server.running.child.kill('SIGINT');
    const finished = await server.running.done;
    assert.equal(finished.code, 0, finished.stderr);
    assert.match(finished.stderr, /Koryu is stopping/);
    const logged = finished.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; url?: string; statusCode?: number });
    assert.ok(logged.some((line) => line.msg === 'request completed' && line.url === '/partnerships/1.pdf' && line.statusCode === 200));
  });
});
