import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { guardFormula, unguardFormula } from './formula-guard.js';

describe('the CSV formula guard', () => {
  it('writes a text beginning with = + - @, a tab or a carriage return after an apostrophe', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+81 76', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(guardFormula(text), `'${text}`);
    for (const text of ['市長が訪問', '2006-11-24', "'quoted'", '', 'a=b', '—', '＝全角']) assert.equal(guardFormula(text), text);
    assert.equal(guardFormula("'=x"), "''=x", 'an apostrophe the text has is kept');
  });

  it('reads every text back as it was', () => {
    const text = fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '市', ' '), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (t) => assert.equal(unguardFormula(guardFormula(t)), t)), { numRuns: 5000 });
    assert.equal(unguardFormula("'quoted'"), "'quoted'");
  });
});
