import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collectNames, kanjiRuns, OFFICES, recognizeOfficeHolders, recognizeOrganizations, type OfficeHolder } from './organization.recognize.js';

// The recognisers as first written, trying every prefix and every ending: the fast ones must give what these give.
const ENDINGS = ['高等学校', '常務委員会', '委員会', '弁公室', '大学', '学院', '高専', '高校', '学校', '協会', '分会', '集団', '議会', '工業大', '美大', '局'];

function plainPrefix(run: string): string | undefined {
  for (let end = run.length; end >= 3; end--) {
    const prefix = run.slice(0, end);
    if (!ENDINGS.some((e) => prefix.endsWith(e) && prefix.length > e.length)) continue;
    if (prefix.endsWith('大') && run[end] === '会') continue;
    if (OFFICES.some((o) => prefix.endsWith(o))) continue;
    return prefix;
  }
  return undefined;
}

function plainOrganizations(text: string): string[] {
  const names: string[] = [];
  for (const { run } of kanjiRuns(text)) {
    const name = plainPrefix(run);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

function plainOfficeHolders(text: string): OfficeHolder[] {
  const found: OfficeHolder[] = [];
  for (const { run } of kanjiRuns(text)) {
    for (const office of OFFICES) {
      const at = run.indexOf(office);
      if (at < 0) continue;
      const before = run.slice(0, at);
      const person = before.length >= 1 && before.length <= 2 ? before : null;
      const written = person === null ? (plainPrefix(before) ?? '') + office : person + office;
      if (!found.some((f) => f.written === written)) found.push({ written, office, person });
      break;
    }
  }
  return found;
}

/** Texts made of the pieces the recognisers look at: endings, offices, kanji, kana, 々, a kanji outside the BMP. */
const pieces = ['大', '学', '会', '院', '校', '局', '長', '市', '副', '教育', '高等', '委員', '常務', '工業', '美', '分', '集団', '議', '弁公室', '連', '山出', '々', 'ヶ', '𠮷', 'が', 'の', '、', ' ', '\n', 'A'];
const texts = fc.array(fc.constantFrom(...pieces, ...ENDINGS, ...OFFICES), { maxLength: 14 }).map((p) => p.join(''));

describe('the organisation and office recognisers', () => {
  it('give what trying every prefix and ending gives, on texts made of their pieces', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assert.deepEqual(recognizeOrganizations(text), plainOrganizations(text));
        assert.deepEqual(recognizeOfficeHolders(text), plainOfficeHolders(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('collect from texts joined by line breaks the names of each text (organisations, and office holders with a person)', () => {
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 6 }), (list) => {
        const organizations = new Set<string>();
        const offices = new Set<string>();
        collectNames(list.join('\n'), organizations, offices);
        assert.deepEqual([...organizations], [...new Set(list.flatMap(plainOrganizations))]);
        assert.deepEqual([...offices], [...new Set(list.flatMap((t) => plainOfficeHolders(t).filter((h) => h.person !== null).map((h) => h.written)))]);
      }),
      { numRuns: 1000 },
    );
  });

  it('read names as the record writes them', () => {
    const organizations = new Set<string>();
    const offices = new Set<string>();
    collectNames('山出市長が大連工業大学を訪問\n県立大学学長と大連市人民代表大会常務委員会が来訪', organizations, offices);
    assert.deepEqual([...organizations], ['大連工業大学', '県立大学', '大連市人民代表大会常務委員会']);
    assert.deepEqual([...offices], ['山出市長']);
  });
});
