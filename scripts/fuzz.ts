// `npm run fuzz`: the importer's property checks (test/support/importer-fuzz.ts) over far more cases than `npm test`,
// with long lines up to 1 MB, timing every parse. It fails when a check fails or when an input under 1 MB takes
// more than 2 s, and prints a report either way.
//
//   npm run fuzz                      50,000 cases (about ten minutes on one free core)
//   npm run fuzz -- --runs 20000      fewer (or more)
//   npm run fuzz -- --seed 42         repeat a run
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { arbitraryInput, bytesOf, caseArbitrary, checkResult, OPTIONS } from '../test/support/importer-fuzz.js';
import { parseDocument } from '../src/importer/parse-document.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

const LIMIT_MS = 2000;
const SMALL = 1024 * 1024;

interface Slow {
  property: string;
  bytes: number;
  ms: number;
}

const durations: number[] = [];
const slow: Slow[] = [];
let largest = 0;

/** Times the parse alone (the checks parse again), then runs the checks. */
function timedCheck(property: string, bytes: Buffer): void {
  const start = performance.now();
  parseDocument(bytes, OPTIONS);
  const ms = performance.now() - start;
  durations.push(ms);
  largest = Math.max(largest, bytes.length);
  if (bytes.length < SMALL && ms > LIMIT_MS) slow.push({ property, bytes: bytes.length, ms });
  checkResult(bytes);
}

const PROPERTIES: [name: string, share: number, property: fc.IProperty<never> | fc.IProperty<[unknown]>][] = [
  ['mutated sample', 0.25, fc.property(caseArbitrary({ seeds: 'sample', maxLong: SMALL - 64 * 1024, maxMutations: 16 }), (c) => timedCheck('mutated sample', bytesOf(c)))],
  ['mutated seeds, mixed encodings', 0.4, fc.property(caseArbitrary({ seeds: 'all', maxLong: SMALL - 64 * 1024, maxMutations: 16 }), (c) => timedCheck('mutated seeds', bytesOf(c)))],
  ['re-encoded seeds', 0.15, fc.property(caseArbitrary({ seeds: 'all', reencode: true, maxLong: 256 * 1024 }), (c) => timedCheck('re-encoded seeds', bytesOf(c)))],
  ['arbitrary bytes and text', 0.2, fc.property(arbitraryInput, (b) => timedCheck('arbitrary', b))],
];

let failed = false;
const started = performance.now();
process.stdout.write(`koryu fuzz: ${runs} cases, seed ${seed}\n`);
for (const [name, share, property] of PROPERTIES) {
  const numRuns = Math.max(1, Math.round(runs * share));
  const t0 = performance.now();
  const result = fc.check(property as fc.IProperty<[unknown]>, { numRuns, seed, includeErrorInReport: true });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (result.failed) {
    failed = true;
    process.stdout.write(`  ✖ ${name}: ${numRuns} cases, ${seconds} s\n${fc.defaultReportMessage(result)}\n`);
  } else {
    process.stdout.write(`  ✔ ${name}: ${numRuns} cases, ${seconds} s\n`);
  }
}

durations.sort((a, b) => a - b);
const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))]!.toFixed(1);
process.stdout.write(
  [
    `parses timed: ${durations.length} (largest input ${(largest / 1024).toFixed(0)} KiB); median ${at(0.5)} ms, p99 ${at(0.99)} ms, slowest ${at(1)} ms`,
    `inputs under 1 MB slower than ${LIMIT_MS} ms: ${slow.length}`,
    ...slow.slice(0, 20).map((s) => `  ${s.property}: ${s.bytes} bytes took ${s.ms.toFixed(0)} ms`),
    `total ${((performance.now() - started) / 1000).toFixed(0)} s; ${failed || slow.length > 0 ? 'FAILED' : 'passed'} (repeat with --seed ${seed})`,
    '',
  ].join('\n'),
);
process.exitCode = failed || slow.length > 0 ? 1 : 0;
