import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Partnership } from '../../src/domain/partnership.js';
import { parseDocument } from '../../src/importer/parse-document.js';
import { CHROMIUM } from './browser.js';

const root = new URL('../../', import.meta.url).pathname;
export const SAMPLE = join(root, 'samples/kanazawa-dalian.txt');

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_PARTNER = 'テスト市';

/** A koryu/1 partnership whose texts are markup that would run if it were not escaped. */
export const HOSTILE_DOCUMENT = {
  format: 'koryu/1',
  partnerships: [
    {
      partner: HOSTILE_PARTNER,
      kind: '姉妹都市',
      affiliatedOn: '2001-04-01',
      events: [
        { year: 2001, direction: 'dispatch', text: SCRIPT },
        { year: 2001, direction: 'reception', text: IMG },
        { year: 2002, direction: 'mutual', text: `大連${SCRIPT}` },
      ],
      records: [
        { year: 2001, caption: SCRIPT, event: 0 },
        { year: 2002, caption: IMG, event: null },
      ],
    },
  ],
};

/** The sample as the importer reads it: what every page and the PDF must show. */
export function parsedSample(): Partnership {
  const result = parseDocument(readFileSync(SAMPLE), { home: '金沢市', maxBytes: 10 * 1024 * 1024 });
  const p = result.partnerships[0];
  if (!p) throw new Error('the sample did not parse');
  return p;
}

export interface RunningApp {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  /** The id of the partnership with this partner city. */
  partnershipId(partner: string): number;
  /** What the server wrote, for failure messages. */
  output(): string;
  /** Ends every staff session in the store, as their expiry would: the browsers keep cookies that no longer sign in. */
  endSessions(): void;
  stop(): Promise<void>;
}

/**
 * The real program (src/main.ts, as `npm start` runs it) on an ephemeral port of 127.0.0.1, over a fresh SQLite
 * file in a temporary folder holding the sample and the hostile partnership, imported with `koryu import`, and the
 * documents of `otherHomes` (a store of several home municipalities), each imported with `--home`.
 */
export async function startApp(
  options: { users?: readonly { name: string; role: string; password: string }[]; otherHomes?: readonly { home: string; text: string }[] } = {},
): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-e2e-'));
  const db = join(dir, 'koryu.db');
  const hostile = join(dir, 'hostile.json');
  writeFileSync(hostile, JSON.stringify(HOSTILE_DOCUMENT));
  const env: NodeJS.ProcessEnv = { ...process.env, KORYU_DB: db, KORYU_HOME: '金沢市', KORYU_CHROMIUM: CHROMIUM };
  for (const name of ['DATABASE_URL', 'KORYU_MAX_DOCUMENT_BYTES', 'NODE_TEST_CONTEXT', 'PORT', 'HOST']) delete env[name];
  const koryu = (args: string[]) => [...['--import', 'tsx', 'src/main.ts'], ...args];

  const imported = spawnSync(process.execPath, koryu(['import', SAMPLE, hostile]), { cwd: root, env, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`koryu import failed (${imported.status}): ${imported.stderr}`);
  for (const [i, other] of (options.otherHomes ?? []).entries()) {
    const file = join(dir, `home-${i}.txt`);
    writeFileSync(file, other.text);
    const done = spawnSync(process.execPath, koryu(['import', '--home', other.home, file]), { cwd: root, env, encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`koryu import --home ${other.home} failed (${done.status}): ${done.stderr}`);
  }
  for (const user of options.users ?? []) {
    // The password goes through a pipe, as an administrator would give it to `koryu user add`.
    const added = spawnSync(process.execPath, koryu(['user', 'add', user.name, '--role', user.role]), { cwd: root, env, input: `${user.password}\n`, encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`koryu user add failed (${added.status}): ${added.stderr}`);
  }

  // KORYU_TEST_PORT: a port of the machine's own choosing for the server (one browser-test file at a time), else any free one.
  const port = env.KORYU_TEST_PORT ?? '0';
  const child: ChildProcess = spawn(process.execPath, koryu(['serve', '--host', '127.0.0.1', '--port', port, '--no-sample']), {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    // Generous, for a loaded machine; a server that never starts is killed so that the test file cannot hang.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 120 s:\n${log}`));
    }, 120_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      keep(chunk);
      const found = /Koryu is serving (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it served:\n${log}`));
    });
  });

  return {
    url,
    partnershipId(partner) {
      const sqlite = new Database(db, { readonly: true, fileMustExist: true });
      try {
        const row = sqlite.prepare('select id from partnerships where partner = ?').get(partner) as { id: number } | undefined;
        if (!row) throw new Error(`no partnership with ${partner}`);
        return row.id;
      } finally {
        sqlite.close();
      }
    },
    output: () => log,
    endSessions() {
      const sqlite = new Database(db, { fileMustExist: true });
      try {
        sqlite.prepare('delete from sessions').run();
      } finally {
        sqlite.close();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
