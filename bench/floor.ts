// The bulk-load floor: the same event rows as CSV, loaded by sqlite3's .import and by psql's \copy into a table
// like Koryu's events table (same columns, same secondary index), each timed as one child process.
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { csvRow } from './stats.js';

export interface EventRow {
  partnershipId: number;
  position: number;
  year: number;
  date: string | null;
  direction: string;
  text: string;
  searchText: string;
  line: number | null;
}

const COLUMNS = `id integer primary key, partnership_id integer not null, position integer not null, year integer not null, date text,
  direction text not null, text text not null, search_text text, line integer, created_at text not null, updated_at text not null`;

export async function writeEventsCsv(path: string, rows: Iterable<EventRow>): Promise<number> {
  const out = createWriteStream(path);
  const now = new Date().toISOString();
  let id = 0;
  let buffer = '';
  for (const r of rows) {
    buffer += csvRow([++id, r.partnershipId, r.position, r.year, r.date, r.direction, r.text, r.searchText, r.line, now, now]);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return id;
}

function timed(command: string, args: string[], input?: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 24 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  return seconds;
}

/**
 * Seconds sqlite3 takes to create the table and .import the CSV into a new file with the pragmas Koryu's exclusive
 * load writes with (a rollback journal, synchronous FULL; see the SQLite bulk writer's writeOnce).
 */
export function sqliteFloor(dbPath: string, csvPath: string): number {
  const script = [
    'pragma journal_mode = delete;',
    'pragma synchronous = full;',
    `create table events_floor (${COLUMNS});`,
    'create index events_floor_partnership_year_idx on events_floor (partnership_id, year);',
    '.mode csv',
    `.import '${csvPath.replace(/'/g, "''")}' events_floor`,
  ].join('\n');
  return timed('sqlite3', [dbPath], script);
}

/** Seconds psql takes to create the table `name` in `schema` and \copy the CSV into it. */
export function postgresFloor(url: string, schema: string, csvPath: string, name = 'events_floor'): number {
  const table = `"${schema}"."${name}"`;
  return timed('psql', [
    url,
    '-v',
    'ON_ERROR_STOP=1',
    '-q',
    '-c',
    `create table ${table} (${COLUMNS}); create index on ${table} (partnership_id, year);`,
    '-c',
    `\\copy ${table} from '${csvPath.replace(/'/g, "''")}' with (format csv)`,
  ]);
}
