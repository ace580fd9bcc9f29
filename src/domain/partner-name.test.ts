import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probablySamePlace, similarPartnerNames } from './partner-name.js';

describe('partner names that probably name the same place', () => {
  it('sets aside a final administrative word, widths, spaces, case and a bracketed note', () => {
    for (const [a, b] of [
      ['大連', '大連市'],
      ['大連市（中国）', '大連市'],
      ['ナンシー', 'ナンシー市'],
      ['ﾅﾝｼｰ市', 'ナンシー市'],
      ['蘇州 市', '蘇州市'],
      ['Ghent', 'ghent city'],
      ['City of Buffalo', 'Buffalo'],
      ['ソウル特別市', 'ソウル'],
      ['ポルト・アレグレ市', 'ポルトアレグレ市'],
    ]) {
      assert.equal(probablySamePlace(a!, b!), true, `${a} ~ ${b}`);
      assert.equal(probablySamePlace(b!, a!), true, `${b} ~ ${a}`);
    }
  });

  it('does not take different places, or the same name written the same, as a probable duplicate', () => {
    for (const [a, b] of [
      ['大連市', '大連市'],
      ['大連市', '大同市'],
      ['市', '市'],
      ['蘇州市', '杭州市'],
      ['ハノイ市', 'ハノイ'.slice(0, 2)],
    ]) {
      assert.equal(probablySamePlace(a!, b!), false, `${a} !~ ${b}`);
    }
    // A name that is only an ending keeps it: 市 is not the empty name.
    assert.equal(probablySamePlace('市', '区'), false);
  });

  it('lists the stored names a new name probably duplicates', () => {
    assert.deepEqual(similarPartnerNames('大連', ['ゲント市', '大連市', '大連市（遼寧省）']), ['大連市', '大連市（遼寧省）']);
    assert.deepEqual(similarPartnerNames('大連市', ['大連市']), []);
  });
});
