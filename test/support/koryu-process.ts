import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real program (src/main.ts) as a child process, with an environment of its own. */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A clean environment for a SQLite store at `db`, whatever the developer's shell sets. */
export function sqliteEnv(db: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KORYU_DB: db, KORYU_HOME: '金沢市', ...extra };
  for (const name of ['DATABASE_URL', 'NODE_TEST_CONTEXT', 'PORT', 'HOST', 'KORYU_MAX_DOCUMENT_BYTES', 'KORYU_MAX_LINE_LENGTH', 'KORYU_MAX_EVENTS_PER_IMPORT']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  done: Promise<Finished>;
}

/** How the program is started: its sources through tsx (the default), or the compiled build of `npm run build`. */
export const FROM_SOURCES = ['--import', 'tsx', 'src/main.ts'];
export const FROM_BUILD = ['dist/src/main.js'];
/** The installed command, bin/koryu.js (tsx registered by the script itself), by its absolute path: runs from any folder. */
export const FROM_BIN = [fileURLToPath(new URL('../../bin/koryu.js', import.meta.url))];

/** `cwd` is the folder the program starts in: the project's own, unless a test says otherwise. */
export function startKoryu(args: string[], env: NodeJS.ProcessEnv, program: readonly string[] = FROM_SOURCES, cwd = ROOT): Running {
  const child = spawn(process.execPath, [...program, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => void (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
  const done = new Promise<Finished>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export const runKoryu = (args: string[], env: NodeJS.ProcessEnv, program: readonly string[] = FROM_SOURCES, cwd = ROOT): Promise<Finished> =>
  startKoryu(args, env, program, cwd).done;

export interface Server {
  url: string;
  running: Running;
  /** SIGTERM, or SIGKILL when `kill` says so; resolves when the process is gone. */
  stop(kill?: boolean): Promise<Finished>;
}

/** `koryu serve` on an ephemeral port of 127.0.0.1; resolves once it says where it serves. */
export async function startServer(env: NodeJS.ProcessEnv, options: { program?: readonly string[]; sample?: boolean; cwd?: string } = {}): Promise<Server> {
  const args = ['serve', '--host', '127.0.0.1', '--port', '0', ...(options.sample ? [] : ['--no-sample'])];
  const running = startKoryu(args, env, options.program, options.cwd);
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      running.child.kill('SIGKILL');
      reject(new Error(`the server did not start in 120 s:\n${log}`));
    }, 120_000);
    running.child.stderr!.on('data', (c: Buffer) => {
      log += c.toString();
      const found = /Koryu is serving (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    void running.done.then((f) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${f.code ?? f.signal}) before it served:\n${log}`));
    });
  });
  return {
    url,
    running,
    async stop(kill = false) {
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill(kill ? 'SIGKILL' : 'SIGTERM');
      return running.done;
    },
  };
}
