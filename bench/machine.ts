import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { sql } from 'kysely';
import type { Store } from '../src/storage/database.js';

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  node: string;
  sqlite: string;
  sqlite3Cli: string;
  postgres: string;
  nginx: string;
  loadAverage: number[];
}

function commandVersion(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n')[0]!;
  } catch (error) {
    // nginx -v writes to stderr.
    const stderr = (error as { stderr?: string }).stderr;
    return stderr ? String(stderr).trim() : 'not found';
  }
}

export async function describeMachine(sqliteStore: Store, postgresStore: Store | null): Promise<Machine> {
  const sqliteVersion = await sql<{ v: string }>`select sqlite_version() as v`.execute(sqliteStore.db);
  const postgresVersion = postgresStore ? await sql<{ v: string }>`select version() as v`.execute(postgresStore.db) : null;
  return {
    os: `${type()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: sqliteVersion.rows[0]?.v ?? 'unknown',
    sqlite3Cli: commandVersion('sqlite3', ['--version']).split(' ')[0] ?? 'unknown',
    postgres: postgresVersion?.rows[0]?.v ?? 'not reachable',
    nginx: execNginxVersion(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function execNginxVersion(): string {
  try {
    execFileSync('nginx', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return 'nginx';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? 'not found').trim();
  }
}
