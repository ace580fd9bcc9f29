// Pages under load: the real server as a child process (its peak RSS read from /proc), and autocannon against it
// and against nginx serving the same HTML as a static file.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import type { Result } from 'autocannon';
import { waitFor } from './nginx.js';

export interface LoadFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

export const CONNECTIONS = 50;

/**
 * autocannon against `url` for `seconds`, in a process of its own: in the bench's process, which holds the corpus
 * and the expected search results, its garbage collection paused the client and added to every latency measured.
 */
export async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<LoadFigures> {
  const cli = join(dirname(createRequire(import.meta.url).resolve('autocannon')), 'autocannon.js');
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const output = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [cli, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), ...headerArgs, url], { maxBuffer: 1 << 24 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
  const r = JSON.parse(output) as Result;
  // With no completed request there is no latency (autocannon reports 0): NaN, written as null, never a met target.
  const answered = r['2xx'] + r.non2xx > 0;
  return {
    requestsPerSecond: r.requests.average,
    latencyP50Ms: answered ? r.latency.p50 : Number.NaN,
    latencyP99Ms: answered ? r.latency.p99 : Number.NaN,
    requests: r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface KoryuServer {
  url: string;
  pid: number;
  /** Peak resident set (VmHWM) and current resident set (VmRSS) in MiB. */
  memory(): { peakMiB: number; rssMiB: number };
  stop(): Promise<void>;
}

/**
 * Compiles the server into `dist/` (`npm run build`): production runs the compiled JavaScript, because tsx's loader
 * keeps some 60 MiB of its own resident in a server process.
 */
export function buildKoryu(root: string): void {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

/**
 * `koryu serve` on the SQLite file `dbPath`, as production runs it: the compiled build (see buildKoryu), or the
 * sources through tsx with `runtime: 'tsx'`; request logging on.
 */
export async function startKoryu(root: string, dbPath: string, port: number, runtime: 'built' | 'tsx' = 'built'): Promise<KoryuServer> {
  // As `npm run start:built` runs it: a 4 MiB semi-space keeps some 20 MiB less resident at the same throughput.
  const program = runtime === 'built' ? ['--max-semi-space-size=4', 'dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child: ChildProcess = spawn(process.execPath, [...program, 'serve', '--port', String(port), '--no-sample'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', KORYU_DB: dbPath, HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child, 120);
  return {
    url,
    pid: child.pid!,
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
      return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
