import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/domain/diagnostic.js';
import { DIRECTIONS } from '../../src/domain/direction.js';
import { jsonExporter } from '../../src/exports/json.js';
import { textExporter } from '../../src/exports/text.js';
import { parseDocument } from '../../src/importer/parse-document.js';

/**
 * What the importer's property tests (src/importer/parse-document.property.test.ts) and `npm run fuzz`
 * (scripts/fuzz.ts) share: the seed documents, the mutations done to them, and the checks every result must pass.
 */

export const OPTIONS = { home: '金沢市' };

// ---- the seeds: the sample, every fixture, and the sample as Koryu writes it back (koryu/1 JSON, the text layout) ----

export interface Seed {
  name: string;
  bytes: Buffer;
}

const root = new URL('../../', import.meta.url);
export const SAMPLE = readFileSync(new URL('samples/kanazawa-dalian.txt', root));
const fixtureDir = new URL('test/fixtures/', root);
const FIXTURES: Seed[] = readdirSync(fixtureDir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(new URL(f, fixtureDir)) }));
const sampleParsed = parseDocument(SAMPLE, OPTIONS).partnerships;

export const SEEDS: readonly Seed[] = [
  { name: 'kanazawa-dalian.txt', bytes: SAMPLE },
  ...FIXTURES,
  { name: 'sample as koryu/1 JSON', bytes: Buffer.from(jsonExporter.write(sampleParsed)) },
  { name: 'sample as the text export', bytes: Buffer.from(textExporter.write(sampleParsed)) },
];
const SHIFT_JIS = FIXTURES.find((f) => f.name === 'shift-jis.txt')!.bytes;

// ---- a document as lines of bytes, and what can be done to it ----

export type Lines = Buffer[];

export function splitBytes(bytes: Buffer): Lines {
  const lines: Lines = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

export const joinLines = (lines: Lines): Buffer => Buffer.concat(lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.from([0x0a]), l])));

const SEED_LINES = SEEDS.map((s) => splitBytes(s.bytes));
export const SAMPLE_LINES = SEED_LINES[0]!;
const SHIFT_JIS_LINES = splitBytes(SHIFT_JIS).filter((l) => l.some((b) => b >= 0x80));

export type Mutation =
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
  | { op: 'removeTab'; at: number; nth: number }
  | { op: 'foreignLine'; at: number; encoding: 'shift_jis' | 'utf-16le' | 'latin1' | 'bom'; nth: number; replace: boolean };

const index = fc.nat({ max: 10_000 });
/** Where in a line: often near its start, where the year cell is. */
const offset = fc.oneof(fc.nat({ max: 8 }), index);

/** `maxLong` bounds the long lines: the default keeps each case small; the fuzz script goes up to 1 MB. */
export function mutationArbitrary(maxLong = 40_000): fc.Arbitrary<Mutation> {
  return fc.oneof(
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
      length: fc.oneof(fc.integer({ min: 1_000, max: 19_999 }), fc.integer({ min: 20_000, max: Math.max(20_000, maxLong) })),
      fill: fc.constantFrom('あ', 'x', ' ', '\t', '大連市訪問団が来訪 ', '<p>', '2006年', '|', '"', '{'),
    }),
    fc.record({ op: fc.constant('insertTab' as const), at: index, offset }),
    fc.record({ op: fc.constant('removeTab' as const), at: index, nth: index }),
    fc.record({
      op: fc.constant('foreignLine' as const),
      at: index,
      encoding: fc.constantFrom('shift_jis' as const, 'utf-16le' as const, 'latin1' as const, 'bom' as const),
      nth: index,
      replace: fc.boolean(),
    }),
  );
}

/** Offsets of the UTF-8 lead bytes of multi-byte characters in a line. */
function multiByteStarts(line: Buffer): number[] {
  const starts: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i]! >= 0xc0) starts.push(i);
  return starts;
}

/** A line in another encoding than the document's: the mixed files made by copying between editors. */
function foreign(line: Buffer, m: Extract<Mutation, { op: 'foreignLine' }>): Buffer {
  const text = line.toString('utf8');
  switch (m.encoding) {
    case 'shift_jis':
      return SHIFT_JIS_LINES[m.nth % SHIFT_JIS_LINES.length]!;
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), line]);
  }
}

export function applyMutation(lines: Lines, m: Mutation): Lines {
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
    case 'foreignLine': {
      const at = pick(m.at);
      const line = foreign(out[at]!, m);
      if (m.replace) out[at] = line;
      else out.splice(at, 0, line);
      return out;
    }
  }
}

/** The whole document saved again in another encoding after it was mutated. */
export type Reencoding = 'none' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom';

export function reencode(bytes: Buffer, as: Reencoding): Buffer {
  if (as === 'none') return bytes;
  const text = bytes.toString('utf8');
  if (as === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return as === 'utf-16le-bom' ? le : le.swap16();
}

/** A case: which seed, what is done to it, and how it is saved. The mutations, not the bytes, are what a failure reports. */
export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
  reencoding: Reencoding;
}

export function caseArbitrary(options: { seeds?: 'sample' | 'all'; reencode?: boolean; maxLong?: number; maxMutations?: number } = {}): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: options.seeds === 'sample' ? fc.constant(0) : fc.nat({ max: SEEDS.length - 1 }),
    mutations: fc.array(mutationArbitrary(options.maxLong), { minLength: 1, maxLength: options.maxMutations ?? 8 }),
    reencoding: options.reencode ? fc.constantFrom<Reencoding>('utf-8-bom', 'utf-16le-bom', 'utf-16be-bom') : fc.constant<Reencoding>('none'),
  });
}

export function bytesOf(c: FuzzCase): Buffer {
  return reencode(joinLines(c.mutations.reduce(applyMutation, SEED_LINES[c.seed]!)), c.reencoding);
}

/** Random bytes, and random text of any code points: no document at all. */
export const arbitraryInput: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.string({ unit: 'binary', maxLength: 400 }).map((s) => Buffer.from(s)),
);

// ---- what every result must be ----

const SEVERITIES = ['error', 'warning', 'info'];
const MARKUP_TAG = /<\/?[a-z][^<>]*>/i;

/** The document's lines as the importer counts them (CRLF, LF or CR); a replacing decoder keeps every line break where it was. */
function decodedLines(bytes: Uint8Array): string[] {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  return new TextDecoder(utf16 ?? 'utf-8').decode(bytes).split(/\r\n|\n|\r/);
}

function checkDiagnostic(d: Diagnostic, lines: number): void {
  assert.ok((DIAGNOSTIC_CODES as readonly string[]).includes(d.code), `unknown diagnostic code ${d.code}`);
  assert.ok(SEVERITIES.includes(d.severity), `unknown severity ${d.severity}`);
  assert.equal(typeof d.message, 'string');
  assert.notEqual(d.message.trim(), '', `${d.code} has no message`);
  if (d.line !== null) {
    assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, `${d.code} on line ${d.line} of a ${lines}-line document`);
  }
}

/** Years of the genre's documents (Meiji 1 to 2100); koryu/1 accepts any four-digit year (docs/format.md). */
const isGenreYear = (y: number): boolean => Number.isInteger(y) && y >= 1868 && y <= 2100;
const isFourDigitYear = (y: number): boolean => Number.isInteger(y) && y >= 1000 && y <= 9999;

/**
 * Parses `bytes` and checks the result: no exception, partnerships or diagnostics (never neither), every diagnostic
 * with a known code and a line inside the document, no partnership beside an error, every event a real year,
 * direction and non-blank text from a non-blank line, and no markup left in the text.
 */
export function checkResult(bytes: Buffer): void {
  const result = parseDocument(bytes, OPTIONS);
  const text = decodedLines(bytes);
  const lines = text.length;
  // From the decoded text: a koryu/1 document saved again as UTF-16 is still one, with its four-digit years.
  const json = text.join('\n').trimStart().startsWith('{');
  const isYear = json ? isFourDigitYear : isGenreYear;
  assert.ok(result !== null && typeof result === 'object');
  assert.ok(Array.isArray(result.partnerships), 'partnerships is an array');
  assert.ok(Array.isArray(result.diagnostics), 'diagnostics is an array');
  assert.ok(result.partnerships.length > 0 || result.diagnostics.some((d) => d.severity === 'error'), 'either data or an error saying why there is none');
  for (const d of result.diagnostics) checkDiagnostic(d, lines);
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    assert.deepEqual(result.partnerships, [], 'a document with an error imports nothing');
  }
  for (const p of result.partnerships) {
    assert.equal(typeof p.partner, 'string');
    assert.notEqual(p.partner.trim(), '', 'a partnership names its partner');
    for (const e of p.events) {
      const where = `event on line ${e.line} (${JSON.stringify(e.text.slice(0, 60))})`;
      assert.ok(isYear(e.year), `${where}: year ${e.year} is not a year the document can hold`);
      assert.ok((DIRECTIONS as readonly string[]).includes(e.direction), `${where}: direction ${e.direction}`);
      assert.equal(typeof e.text, 'string');
      assert.notEqual(e.text.trim(), '', `${where}: empty text`);
      if (!json) {
        assert.doesNotMatch(e.text, MARKUP_TAG, `${where}: markup left in the text`);
        assert.ok(e.line !== null && Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, `${where}: line outside 1..${lines}`);
        assert.notEqual(text[e.line - 1]!.trim(), '', `${where}: the line is blank`);
      }
    }
    for (const r of p.records) assert.ok(isYear(r.year), `photo record on line ${r.line}: year ${r.year}`);
    for (const y of p.noExchangeYears) assert.ok(isYear(y), `no-exchange year ${y}`);
  }
}
