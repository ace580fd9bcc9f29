import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LICENCE_PRESETS, licenceIn } from './licence.js';

const KANA = /[\u3040-\u30ff]/;

describe('a licence as a reader of each language is shown it', () => {
  for (const [key, licence] of Object.entries(LICENCE_PRESETS)) {
    it(`${key}: its Japanese name and deed in ja, a name without kana and another deed in en and zh`, () => {
      assert.deepEqual(licenceIn(licence, 'ja'), { name: licence.name, url: licence.url, lang: 'ja' });
      for (const language of ['en', 'zh']) {
        const terms = licenceIn(licence, language);
        assert.doesNotMatch(terms.name, KANA, `${language}: ${terms.name}`);
        assert.notEqual(terms.url, licence.url, `${language}: the deed in Japanese`);
        assert.match(terms.url, /^https:\/\//);
        assert.ok(terms.name.includes(licence.name.match(/\(([^)]+)\)$/)![1]!), `${language}: ${terms.name} keeps the short name`);
      }
    });
  }

  it('shows CC BY 4.0 with the deed of the reader\'s language', () => {
    const cc = LICENCE_PRESETS['cc-by-4.0']!;
    assert.equal(licenceIn(cc, 'en').url, 'https://creativecommons.org/licenses/by/4.0/deed.en');
    assert.equal(licenceIn(cc, 'zh').url, 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans');
    assert.equal(licenceIn(cc, 'fr').url, cc.url, 'another language: the Japanese');
  });
});
