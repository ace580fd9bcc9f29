import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Partnership } from '../domain/partnership.js';
import { parseDocument } from '../importer/parse-document.js';
import { CORPUS_FORMATS, generateCorpus, type CorpusDocument } from './corpus.generator.js';
import { seededRandom } from './corpus.random.js';

const parse = (doc: CorpusDocument) => parseDocument(Buffer.from(doc.text), { home: doc.home, maxBytes: 10 * 1024 * 1024 });
const eventKeys = (p: Partnership, withDirection: boolean) =>
  p.events.map((e) => `${e.year}|${withDirection ? e.direction : ''}|${e.date ?? ''}|${e.text}`);
const sorted = (xs: string[]) => [...xs].sort();

describe('corpus generator', () => {
  for (const format of CORPUS_FORMATS) {
    it(`writes ${format} documents the importer reads back exactly, with no diagnostics`, () => {
      const docs = [...generateCorpus({ partnerships: 12, years: 40, seed: `read-back-${format}`, formats: [format] })];
      assert.equal(docs.length, 12);
      for (const doc of docs) {
        const result = parse(doc);
        assert.deepEqual(result.diagnostics, [], doc.path);
        assert.equal(result.partnerships.length, 1, doc.path);
        const [got] = result.partnerships as [Partnership];
        const want = doc.partnership;
        assert.deepEqual([got.home, got.partner, got.kind, got.affiliatedOn], [want.home, want.partner, want.kind, want.affiliatedOn], doc.path);
        assert.deepEqual(got.noExchangeYears, want.noExchangeYears, doc.path);
        if (format === 'lines') {
          // Year headings carry no direction column (the importer reads it from the words) and list undated events first.
          assert.deepEqual(sorted(eventKeys(got, false)), sorted(eventKeys(want, false)), doc.path);
        } else {
          assert.deepEqual(eventKeys(got, true), eventKeys(want, true), doc.path);
        }
        assert.deepEqual(got.records.map((r) => `${r.year}|${r.caption}`), want.records.map((r) => `${r.year}|${r.caption}`), doc.path);
      }
    });
  }

  it('is deterministic: the same seed gives the same documents, another seed other ones', () => {
    const texts = (seed: string | number) => [...generateCorpus({ partnerships: 8, years: 15, seed, formats: ['table', 'pipe', 'lines'] })].map((d) => `${d.path}\n${d.text}`);
    assert.deepEqual(texts(42), texts(42));
    assert.deepEqual(texts('42'), texts(42), 'a number and its digits are the same seed');
    assert.notDeepEqual(texts(42), texts(43));
  });

  it('mixes the formats in turn and names each file HOME/NNNNN-PARTNER', () => {
    const docs = [...generateCorpus({ partnerships: 6, years: 5, seed: 'mix', formats: ['table', 'pipe', 'lines'] })];
    assert.deepEqual(docs.map((d) => d.format), ['table', 'pipe', 'lines', 'table', 'pipe', 'lines']);
    docs.forEach((d, i) => assert.equal(d.path, `${d.home}/${String(i + 1).padStart(5, '0')}-${d.partnership.partner}.${d.format === 'pipe' ? 'md' : 'txt'}`));
  });

  it('gives each partnership a distinct home and partner pair, even beyond the listed cities', () => {
    const docs = [...generateCorpus({ partnerships: 6000, years: 1, seed: 'pairs' })];
    const pairs = new Set(docs.map((d) => `${d.home}/${d.partnership.partner}`));
    assert.equal(pairs.size, 6000);
    assert.ok(docs.some((d) => /^[ァ-ヴー]+市$/.test(d.partnership.partner) && d.partnership.partner.length >= 4));
  });

  it('spans the requested years from the affiliation year, never past 2025', () => {
    for (const doc of generateCorpus({ partnerships: 20, years: 40, seed: 'span' })) {
      const p = doc.partnership;
      const first = Number(p.affiliatedOn!.slice(0, 4));
      const years = new Set([...p.events.map((e) => e.year), ...p.noExchangeYears]);
      assert.equal(years.size, 40, doc.path);
      assert.equal(Math.min(...years), first);
      assert.ok(Math.max(...years) <= 2025);
    }
  });

  it('uses the vocabulary of the genre with variety: many cities, kinds, eras, forms of rows and texts', () => {
    const docs = [...generateCorpus({ partnerships: 60, years: 40, seed: 'variety' })];
    const events = docs.flatMap((d) => d.partnership.events);
    const texts = new Set(events.map((e) => e.text));
    assert.ok(new Set(docs.map((d) => d.home)).size >= 30, 'home cities');
    assert.ok(new Set(docs.map((d) => d.partnership.partner)).size >= 40, 'partner cities');
    assert.equal(new Set(docs.map((d) => d.partnership.kind)).size, 5, 'kinds');
    assert.ok(texts.size >= events.length * 0.5, `${texts.size} distinct texts of ${events.length}`);
    assert.ok(new Set(events.map((e) => e.direction)).size === 4, 'every direction, unknown included');
    assert.ok(events.some((e) => e.date !== null) && events.some((e) => e.date === null), 'dated and undated events');
    const all = docs.map((d) => d.text).join('\n');
    for (const era of ['昭和', '平成', '令和', '平成31年/ 令和元年']) assert.ok(all.includes(era), era);
    for (const word of ['派遣', '来訪', '協定', '合意書', '市長', '表敬訪問', '周年']) assert.ok(all.includes(word), word);
    assert.match(all, /\n\t(派遣|受入|相互)\t/, 'blank-year continuation rows');
    assert.match(all, /\t—\t—\n/, 'years without exchange');
    assert.match(all, /交流の記録\n\n年\t/, 'photo-record sections');
    assert.match(all, /<p style="text-align: center;">/, 'HTML cells as in the seed');
    assert.ok(docs.some((d) => d.text.split(`${d.partnership.kind}${d.partnership.partner}との歩み`).length > 2), 'page headers repeated');
    assert.match(all, /[０-９Ａ-Ｚ]/, 'full-width characters for NFKC');
  });
});

describe('seeded random source', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = seededRandom('s');
    const b = seededRandom('s');
    const xs = Array.from({ length: 1000 }, () => a.int(3, 7));
    assert.deepEqual(xs, Array.from({ length: 1000 }, () => b.int(3, 7)));
    assert.deepEqual([...new Set(xs)].sort(), [3, 4, 5, 6, 7]);
    assert.throws(() => a.pick([]), RangeError);
  });
});
