import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negotiateLocale } from './locale.js';

describe('choosing the language from Accept-Language', () => {
  it('takes the first supported language by quality', () => {
    assert.equal(negotiateLocale('en-US,en;q=0.9,ja;q=0.8'), 'en');
    assert.equal(negotiateLocale('fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.5'), 'zh');
    assert.equal(negotiateLocale('ja;q=0.4,en;q=0.6'), 'en');
    assert.equal(negotiateLocale('zh-Hans-CN'), 'zh');
    assert.equal(negotiateLocale('zh-TW'), 'zh');
  });

  it('falls back to Japanese for no header, unsupported languages, refused ones and nonsense', () => {
    assert.equal(negotiateLocale(undefined), 'ja');
    assert.equal(negotiateLocale('fr-FR,de;q=0.5'), 'ja');
    assert.equal(negotiateLocale('en;q=0'), 'ja');
    assert.equal(negotiateLocale(';;,,q=x'), 'ja');
    assert.equal(negotiateLocale('*'), 'ja');
  });
});
