// npm run bench:search [-- --store FILE --schema NAME --partnerships N --years Y --queries Q]: the search figures
// alone (issue 6) on a store built once and kept: the first run generates the corpus and imports it into the SQLite
// file and the PostgreSQL schema; later runs reuse them (migrations bring them up to date when they open).
import { existsSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generateCorpus } from '../src/exports/corpus.generator.js';
import { seededRandom } from '../src/exports/corpus.random.js';
import { importDocuments, type SourceDocument } from '../src/services/import.service.js';
import type { Store } from '../src/storage/database.js';
import { openPostgresStore } from '../src/storage/postgres/connect.js';
import { searchItems, searchKeys } from '../src/storage/search.repository.js';
import { openSqliteStore } from '../src/storage/sqlite/connect.js';
import { recall, round, sampleQueries, summarize } from './stats.js';
import { compareOrder, likeScan } from './scan.js';
import { normalizedOf } from '../src/storage/search-text.column.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const file = option('store', join(tmpdir(), 'koryu-search-bench.db'));
const schema = option('schema', 'koryu_search_bench');
const size = { partnerships: Number(option('partnerships', '360')), years: Number(option('years', '40')) };
const QUERIES = Number(option('queries', '1000'));
const SCAN_QUERIES = Number(option('scan-queries', '200'));
/** Queries with at most this many hits are compared in full (every key); larger ones by total and ranked first page. */
const FULL_RECALL_LIMIT = Number(option('full-recall-limit', '2000'));
/** Documents per import when the store is built: fewer imports rewrite the growing posting lists fewer times. */
const IMPORT_CHUNK = Number(option('import-chunk', '300'));
const only = option('only', 'sqlite,postgres').split(',');
const SEED = 'koryu-bench';
const pgUrl = process.env.KORYU_BENCH_DATABASE_URL ?? process.env.KORYU_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (s: string) => process.stderr.write(`[search ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

async function main() {
  const fresh = !existsSync(file);
  const stores: { name: string; store: Store }[] = [];
  let t = performance.now();
  if (only.includes('sqlite')) stores.push({ name: 'sqlite', store: await openSqliteStore(file) });
  if (only.includes('postgres')) stores.push({ name: 'postgres', store: await openPostgresStore(pgUrl, { schema }) });
  log(`opened (and migrated) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const { name, store } of stores) {
    const { n } = await store.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(n) > 0 && !(fresh && name === 'sqlite')) continue;
    const docs: SourceDocument[] = [];
    for (const d of generateCorpus({ ...size, seed: SEED })) docs.push({ name: d.path, bytes: Buffer.from(d.text), home: d.home });
    t = performance.now();
    for (let i = 0; i < docs.length; i += IMPORT_CHUNK) await importDocuments(store, docs.slice(i, i + IMPORT_CHUNK), { home: '', maxDocumentBytes: 1 << 26 });
    log(`imported ${docs.length} documents into ${name} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const reference = stores[0]!.store;
  const names = new Map((await reference.db.selectFrom('partnerships').select(['id', 'home', 'partner']).execute()).map((p) => [p.id, p]));
  const rows = [
    ...(await reference.db.selectFrom('events').select(['id', 'partnership_id', 'year', 'position', 'text', 'search_text']).execute()).map((r) => ({ ...r, kind: 'event' })),
    ...(await reference.db.selectFrom('photo_records').select(['id', 'partnership_id', 'year', 'position', 'caption as text', 'search_text']).execute()).map((r) => ({ ...r, kind: 'record' })),
  ];
  const items = rows.map((r) => ({ key: `${r.kind}:${r.id}`, text: normalizedOf(r.text, r.search_text), order: [r.year, names.get(r.partnership_id)!.partner, names.get(r.partnership_id)!.home, r.position, r.kind, r.id] }));
  items.sort((a, b) => compareOrder(a.order, b.order));
  const queries = sampleQueries(items.map((i) => i.text), QUERIES, seededRandom(`${SEED}-queries`).next);
  const expected = queries.map((q) => items.filter((i) => i.text.includes(q)).map((i) => i.key));
  log(`${items.length} items; ${queries.length} queries sampled`);

  for (const { name, store } of stores) {
    for (const q of queries.slice(0, 20)) await searchItems(store.db, q, { limit: 20, offset: 0 });
    const latencies: number[] = [];
    const byLength = new Map<number, number[]>();
    const recalls: number[] = [];
    const two = { search: [] as number[], scan: [] as number[] };
    const scans: number[] = [];
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i]!;
      const start = performance.now();
      const page = await searchItems(store.db, q, { limit: 20, offset: 0 });
      const ms = performance.now() - start;
      latencies.push(ms);
      const n = Array.from(q).length;
      byLength.set(n, [...(byLength.get(n) ?? []), ms]);
      const want = expected[i]!;
      const firstPage = page.hits.map((h) => `${h.kind}:${h.id}`).join();
      const exact = page.total === want.length && firstPage === want.slice(0, 20).join();
      recalls.push(want.length <= FULL_RECALL_LIMIT ? Math.min(recall(await searchKeys(store.db, q), want), exact ? 1 : 0) : exact ? 1 : 0);
      if (i < SCAN_QUERIES) {
        const s = performance.now();
        await likeScan(store, q);
        const scanMs = performance.now() - s;
        scans.push(scanMs);
        if (n === 2) {
          two.search.push(ms);
          two.scan.push(scanMs);
        }
      }
    }
    const s = summarize(latencies);
    const lengths = [...byLength].sort((a, b) => a[0] - b[0]).map(([n, l]) => `${n}: ${l.length} p50 ${round(summarize(l).p50)} p95 ${round(summarize(l).p95)}`);
    process.stdout.write(
      `${name}: ${items.length} items, p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, p99 ${round(s.p99)} ms, max ${round(s.max)} ms; ` +
        `recall min ${round(Math.min(...recalls), 6)}; LIKE scan p50 ${round(summarize(scans).p50)} ms; ` +
        `2-char speed-up ${round(summarize(two.scan).p50 / summarize(two.search).p50)}× (${two.search.length} queries); load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n  ${lengths.join('; ')}\n`,
    );
  }
  if (existsSync(file)) process.stdout.write(`sqlite file ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB\n`);
  for (const { name, store } of stores) {
    const size = name === 'sqlite'
      ? await sql<{ n: number }>`select sum(pgsize) as n from dbstat where name like 'search%'`.execute(store.db).catch(() => ({ rows: [{ n: Number.NaN }] }))
      : await sql<{ n: number }>`select sum(pg_total_relation_size(c.oid)) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = ${schema} and c.relname like 'search%' and c.relkind = 'r'`.execute(store.db);
    process.stdout.write(`${name}: search tables ${(Number(size.rows[0]!.n) / 2 ** 20).toFixed(1)} MiB\n`);
    await store.close();
  }
}


await main();
