import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as vocabulary from '../exports/corpus.vocabulary.js';
import { japaneseForms, japaneseFormsEach, MAX_FORM_READINGS, simplifiedForms, simplifiedPairs } from './simplified-chinese.js';

describe('simplified Chinese characters read in their Japanese forms', () => {
  it('writes a partner city reader’s words as the record writes them, leaving other characters as they are', () => {
    assert.equal(japaneseForms('大连市长访问金泽'), '大連市長訪問金沢', '泽 is read as 沢, the form Japanese writes today');
    assert.equal(japaneseForms('大连东软信息学院'), '大連東軟信息学院');
    assert.equal(japaneseForms('范さん 澤田'), '范さん 澤田', '范 and 澤 are written in Japanese too, and stay as they are');
    assert.equal(japaneseForms('外事办公室'), '外事弁公室');
    assert.equal(japaneseForms('代表团 来访'), '代表団 来訪');
    assert.equal(japaneseForms('国际交流协会'), '国際交流協会');
    assert.equal(japaneseForms('abc 大連'), 'abc 大連');
  });

  it('maps each character to one form that is not itself mapped, so reading twice changes nothing', () => {
    const pairs = simplifiedPairs();
    assert.ok(pairs.length > 150);
    const keys = new Set(pairs.map(([k]) => k));
    assert.equal(keys.size, pairs.length);
    for (const [simplified, japanese] of pairs) {
      assert.notEqual(simplified, japanese);
      assert.ok(!keys.has(japanese), `${simplified} → ${japanese}`);
    }
    const text = pairs.map(([k]) => k).join('');
    assert.equal(japaneseForms(japaneseForms(text)), japaneseForms(text));
  });

  it('lists no character a Japanese record writes: the sample timeline and the generator’s vocabulary hold none', () => {
    const sample = readFileSync(new URL('../../samples/kanazawa-dalian.txt', import.meta.url), 'utf8');
    const words = Object.values(vocabulary).flatMap((v) => (Array.isArray(v) ? v.flat(3) : [])).filter((w): w is string => typeof w === 'string');
    const japanese = new Set(Array.from(sample + words.join('')));
    assert.ok(japanese.size > 500, `${japanese.size} characters`);
    // The sample's heading misprints 交流 as 交历 (a Chinese character): no Japanese writes 历.
    japanese.delete('历');
    for (const [simplified] of simplifiedPairs()) assert.ok(!japanese.has(simplified), simplified);
  });
});

describe('simplified characters of several Japanese forms', () => {
  it('reads the characters readers missed in their Japanese forms', () => {
    for (const [simplified, japanese] of [
      ['发展', '発展'],
      ['福冈', '福岡'],
      ['桥', '橋'],
      ['树', '樹'],
      ['师范', '師範'],
    ]) {
      assert.ok(japaneseFormsEach(simplified!).includes(japanese!), `${simplified} → ${japaneseFormsEach(simplified!).join(', ')}`);
    }
  });

  it('tries every form of a character that stands for several, the usual one first', () => {
    assert.deepEqual(japaneseFormsEach('发'), ['発', '髪']);
    assert.deepEqual(japaneseFormsEach('范'), ['范', '範'], '范 is a Japanese surname too');
    assert.deepEqual(japaneseFormsEach('头发'), ['頭発', '頭髪']);
    assert.deepEqual(japaneseFormsEach('大连'), ['大連']);
    assert.equal(japaneseFormsEach('发'.repeat(20)).length, MAX_FORM_READINGS);
  });

  it('covers the table generated from OpenCC: every entry’s readings include each of its forms, and its first is japaneseForms', () => {
    const forms = simplifiedForms();
    assert.ok(forms.length > 1500, `${forms.length} characters`);
    for (const [simplified, japanese] of forms) {
      const readings = japaneseFormsEach(simplified);
      assert.deepEqual(readings, [...japanese], simplified);
      assert.equal(readings[0], japaneseForms(simplified));
      // A Japanese form is never read as something else: reading the record's own text changes nothing.
      for (const j of japanese) if (j !== simplified) assert.deepEqual(japaneseFormsEach(j), [j], `${simplified} → ${j}`);
    }
  });

  it('leaves the kanji Japanese writes commonly (JIS level 1) as they are', () => {
    for (const c of '干里面台后谷系机叶准') assert.deepEqual(japaneseFormsEach(c), [c], c);
  });
});
