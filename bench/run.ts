// npm run bench [-- --quick] [--partnerships N --years Y]: import, search, pages and memory at country scale against
// the fastest thing that does the same work, in the same run. Prints a table and writes bench/results.json.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { get as httpGet } from 'node:http';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { normalizeForSearch } from '../src/domain/search-text.js';
import { generateCorpus } from '../src/exports/corpus.generator.js';
import { seededRandom } from '../src/exports/corpus.random.js';
import { importDocuments, previewDocument, type SourceDocument } from '../src/services/import.service.js';
import type { Store } from '../src/storage/database.js';
import { openPostgresStore } from '../src/storage/postgres/connect.js';
import { searchItems, searchKeys } from '../src/storage/search.repository.js';
import { openSqliteStore } from '../src/storage/sqlite/connect.js';
import { postgresFloor, sqliteFloor, writeEventsCsv } from './floor.js';
import { buildKoryu, freePort, load, startKoryu, CONNECTIONS, type LoadFigures } from './load.js';
import { measureAddresses, publicAddresses, type AddressFigures } from './addresses.js';
import { describeMachine } from './machine.js';
import { startNginx } from './nginx.js';
import { formatTable, meets, recall, round, sampleQueries, summarize } from './stats.js';
import { compareOrder, likeScan } from './scan.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** Only the parse and import figures (with their floors), printed; bench/results.json is left alone. */
const importOnly = args.includes('--import-only');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const size = { partnerships: option('partnerships', quick ? 60 : 1800), years: option('years', 40) };
const QUERIES = option('queries', 1000);
const SCAN_QUERIES = option('scan-queries', quick ? 200 : 100);
/** Two-character queries scanned at least (past the first SCAN_QUERIES when needed): the speed-up is their medians' ratio. */
const TWO_CHAR_SCANS = option('two-char-scans', 60);
/** Queries with at most this many hits are compared in full (every key); larger ones by total and ranked first page. */
const FULL_RECALL_LIMIT = quick ? Number.POSITIVE_INFINITY : option('full-recall-limit', 20_000);
const LOAD_SECONDS = option('seconds', 10);
/**
 * Times the import and each floor run, alternating: the figures are the fastest of each (every run is kept in
 * results.json). The first import's stores are the ones searched and served; later runs import into new ones.
 */
const IMPORT_RUNS = Math.max(1, option('import-runs', quick ? 1 : 2));
const SEED = 'koryu-bench';
const root = fileURLToPath(new URL('..', import.meta.url));
const pgUrl = process.env.KORYU_BENCH_DATABASE_URL ?? process.env.KORYU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const work = mkdtempSync(join(tmpdir(), 'koryu-bench-'));
/** The PostgreSQL schema of this run (store and floor table), dropped at the end. */
const schema = `koryu_bench_${randomBytes(4).toString('hex')}`;
const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const seconds = (since: number) => (performance.now() - since) / 1000;

type Db = 'sqlite' | 'postgres';

/**
 * `--pages-only FILE [--query Q]`: only the pages and memory parts, on an existing SQLite store (imported once with
 * `koryu generate` and `koryu import`, or kept from an earlier run). Prints the figures; results.json is left alone.
 */
async function pagesOnly(dbPath: string) {
  const query = args.includes('--query') ? args[args.indexOf('--query') + 1]! : '大学';
  log(`pages only, on ${dbPath}, search query ${query}`);
  const pages = await measurePages(dbPath, [query]);
  const loadAverage = (await import('node:os')).loadavg().map((l) => round(l, 3));
  process.stdout.write(`${JSON.stringify({ ranAt: new Date().toISOString(), loadAverageAtEnd: loadAverage, pages: pages.figures, memory: pages.memory, addresses: pages.addresses }, null, 2)}\n`);
}

async function main() {
  if (args.includes('--pages-only')) return pagesOnly(args[args.indexOf('--pages-only') + 1]!);
  log(`${quick ? 'quick' : 'full'} run: ${size.partnerships} partnerships × ${size.years} years, work in ${work}`);
  let t = performance.now();
  const docs: SourceDocument[] = [];
  for (const d of generateCorpus({ ...size, seed: SEED })) docs.push({ name: d.path, bytes: Buffer.from(d.text), home: d.home });
  log(`generated ${docs.length} documents in ${seconds(t).toFixed(1)} s`);

  t = performance.now();
  let parsedEvents = 0;
  for (const doc of docs) parsedEvents += previewDocument(doc, { home: '', maxDocumentBytes: 1 << 26 }).partnerships.reduce((n, p) => n + p.events.length, 0);
  const parseSeconds = seconds(t);
  log(`parsed ${parsedEvents} events in ${parseSeconds.toFixed(1)} s (parsing alone)`);

  const stores: Partial<Record<Db, Store>> = { sqlite: await openSqliteStore(join(work, 'koryu.db')) };
  try {
    stores.postgres = await openPostgresStore(pgUrl, { schema });
  } catch (error) {
    log(`PostgreSQL not reachable, its figures are left out: ${String(error)}`);
  }
  const machine = await describeMachine(stores.sqlite!, stores.postgres ?? null);

  // 1. import, and the floor, IMPORT_RUNS times each in turn
  type ImportRun = { seconds: number; events: number; records: number };
  const importRuns: Partial<Record<Db, ImportRun[]>> = {};
  const floorRuns: Partial<Record<Db, number[]>> = {};
  const csv = join(work, 'events.csv');
  let rows: Awaited<ReturnType<typeof readEventRows>> = [];
  for (let run = 0; run < IMPORT_RUNS; run++) {
    for (const db of ['sqlite', 'postgres'] as const) {
      if (!stores[db]) continue;
      // A later run imports into a store of its own, removed once timed.
      const store = run === 0 ? stores[db] : db === 'sqlite' ? await openSqliteStore(join(work, `koryu-${run}.db`)) : await openPostgresStore(pgUrl, { schema: `${schema}_${run}` });
      await settleWrites(stores.postgres);
      t = performance.now();
      // A first load into a new store, as `koryu import --exclusive` makes it.
      const report = await importDocuments(store, docs, { home: '', maxDocumentBytes: 1 << 26, exclusive: true });
      const s = seconds(t);
      const events = report.changes.reduce((n, c) => n + c.added.events, 0);
      const records = report.changes.reduce((n, c) => n + c.added.records, 0);
      (importRuns[db] ??= []).push({ seconds: s, events, records });
      log(`import ${db} (run ${run + 1} of ${IMPORT_RUNS}): ${events} events, ${records} records in ${s.toFixed(1)} s`);
      if (run > 0) await dropStore(store, db, run);
    }
    if (run === 0) {
      rows = await readEventRows(stores.sqlite!);
      await writeEventsCsv(
        csv,
        rows.map((r) => ({ partnershipId: r.partnership_id, position: r.position, year: r.year, date: r.date, direction: r.direction, text: r.text, searchText: r.search_text ?? '', line: r.line })),
      );
    }
    await settleWrites(stores.postgres);
    (floorRuns.sqlite ??= []).push(sqliteFloor(join(work, `floor-${run}.db`), csv));
    await settleWrites(stores.postgres);
    if (stores.postgres) (floorRuns.postgres ??= []).push(postgresFloor(pgUrl, schema, csv, `events_floor_${run}`));
    log(`floor (run ${run + 1} of ${IMPORT_RUNS}): sqlite3 .import ${floorRuns.sqlite!.at(-1)!.toFixed(2)} s, psql \\copy ${floorRuns.postgres?.at(-1)?.toFixed(2) ?? '—'} s`);
  }
  const imports: Partial<Record<Db, ImportRun & { eventsPerSecond: number; runs: number[] }>> = {};
  const floors: Partial<Record<Db, number>> = {};
  for (const db of ['sqlite', 'postgres'] as const) {
    const runs = importRuns[db];
    if (!runs) continue;
    const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    imports[db] = { ...best, eventsPerSecond: best.events / best.seconds, runs: runs.map((r) => round(r.seconds)) };
    floors[db] = Math.min(...floorRuns[db]!);
  }
  const events = imports.sqlite!.events;
  if (importOnly) {
    const figures = Object.fromEntries(
      Object.entries(imports).map(([db, i]) => [db, { ...i, eventsPerSecond: round(i.eventsPerSecond), floorSeconds: round(floors[db as Db]!), floorRuns: floorRuns[db as Db]!.map((f) => round(f)), ratioToFloor: round(i.seconds / floors[db as Db]!) }]),
    );
    const loadAverage = (await import('node:os')).loadavg().map((l) => round(l, 2));
    process.stdout.write(`${JSON.stringify({ corpus: size, parse: { seconds: round(parseSeconds), eventsPerSecond: round(parsedEvents / parseSeconds) }, import: figures, loadAverage }, null, 2)}\n`);
    for (const store of Object.values(stores)) await store?.close();
    return;
  }

  // 2. search
  const { queries, expected } = await sampleWithExpected(stores.sqlite!, rows);
  rows.length = 0;
  log(`sampled ${queries.length} queries; expected hits, in order, from an in-memory substring scan`);

  const search: Partial<Record<Db, ReturnType<typeof searchFigures>>> = {};
  for (const db of ['sqlite', 'postgres'] as const) {
    const store = stores[db];
    if (!store) continue;
    search[db] = await measureSearch(db, store, queries, expected);
  }

  // 3 and 4. pages and memory: the real server on the SQLite store, nginx with the same HTML.
  for (const store of Object.values(stores)) await store?.close();
  const pages = await measurePages(join(work, 'koryu.db'), queries);

  const corpus = { partnerships: docs.length, years: size.years, events, records: imports.sqlite!.records, seed: SEED };
  const results = {
    mode: quick ? 'quick' : 'full',
    ranAt: new Date().toISOString(),
    machine: { ...machine, loadAverageAtEnd: (await import('node:os')).loadavg().map((l) => round(l, 3)) },
    corpus,
    parse: { seconds: round(parseSeconds), eventsPerSecond: round(parsedEvents / parseSeconds) },
    import: Object.fromEntries(
      (['sqlite', 'postgres'] as const).filter((db) => imports[db]).map((db) => {
        const i = imports[db]!;
        const floor = floors[db]!;
        return [
          db,
          {
            seconds: round(i.seconds),
            runs: i.runs,
            eventsPerSecond: round(i.eventsPerSecond),
            floorSeconds: round(floor),
            floorRuns: floorRuns[db]!.map((f) => round(f)),
            floorEventsPerSecond: round(events / floor),
            ratioToFloor: round(i.seconds / floor),
          },
        ];
      }),
    ),
    search,
    pages: pages.figures,
    memory: pages.memory,
    addresses: pages.addresses,
  };
  const targets = checkTargets(results);
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  process.stdout.write(`\n${printTable(results, targets)}\n\nbench/results.json written.\n`);
}

/** The stored event rows the floor loads, in id order: the columns of its table that Koryu fills. */
function readEventRows(store: Store) {
  return store.db.selectFrom('events').select(['partnership_id', 'position', 'year', 'date', 'direction', 'text', 'search_text', 'line']).orderBy('id').execute();
}

/**
 * Lets the writes of the runs before finish before the next run is timed: PostgreSQL's checkpoint (a million
 * events leave a gigabyte of changed pages for its checkpointer to write) and the kernel's dirty pages (`sync`).
 * Without it, each run paid for some of the one before: the second SQLite import, which follows a PostgreSQL import
 * and both floors, took 0.9–1.3 s more than the first in each of four runs.
 */
async function settleWrites(postgres: Store | undefined) {
  if (postgres && !checkpointRefused) {
    try {
      await sql`checkpoint`.execute(postgres.db);
    } catch (error) {
      // CHECKPOINT needs a superuser or the pg_checkpoint role.
      checkpointRefused = true;
      log(`PostgreSQL refused a checkpoint; runs are timed without one: ${String(error)}`);
    }
  }
  spawnSync('sync');
}
let checkpointRefused = false;

/** Removes the store of a later import run: its SQLite file, or its PostgreSQL schema. */
async function dropStore(store: Store, db: Db, run: number) {
  await store.close();
  if (db === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(work, `koryu-${run}.db${suffix}`), { force: true });
    return;
  }
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}_${run}" cascade`);
  } finally {
    await client.end();
  }
}

/** What a query must find: its total, and every key in order (at most FULL_RECALL_LIMIT of them) or the first page's. */
interface Expected {
  total: number;
  keys: string[];
}

/**
 * QUERIES queries sampled from the stored texts, with what each must find by an in-memory substring scan. Only
 * what is compared is kept: holding every key of every one-character query (tens of millions of strings) made the
 * bench's own garbage collection show up in the latencies it measured.
 */
async function sampleWithExpected(store: Store, rows: readonly { partnership_id: number; position: number; year: number; text: string; search_text: string | null }[]) {
  const names = new Map((await store.db.selectFrom('partnerships').select(['id', 'home', 'partner']).execute()).map((p) => [p.id, p]));
  const eventIds = (await store.db.selectFrom('events').select('id').orderBy('id').execute()).map((r) => r.id);
  const recordRows = await store.db.selectFrom('photo_records').select(['id', 'partnership_id', 'year', 'position', 'search_text', 'caption']).execute();
  // Each item with the order the search promises: year, partner, home, position, kind, id.
  const items = [
    ...rows.map((r, i) => ({ key: `event:${eventIds[i]}`, text: r.search_text ?? normalizeForSearch(r.text), order: [r.year, names.get(r.partnership_id)!.partner, names.get(r.partnership_id)!.home, r.position, 'event', eventIds[i]!] })),
    ...recordRows.map((r) => ({ key: `record:${r.id}`, text: r.search_text ?? normalizeForSearch(r.caption), order: [r.year, names.get(r.partnership_id)!.partner, names.get(r.partnership_id)!.home, r.position, 'record', r.id] })),
  ];
  items.sort((a, b) => compareOrder(a.order, b.order));
  const rng = seededRandom(`${SEED}-queries`);
  const queries = sampleQueries(items.map((i) => i.text), QUERIES, rng.next);
  const expected: Expected[] = queries.map((q) => {
    const keys = items.filter((i) => i.text.includes(q)).map((i) => i.key);
    return { total: keys.length, keys: keys.length <= FULL_RECALL_LIMIT ? keys : keys.slice(0, 20) };
  });
  return { queries, expected };
}

function searchFigures(latencies: number[], byLength: Map<number, number[]>, recalls: number[], scan: { latencies: number[]; twoChar: { search: number[]; scan: number[] } }) {
  const s = summarize(latencies);
  const two = byLength.get(2) ?? [];
  const speedup = summarize(scan.twoChar.scan).p50 / summarize(scan.twoChar.search).p50;
  return {
    queries: latencies.length,
    p50Ms: round(s.p50),
    p95Ms: round(s.p95),
    p99Ms: round(s.p99),
    maxMs: round(s.max),
    byLength: Object.fromEntries([...byLength].sort((a, b) => a[0] - b[0]).map(([n, l]) => [n, { queries: l.length, p50Ms: round(summarize(l).p50), p95Ms: round(summarize(l).p95) }])),
    recall: round(Math.min(...recalls), 6),
    meanRecall: round(recalls.reduce((a, b) => a + b, 0) / recalls.length, 6),
    scan: { queries: scan.latencies.length, p50Ms: round(summarize(scan.latencies).p50), p95Ms: round(summarize(scan.latencies).p95), p99Ms: round(summarize(scan.latencies).p99) },
    twoCharQueries: two.length,
    twoCharScanned: scan.twoChar.scan.length,
    speedupTwoChar: round(speedup),
  };
}

async function measureSearch(db: Db, store: Store, queries: string[], expected: Expected[]) {
  for (const q of queries.slice(0, 20)) await searchItems(store.db, q, { limit: 20, offset: 0 });
  const latencies: number[] = [];
  const byLength = new Map<number, number[]>();
  const recalls: number[] = [];
  const scanLatencies: number[] = [];
  const twoChar = { search: [] as number[], scan: [] as number[] };
  let largeQueries = 0;
  // The timed pass, with nothing in between: the checks below (every key of a query, a scan of every text) left
  // their garbage and the database's caches to the next timed query when they ran between them.
  const pages = [];
  for (const q of queries) {
    const t = performance.now();
    pages.push(await searchItems(store.db, q, { limit: 20, offset: 0 }));
    const ms = performance.now() - t;
    latencies.push(ms);
    const n = Array.from(q).length;
    byLength.set(n, [...(byLength.get(n) ?? []), ms]);
  }
  log(`search ${db}: ${queries.length} queries timed; checking recall and scanning`);
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i]!;
    const page = pages[i]!;
    const ms = latencies[i]!;
    const n = Array.from(q).length;
    const want = expected[i]!;
    if (want.total <= FULL_RECALL_LIMIT) {
      const keys = await searchKeys(store.db, q);
      recalls.push(recall(keys, want.keys));
      // Hits the scan does not find count against it too: 1 only when the search finds exactly what the scan finds.
      for (const found of [keys.length, page.total]) if (found !== want.total) recalls.push(Math.min(found, want.total) / Math.max(found, want.total));
    } else {
      // Every hit is checked against the text, so a total equal to the scan's and the same first page mean recall 1.
      const firstPage = page.hits.map((h) => `${h.kind}:${h.id}`);
      const samePage = firstPage.join() === want.keys.slice(0, 20).join();
      recalls.push(page.total === want.total && samePage ? 1 : samePage ? Math.min(page.total, want.total) / Math.max(page.total, want.total) : 0);
      largeQueries += 1;
    }
    if (i < SCAN_QUERIES || (n === 2 && twoChar.scan.length < TWO_CHAR_SCANS)) {
      const s = performance.now();
      const found = await likeScan(store, q);
      const scanMs = performance.now() - s;
      if (i < SCAN_QUERIES) scanLatencies.push(scanMs);
      if (found !== want.total) throw new Error(`the LIKE scan found ${found} for «${q}», the substring scan ${want.total}`);
      if (n === 2) {
        twoChar.search.push(ms);
        twoChar.scan.push(scanMs);
      }
    }
    if ((i + 1) % 100 === 0) log(`search ${db}: ${i + 1}/${queries.length}`);
  }
  const figures = { ...searchFigures(latencies, byLength, recalls, { latencies: scanLatencies, twoChar }), recallByTotalAndFirstPage: largeQueries };
  log(`search ${db}: p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms, recall ${figures.recall}, 2-char speed-up ${figures.speedupTwoChar}×`);
  return figures;
}


/** The page's HTML; retried for a minute while the server is still working off an earlier load. */
async function fetchPage(url: string): Promise<string> {
  let last: unknown;
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return await response.text();
      last = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw last;
}

interface PageFigures {
  path: string;
  bytes: number;
  koryu: LoadFigures;
  nginx: LoadFigures;
  ratioToNginx: number;
  /** The same page asked for with `Accept-Encoding: gzip`, as browsers ask: the bytes each server sent, and the loads. */
  gzip: { bytes: { koryu: number; nginx: number }; koryu: LoadFigures; nginx: LoadFigures; ratioToNginx: number } | { error: string };
}

/** The bytes of `url`'s answer to a request accepting gzip; throws unless it came gzipped. */
async function gzippedBytes(url: string): Promise<number> {
  const body = await new Promise<Buffer>((resolve, reject) => {
    httpGet(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      if (res.headers['content-encoding'] !== 'gzip') reject(new Error(`${url} did not answer with gzip (${String(res.headers['content-encoding'])})`));
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    }).on('error', reject);
  });
  return body.length;
}

/** The server runs as production runs it, compiled (`npm run build`); `--tsx` measures the sources through tsx instead. */
const RUNTIME = args.includes('--tsx') ? 'tsx' : 'built';

async function measurePages(dbPath: string, queries: string[]) {
  if (RUNTIME === 'built') {
    const t = performance.now();
    buildKoryu(root);
    log(`built the server into dist/ in ${seconds(t).toFixed(1)} s`);
  }
  const server = await startKoryu(root, dbPath, await freePort(), RUNTIME);
  const nginxDir = join(work, 'nginx');
  mkdirSync(join(nginxDir, 'html'), { recursive: true });
  for (const d of [work, nginxDir, join(nginxDir, 'html')]) chmodSync(d, 0o755);
  try {
    const check = await openSqliteStore(dbPath);
    const sizes = await check.db.selectFrom('events').select(['partnership_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('partnership_id').orderBy('n').execute();
    // The addresses' partnership is one of the site's home municipality (金沢市, the server's default), of median size.
    const homeSizes = await check.db
      .selectFrom('events as e')
      .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
      .select(['e.partnership_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('e.id').as('eventId')])
      .where('p.home', '=', '金沢市')
      .groupBy('e.partnership_id')
      .orderBy('n')
      .execute();
    await check.close();
    const median = homeSizes[Math.floor(homeSizes.length / 2)] ?? { partnership_id: sizes[0]!.partnership_id, eventId: 1 };
    const home = { partnershipId: median.partnership_id, eventId: Number(median.eventId) };
    const partnershipId = sizes[Math.floor(sizes.length / 2)]!.partnership_id;
    const query = queries.find((q) => Array.from(q).length === 2 && /\p{Script=Han}{2}/u.test(q)) ?? queries[0]!;
    const paths = { partnership: `/partnerships/${partnershipId}`, search: `/search?q=${encodeURIComponent(query)}` };
    const figures: Record<string, PageFigures | { path: string; error: string }> = {};
    const nginx = await startNginx(nginxDir, await freePort());
    try {
      for (const [page, path] of Object.entries(paths)) {
        let html: string;
        try {
          html = await fetchPage(server.url + path);
        } catch (error) {
          figures[page] = { path, error: String(error) };
          log(`pages ${page}: ${String(error)}`);
          continue;
        }
        const file = join(nginxDir, 'html', `${page}.html`);
        writeFileSync(file, html);
        writeFileSync(`${file}.gz`, gzipSync(html));
        for (const f of [file, `${file}.gz`]) chmodSync(f, 0o644);
        log(`pages: ${page} ${path} (${Buffer.byteLength(html)} bytes) under ${CONNECTIONS} connections for ${LOAD_SECONDS} s`);
        const koryu = await load(server.url + path, LOAD_SECONDS);
        const staticFile = await load(`${nginx.url}/${page}.html`, LOAD_SECONDS);
        log(`pages ${page}: koryu ${koryu.requestsPerSecond.toFixed(0)} req/s p99 ${koryu.latencyP99Ms} ms; nginx ${staticFile.requestsPerSecond.toFixed(0)} req/s p99 ${staticFile.latencyP99Ms} ms`);
        // As browsers ask for it: compressed. Each server sends its own gzip of the same page.
        let gzip: PageFigures['gzip'];
        try {
          const accept = { 'accept-encoding': 'gzip' };
          const bytes = { koryu: await gzippedBytes(server.url + path), nginx: await gzippedBytes(`${nginx.url}/${page}.html`) };
          const koryuGzip = await load(server.url + path, LOAD_SECONDS, accept);
          const nginxGzip = await load(`${nginx.url}/${page}.html`, LOAD_SECONDS, accept);
          log(`pages ${page}, gzip: koryu ${koryuGzip.requestsPerSecond.toFixed(0)} req/s p99 ${koryuGzip.latencyP99Ms} ms; nginx ${nginxGzip.requestsPerSecond.toFixed(0)} req/s p99 ${nginxGzip.latencyP99Ms} ms`);
          gzip = { bytes, koryu: koryuGzip, nginx: nginxGzip, ratioToNginx: round(koryuGzip.requestsPerSecond / nginxGzip.requestsPerSecond) };
        } catch (error) {
          log(`pages ${page}, gzip: ${String(error)}`);
          gzip = { error: String(error) };
        }
        figures[page] = { path, bytes: Buffer.byteLength(html), koryu, nginx: staticFile, ratioToNginx: round(koryu.requestsPerSecond / staticFile.requestsPerSecond), gzip };
      }
    } finally {
      await nginx.stop();
    }
    let memory = { peakMiB: Number.NaN, rssMiB: Number.NaN };
    try {
      memory = server.memory();
    } catch (error) {
      log(`memory: the server is gone (${String(error)})`);
    }
    // 5. Every public address once and again, after the load (the downloads would raise the peak RSS measured above).
    let addresses: { list: AddressFigures[]; peakRssAfterMiB: number } | { error: string };
    try {
      const list = await measureAddresses(server.url, publicAddresses(home.partnershipId, home.eventId, query), log);
      addresses = { list, peakRssAfterMiB: round(server.memory().peakMiB) };
    } catch (error) {
      log(`addresses: ${String(error)}`);
      addresses = { error: String(error) };
    }
    return { figures, memory: { peakRssMiB: round(memory.peakMiB), rssAfterLoadMiB: round(memory.rssMiB), runtime: RUNTIME }, addresses };
  } finally {
    await server.stop();
  }
}

interface Target {
  figure: string;
  value: number;
  target: string;
  met: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function checkTargets(r: any): Target[] {
  const out: Target[] = [];
  const add = (figure: string, value: number | undefined, target: { min?: number; max?: number }) => {
    if (value === undefined) return;
    out.push({ figure, value, target: target.min !== undefined ? `≥ ${target.min}` : `≤ ${target.max}`, met: meets(value, target) });
  };
  add('import sqlite events/s', r.import.sqlite?.eventsPerSecond, { min: 100_000 });
  for (const db of ['sqlite', 'postgres']) add(`import ${db} ratio to floor`, r.import[db]?.ratioToFloor, { max: 3 });
  for (const db of ['sqlite', 'postgres']) {
    add(`search ${db} p95 ms`, r.search[db]?.p95Ms, { max: 10 });
    add(`search ${db} recall`, r.search[db]?.recall, { min: 1 });
    add(`search ${db} 2-char speed-up over scan`, r.search[db]?.speedupTwoChar, { min: 50 });
  }
  for (const page of Object.keys(r.pages)) {
    add(`pages ${page} ratio to nginx`, r.pages[page].ratioToNginx ?? Number.NaN, { min: 0.5 });
    add(`pages ${page} p99 ms`, r.pages[page].koryu?.latencyP99Ms ?? Number.NaN, { max: 20 });
  }
  add('server peak RSS MiB', r.memory.peakRssMiB, { max: 200 });
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function printTable(r: any, targets: Target[]): string {
  const dbs = ['sqlite', 'postgres'] as const;
  const cell = (v: number | undefined) => (v === undefined ? Number.NaN : v);
  const rows: (string | number)[][] = [
    ['import s (fastest run)', ...dbs.map((d) => cell(r.import[d]?.seconds))],
    ['bulk-load floor s (fastest run)', ...dbs.map((d) => cell(r.import[d]?.floorSeconds))],
    ['import events/s', ...dbs.map((d) => cell(r.import[d]?.eventsPerSecond))],
    ['bulk-load floor events/s', ...dbs.map((d) => cell(r.import[d]?.floorEventsPerSecond))],
    ['import ÷ floor (time)', ...dbs.map((d) => cell(r.import[d]?.ratioToFloor))],
    ['search p50 ms', ...dbs.map((d) => cell(r.search[d]?.p50Ms))],
    ['search p95 ms', ...dbs.map((d) => cell(r.search[d]?.p95Ms))],
    ['search p99 ms', ...dbs.map((d) => cell(r.search[d]?.p99Ms))],
    ['search recall (min)', ...dbs.map((d) => cell(r.search[d]?.recall))],
    ['LIKE scan p50 ms', ...dbs.map((d) => cell(r.search[d]?.scan.p50Ms))],
    ['2-char speed-up ×', ...dbs.map((d) => cell(r.search[d]?.speedupTwoChar))],
  ];
  const pages: (string | number)[][] = Object.entries(r.pages).flatMap(([page, f]) => {
    const p = f as PageFigures & { error?: string };
    if (p.error) return [[`${page}: ${p.error}`, Number.NaN, Number.NaN]];
    return [
      [`${page} req/s`, p.koryu.requestsPerSecond, p.nginx.requestsPerSecond],
      [`${page} p99 ms`, p.koryu.latencyP99Ms, p.nginx.latencyP99Ms],
      [`${page} koryu ÷ nginx`, p.ratioToNginx, Number.NaN],
      ...('error' in p.gzip
        ? [[`${page} gzip: ${p.gzip.error}`, Number.NaN, Number.NaN]]
        : [
            [`${page} gzip bytes`, p.gzip.bytes.koryu, p.gzip.bytes.nginx],
            [`${page} gzip req/s`, p.gzip.koryu.requestsPerSecond, p.gzip.nginx.requestsPerSecond],
            [`${page} gzip p99 ms`, p.gzip.koryu.latencyP99Ms, p.gzip.nginx.latencyP99Ms],
            [`${page} gzip koryu ÷ nginx`, p.gzip.ratioToNginx, Number.NaN],
          ]),
    ];
  });
  return [
    `Koryu bench (${r.mode}): ${r.corpus.partnerships} partnerships, ${r.corpus.events.toLocaleString('en-US')} events, ${r.corpus.records.toLocaleString('en-US')} records`,
    `${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.node}, load average ${r.machine.loadAverage.join(' ')}`,
    '',
    formatTable(['figure', 'sqlite', 'postgres'], rows),
    '',
    formatTable(['page (50 connections)', 'koryu', 'nginx'], pages),
    `server peak RSS ${r.memory.peakRssMiB} MiB`,
    '',
    ...('error' in r.addresses
      ? [`addresses: ${r.addresses.error}`]
      : [
          formatTable(
            ['address (one request, then again)', 'status', 'bytes', 'first ms', 'again ms'],
            r.addresses.list.map((a: AddressFigures) => [a.path.length > 48 ? `${a.path.slice(0, 47)}…` : a.path, a.status, a.bytes, a.firstMs, a.againMs]),
          ),
          `server peak RSS after the addresses ${r.addresses.peakRssAfterMiB} MiB`,
        ]),
    '',
    formatTable(['target', 'value', 'wanted', 'met'], targets.map((t) => [t.figure, t.value, t.target, t.met ? 'yes' : 'NO'])),
  ].join('\n');
}

try {
  await main();
} finally {
  const client = new pg.Client({ connectionString: pgUrl });
  try {
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
  } catch {
    // PostgreSQL was not reachable: there is nothing to drop.
  } finally {
    await client.end().catch(() => {});
  }
  rmSync(work, { recursive: true, force: true });
}
