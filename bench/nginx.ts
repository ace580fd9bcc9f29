// nginx from apt as the static-file baseline: our own configuration in a temp folder, a free port, in the foreground
// (daemon off) as a child process that is stopped by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(dir: string, port: number): Promise<StaticServer> {
  const root = join(dir, 'html');
  mkdirSync(join(dir, 'temp'), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'temp')};
  proxy_temp_path ${join(dir, 'temp')};
  fastcgi_temp_path ${join(dir, 'temp')};
  uwsgi_temp_path ${join(dir, 'temp')};
  scgi_temp_path ${join(dir, 'temp')};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    default_type text/html;
    charset utf-8;
    # A reader asking for gzip gets PAGE.html.gz, compressed beforehand, where there is one.
    gzip_static on;
  }
}
`,
  );
  const child: ChildProcess = spawn('nginx', ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child);
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Resolves once `url` answers; rejects if the child exits first or `seconds` pass. */
export async function waitFor(url: string, child: ChildProcess, seconds = 10): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  for (let i = 0; i < seconds * 20; i++) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`${url} did not answer in ${seconds} s: ${stderr}`);
}
