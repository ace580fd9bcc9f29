import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { runKoryu, sqliteEnv, startKoryu, startServer, type Server } from './support/koryu-process.js';

/**
 * Crash safety of the SQLite store: `koryu import` is killed with SIGKILL at random moments of its run, again and
 * again, while `koryu serve` reads the same file and is itself killed and restarted now and then. After every kill
 * the file passes PRAGMA integrity_check and foreign_key_check, each import is applied wholly or not at all (every
 * partnership of the run holds exactly that run's document, or all of them still hold what they held before), and
 * every import that exited 0 is there.
 */

/** At least 50 in `npm test`; KORYU_CRASH_KILLS may raise it (or lower it while working on this test). */
const CLI_KILLS = Number(process.env.KORYU_CRASH_KILLS ?? 50);
const SERVER_KILL_EVERY = 8;
const PARTNERS = ['都市甲', '都市乙', '都市丙', '都市丁', '都市戊'];
const EVENTS_PER_DOCUMENT = 40;

const dir = mkdtempSync(join(tmpdir(), 'koryu-crash-'));
const db = join(dir, 'koryu.db');
const env = sqliteEnv(db);
after(() => rmSync(dir, { recursive: true, force: true }));

/** A small deterministic random source, so that a failing run can be told apart from the next. */
let state = Number(process.env.KORYU_CRASH_SEED ?? Date.now() % 2 ** 31);
const seed = state;
function random(): number {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
}

/** The texts of `partner`'s events as run `run` writes them. */
const textsOf = (run: number, partner: string): string[] =>
  Array.from({ length: EVENTS_PER_DOCUMENT - (run % 7) }, (_, i) => `第${run}回 ${partner} 交流 ${i}`);

function writeDocument(run: number, partner: string): string {
  const path = join(dir, `run-${run}-${partner}.json`);
  const events = textsOf(run, partner).map((text, i) => ({ year: 2000 + (i % 20), direction: ['dispatch', 'reception', 'mutual'][i % 3], text }));
  writeFileSync(path, JSON.stringify({ format: 'koryu/1', partnerships: [{ partner, kind: '姉妹都市', events, records: [] }] }));
  return path;
}

/** What the file holds: each partner's event texts in order, after checking the file itself. */
function readStore(): Map<string, string[]> {
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok', 'PRAGMA integrity_check');
    assert.deepEqual(sqlite.pragma('foreign_key_check'), [], 'PRAGMA foreign_key_check');
    const rows = sqlite
      .prepare('select p.partner, e.text from partnerships p join events e on e.partnership_id = p.id order by p.partner, e.position')
      .all() as { partner: string; text: string }[];
    const held = new Map<string, string[]>();
    for (const r of rows) held.set(r.partner, [...(held.get(r.partner) ?? []), r.text]);
    return held;
  } finally {
    sqlite.close();
  }
}

/** Which run a partner's events come from, checking that they are that run's document exactly. */
function runOf(partner: string, texts: string[] | undefined): number | undefined {
  if (texts === undefined) return undefined;
  const run = Number(/^第(\d+)回/.exec(texts[0] ?? '')?.[1]);
  assert.deepEqual(texts, textsOf(run, partner), `${partner} holds run ${run} only in part`);
  return run;
}

describe('SIGKILL during imports (SQLite)', { timeout: 30 * 60_000 }, () => {
  it(`survives ${CLI_KILLS} kills of koryu import and kills of koryu serve: intact file, no half import, every acknowledged import present`, async () => {
    // What each partner holds according to the runs that finished or were found applied.
    const model = new Map<string, number | undefined>(PARTNERS.map((p) => [p, undefined]));
    let server: Server = await startServer(env);
    let serverKills = 0;
    let reads = 0;
    let reading = true;
    const serverErrors: string[] = [];
    const reader = (async () => {
      while (reading) {
        const res = await fetch(`${server.url}/export.json`).catch(() => undefined);
        if (res) {
          if (res.status >= 500) serverErrors.push(`the server answered ${res.status} during imports`);
          await res.arrayBuffer();
          reads++;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    // An uncut run first: how long one takes here decides when the kills land.
    const t0 = performance.now();
    const first = await runKoryu(['import', ...PARTNERS.map((p) => writeDocument(0, p))], env);
    assert.equal(first.code, 0, first.stderr);
    let full = performance.now() - t0;
    for (const p of PARTNERS) model.set(p, 0);

    let kills = 0;
    let acknowledged = 1;
    for (let run = 1; kills < CLI_KILLS && run < CLI_KILLS * 4; run++) {
      const partners = PARTNERS.filter(() => random() < 0.6);
      if (partners.length === 0) partners.push(PARTNERS[run % PARTNERS.length]!);
      const runStart = performance.now();
      const started = startKoryu(['import', ...partners.map((p) => writeDocument(run, p))], env);
      // Most of a run is starting up; the kills are spread over its whole length and a little past it.
      const delay = full * (0.3 + 0.8 * random());
      const timer = setTimeout(() => started.child.kill('SIGKILL'), delay);
      const result = await started.done;
      clearTimeout(timer);

      const held = readStore();
      const runs = new Map(PARTNERS.map((p) => [p, runOf(p, held.get(p))]));
      if (result.signal === 'SIGKILL') {
        kills++;
        const applied = partners.filter((p) => runs.get(p) === run);
        assert.ok(applied.length === 0 || applied.length === partners.length, `run ${run} half applied: ${applied.join(', ')} of ${partners.join(', ')}`);
        for (const p of partners) assert.ok(runs.get(p) === run || runs.get(p) === model.get(p), `${p} holds run ${runs.get(p)}, neither ${run} nor ${model.get(p)}`);
        if (applied.length > 0) for (const p of partners) model.set(p, run);
      } else {
        assert.equal(result.code, 0, `run ${run}: ${result.stderr}`);
        acknowledged++;
        // The machine's pace changes (other tests run beside this one): follow it.
        full = (full + (performance.now() - runStart)) / 2;
        for (const p of partners) model.set(p, run);
      }
      for (const p of PARTNERS) assert.equal(runs.get(p), model.get(p), `${p}: every acknowledged import is present, nothing else changed`);

      if (run % SERVER_KILL_EVERY === 0) {
        await server.stop(true);
        serverKills++;
        server = await startServer(env);
      }
    }
    reading = false;
    await reader;
    await server.stop();
    assert.ok(kills >= CLI_KILLS, `only ${kills} runs were killed`);
    assert.ok(serverKills > 0 && reads > 0);
    assert.deepEqual(serverErrors, []);
    process.stdout.write(`# crash safety (seed ${seed}): ${kills} imports killed, ${acknowledged} acknowledged, ${serverKills} servers killed, ${reads} reads\n`);
  });
});
