import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  arbitraryInput,
  bytesOf,
  caseArbitrary,
  checkResult,
  joinLines,
  OPTIONS,
  SAMPLE,
  SAMPLE_LINES,
  SEEDS,
  type Lines,
} from '../../test/support/importer-fuzz.js';
import { parseDocument } from './parse-document.js';

/**
 * Property tests of the importer over mutated versions of the Kanazawa–Dalian sample, of every fixture in
 * test/fixtures/ and of the sample as Koryu exports it (koryu/1 JSON, the text layout): lines deleted, duplicated
 * and shuffled, random bytes, truncated UTF-8, very long lines, lines in other encodings, whole documents saved
 * again as UTF-16 or with a BOM. Whatever is done, parsing never throws and returns data or diagnostics.
 *
 * The runs add up to 10,000 cases per `npm test` (RUNS below). KORYU_FUZZ_RUNS raises each property's runs (it never
 * lowers them); `npm run fuzz` (scripts/fuzz.ts) runs far more and reports the slowest inputs.
 */

const RUNS = { sample: 2_000, seeds: 4_000, reencoded: 1_000, arbitrary: 2_500, pageLayout: 500 } as const;
const RAISED = Number.parseInt(process.env.KORYU_FUZZ_RUNS ?? '', 10) || 0;
const run = (n: number) => ({ numRuns: Math.max(n, RAISED), includeErrorInReport: true });

describe('parseDocument on mutated documents (property)', () => {
  it('the 10,000 cases are split across the properties below', () => {
    assert.equal(Object.values(RUNS).reduce((a, b) => a + b, 0), 10_000);
  });

  it('every seed unmutated passes the same checks, and each holds events', () => {
    assert.ok(SEEDS.length >= 12, `the sample, the fixtures and two exports (${SEEDS.length})`);
    for (const seed of SEEDS) {
      checkResult(seed.bytes);
      assert.ok(parseDocument(seed.bytes, OPTIONS).partnerships.some((p) => p.events.length > 0), `${seed.name} imports events`);
    }
  });

  it('the sample: never throws and always returns well-formed partnerships or diagnostics', () => {
    fc.assert(fc.property(caseArbitrary({ seeds: 'sample' }), (c) => checkResult(bytesOf(c))), run(RUNS.sample));
  });

  it('every fixture and both exports of the sample, with lines in other encodings mixed in', () => {
    fc.assert(fc.property(caseArbitrary({ seeds: 'all' }), (c) => checkResult(bytesOf(c))), run(RUNS.seeds));
  });

  it('mutated documents saved again as UTF-16 (either byte order) or UTF-8 with a BOM', () => {
    fc.assert(fc.property(caseArbitrary({ seeds: 'all', reencode: true, maxMutations: 4 }), (c) => checkResult(bytesOf(c))), run(RUNS.reencoded));
  });

  it('stays well-formed on arbitrary bytes and on arbitrary text', () => {
    fc.assert(fc.property(arbitraryInput, (bytes) => checkResult(bytes)), run(RUNS.arbitrary));
  });
});

// ---- what must not change the events ----

const eventsOf = (bytes: Buffer) =>
  parseDocument(bytes, OPTIONS).partnerships.flatMap((p) => p.events.map((e) => ({ year: e.year, direction: e.direction, date: e.date, text: e.text })));

const TITLE_LINE = SAMPLE_LINES.findIndex((l) => l.toString('utf8').startsWith('友好交流都市大連市との歩み'));
const AFFILIATION_LINE = SAMPLE_LINES.findIndex((l) => l.toString('utf8').startsWith('友好交流都市提携'));
const HEADER_LINE = SAMPLE_LINES.findIndex((l) => l.toString('utf8').startsWith('年\t\t交流内容'));
const BLANK = Buffer.alloc(0);

describe('page layout does not change the events (property)', () => {
  const reference = eventsOf(SAMPLE);

  it('finds the page header in the sample', () => {
    assert.ok(TITLE_LINE >= 0 && AFFILIATION_LINE > TITLE_LINE && HEADER_LINE > AFFILIATION_LINE);
    assert.ok(reference.length > 0);
  });

  it('deleting blank lines and repeating the page header (title, affiliation, header row) leaves the events as they were', () => {
    const header = (spaced: boolean): Lines => {
      const [t, a, h] = [SAMPLE_LINES[TITLE_LINE]!, SAMPLE_LINES[AFFILIATION_LINE]!, SAMPLE_LINES[HEADER_LINE]!];
      return spaced ? [BLANK, t, BLANK, a, BLANK, h] : [t, a, h];
    };
    const change = fc.record({
      // For each line: delete it if it is blank and this says so.
      deleteBlank: fc.array(fc.boolean(), { minLength: SAMPLE_LINES.length, maxLength: SAMPLE_LINES.length }),
      // Page headers inserted before these lines (SAMPLE_LINES.length = at the end).
      headers: fc.array(fc.record({ before: fc.nat({ max: SAMPLE_LINES.length }), spaced: fc.boolean() }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(change, ({ deleteBlank, headers }) => {
        const out: Lines = [];
        SAMPLE_LINES.forEach((line, i) => {
          for (const h of headers) if (h.before === i) out.push(...header(h.spaced));
          const blank = line.toString('utf8').trim() === '';
          if (!(blank && deleteBlank[i])) out.push(line);
        });
        for (const h of headers) if (h.before === SAMPLE_LINES.length) out.push(...header(h.spaced));
        assert.deepEqual(eventsOf(joinLines(out)), reference);
      }),
      run(RUNS.pageLayout),
    );
  });
});
