import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../domain/diagnostic.js';
import { DIRECTIONS } from '../domain/direction.js';
import { parseDocument } from './parse-document.js';

/**
 * Property tests of the importer over mutated versions of the Kanazawa–Dalian sample: whatever is done to
 * the document, parsing never throws and every result it gives is well-formed. KORYU_FUZZ_RUNS raises the
 * number of runs (it never lowers it below the default).
 */

const SAMPLE = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url));
const DEFAULT_RUNS = 300;
const NUM_RUNS = Math.max(DEFAULT_RUNS, Number.parseInt(process.env.KORYU_FUZZ_RUNS ?? '', 10) || 0);
const OPTIONS = { home: '金沢市' };
const SEVERITIES = ['error', 'warning', 'info'];
const MARKUP_TAG = /<\/?[a-z][^<>]*>/i;

// ---- the document as lines of bytes, and what can be done to it ----

type Lines = Buffer[];

function splitBytes(bytes: Buffer): Lines {
  const lines: Lines = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

const joinLines = (lines: Lines): Buffer => Buffer.concat(lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.from([0x0a]), l])));

const SAMPLE_LINES = splitBytes(SAMPLE);

/** Lines as the importer counts them (CRLF, LF or CR); a replacing decoder keeps every line break where it was. */
function lineCount(bytes: Uint8Array): number {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  return new TextDecoder(utf16 ?? 'utf-8').decode(bytes).split(/\r\n|\n|\r/).length;
}

type Mutation =
  | { op: 'deleteLine'; at: number }
  | { op: 'duplicateLine'; at: number; to: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'shuffleRange'; at: number; length: number; seed: number }
  | { op: 'insertBytes'; at: number; offset: number; bytes: Uint8Array }
  | { op: 'replaceByte'; at: number; offset: number; byte: number }
  | { op: 'replaceDigit'; at: number; nth: number; digit: number }
  | { op: 'truncateUtf8'; at: number; nth: number; keep: number; atEnd: boolean }
  | { op: 'longLine'; at: number; length: number; fill: string }
  | { op: 'insertTab'; at: number; offset: number }
  | { op: 'removeTab'; at: number; nth: number };

const index = fc.nat({ max: 10_000 });
/** Where in a line: often near its start, where the year cell is. */
const offset = fc.oneof(fc.nat({ max: 8 }), index);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteLine' as const), at: index }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: index, to: index }),
  fc.record({ op: fc.constant('swapLines' as const), a: index, b: index }),
  fc.record({ op: fc.constant('shuffleRange' as const), at: index, length: fc.integer({ min: 2, max: 70 }), seed: fc.nat() }),
  fc.record({ op: fc.constant('insertBytes' as const), at: index, offset, bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  fc.record({ op: fc.constant('replaceByte' as const), at: index, offset, byte: fc.oneof(fc.integer({ min: 0x30, max: 0x39 }), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ op: fc.constant('replaceDigit' as const), at: index, nth: fc.oneof(fc.nat({ max: 3 }), index), digit: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ op: fc.constant('truncateUtf8' as const), at: index, nth: index, keep: fc.integer({ min: 1, max: 3 }), atEnd: fc.boolean() }),
  fc.record({
    op: fc.constant('longLine' as const),
    at: index,
    length: fc.oneof(fc.integer({ min: 1_000, max: 19_999 }), fc.integer({ min: 20_000, max: 40_000 })),
    fill: fc.constantFrom('あ', 'x', ' ', '\t', '大連市訪問団が来訪 ', '<p>', '2006年'),
  }),
  fc.record({ op: fc.constant('insertTab' as const), at: index, offset }),
  fc.record({ op: fc.constant('removeTab' as const), at: index, nth: index }),
);

/** Offsets of the UTF-8 lead bytes of multi-byte characters in a line. */
function multiByteStarts(line: Buffer): number[] {
  const starts: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i]! >= 0xc0) starts.push(i);
  return starts;
}

function apply(lines: Lines, m: Mutation): Lines {
  const out = [...lines];
  const n = out.length;
  if (n === 0) return out;
  const pick = (i: number) => i % n;
  switch (m.op) {
    case 'deleteLine':
      out.splice(pick(m.at), 1);
      return out;
    case 'duplicateLine':
      out.splice(m.to % (n + 1), 0, out[pick(m.at)]!);
      return out;
    case 'swapLines': {
      const [a, b] = [pick(m.a), pick(m.b)];
      [out[a], out[b]] = [out[b]!, out[a]!];
      return out;
    }
    case 'shuffleRange': {
      const start = pick(m.at);
      const end = Math.min(n, start + m.length);
      let s = m.seed;
      for (let i = end - 1; i > start; i--) {
        s = (s * 1103515245 + 12345) >>> 0;
        const j = start + (s % (i - start + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    }
    case 'insertBytes': {
      const line = out[pick(m.at)]!;
      const at = m.offset % (line.length + 1);
      out[pick(m.at)] = Buffer.concat([line.subarray(0, at), m.bytes, line.subarray(at)]);
      return out;
    }
    case 'replaceByte': {
      const line = Buffer.from(out[pick(m.at)]!);
      if (line.length > 0) line[m.offset % line.length] = m.byte;
      out[pick(m.at)] = line;
      return out;
    }
    case 'replaceDigit': {
      // Years and dates are digits: 2006 becomes 0006 or 9006.
      const line = Buffer.from(out[pick(m.at)]!);
      const digits = [...line.keys()].filter((i) => line[i]! >= 0x30 && line[i]! <= 0x39);
      if (digits.length > 0) line[digits[m.nth % digits.length]!] = 0x30 + m.digit;
      out[pick(m.at)] = line;
      return out;
    }
    case 'truncateUtf8': {
      const line = out[pick(m.at)]!;
      const starts = multiByteStarts(line);
      if (starts.length === 0) return out;
      const lead = starts[m.nth % starts.length]!;
      const width = line[lead]! >= 0xf0 ? 4 : line[lead]! >= 0xe0 ? 3 : 2;
      const keep = Math.min(m.keep, width - 1);
      // Cut the character short, either where it stands or by ending the line inside it.
      out[pick(m.at)] = m.atEnd ? line.subarray(0, lead + keep) : Buffer.concat([line.subarray(0, lead + keep), line.subarray(lead + width)]);
      return out;
    }
    case 'longLine': {
      const line = out[pick(m.at)]!;
      const fill = Buffer.from(m.fill.repeat(Math.ceil(m.length / m.fill.length)).slice(0, m.length));
      out[pick(m.at)] = Buffer.concat([line, fill]);
      return out;
    }
    case 'insertTab': {
      const line = out[pick(m.at)]!;
      const at = m.offset % (line.length + 1);
      out[pick(m.at)] = Buffer.concat([line.subarray(0, at), Buffer.from('\t'), line.subarray(at)]);
      return out;
    }
    case 'removeTab': {
      const line = out[pick(m.at)]!;
      const tabs = [...line.keys()].filter((i) => line[i] === 0x09);
      if (tabs.length === 0) return out;
      const at = tabs[m.nth % tabs.length]!;
      out[pick(m.at)] = Buffer.concat([line.subarray(0, at), line.subarray(at + 1)]);
      return out;
    }
  }
}

/** The mutations, not their result, are what a failure reports: a short list instead of a 7 KB buffer. */
const mutations = fc.array(mutation, { minLength: 1, maxLength: 8 });
const mutate = (ms: readonly Mutation[]): Buffer => joinLines(ms.reduce(apply, SAMPLE_LINES));
const RUN = { numRuns: NUM_RUNS, includeErrorInReport: true };

// ---- what every result must be ----

function checkDiagnostic(d: Diagnostic, lines: number): void {
  assert.ok((DIAGNOSTIC_CODES as readonly string[]).includes(d.code), `unknown diagnostic code ${d.code}`);
  assert.ok(SEVERITIES.includes(d.severity), `unknown severity ${d.severity}`);
  assert.equal(typeof d.message, 'string');
  assert.notEqual(d.message.trim(), '', `${d.code} has no message`);
  if (d.line !== null) {
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, `${d.code} on line ${d.line} of a ${lines}-line document`);
  }
}

const isYear = (y: number): boolean => Number.isInteger(y) && y >= 1868 && y <= 2100;

function checkResult(bytes: Buffer): void {
  const result = parseDocument(bytes, OPTIONS);
  const lines = lineCount(bytes);
  const text = new TextDecoder().decode(bytes).split(/\r\n|\n|\r/);
  assert.ok(result !== null && typeof result === 'object');
  assert.ok(Array.isArray(result.partnerships), 'partnerships is an array');
  assert.ok(Array.isArray(result.diagnostics), 'diagnostics is an array');
  for (const d of result.diagnostics) checkDiagnostic(d, lines);
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    assert.deepEqual(result.partnerships, [], 'a document with an error imports nothing');
  }
  for (const p of result.partnerships) {
    for (const e of p.events) {
      const where = `event on line ${e.line} (${JSON.stringify(e.text.slice(0, 60))})`;
      assert.ok(isYear(e.year), `${where}: year ${e.year} is not a year from 1868 to 2100`);
      assert.ok((DIRECTIONS as readonly string[]).includes(e.direction), `${where}: direction ${e.direction}`);
      assert.equal(typeof e.text, 'string');
      assert.notEqual(e.text.trim(), '', `${where}: empty text`);
      assert.doesNotMatch(e.text, MARKUP_TAG, `${where}: markup left in the text`);
      assert.ok(e.line !== null && Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, `${where}: line outside 1..${lines}`);
      if (lines === text.length) assert.notEqual(text[e.line - 1]!.trim(), '', `${where}: the line is blank`);
    }
    for (const r of p.records) assert.ok(isYear(r.year), `photo record on line ${r.line}: year ${r.year}`);
    for (const y of p.noExchangeYears) assert.ok(isYear(y), `no-exchange year ${y}`);
  }
}

describe('parseDocument on mutated versions of the sample (property)', () => {
  it('the unmutated sample passes the same checks', () => {
    checkResult(SAMPLE);
    assert.ok(parseDocument(SAMPLE, OPTIONS).partnerships[0]!.events.length > 0);
  });

  it('never throws and always returns well-formed partnerships and diagnostics', () => {
    fc.assert(fc.property(mutations, (ms) => checkResult(mutate(ms))), RUN);
  });

  it('stays well-formed on arbitrary bytes and on arbitrary text', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 400 }).map((s) => Buffer.from(s));
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), anyText), (bytes) => checkResult(Buffer.from(bytes))), RUN);
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
      RUN,
    );
  });
});
