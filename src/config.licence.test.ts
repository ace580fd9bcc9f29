import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';
import { KoryuError } from './errors.js';

describe('the licence and site URL settings', () => {
  it('defaults to CC BY 4.0 credited to the home municipality', () => {
    const { licence, siteUrl } = loadConfig({ KORYU_HOME: '富山市' });
    assert.equal(licence.id, 'CC-BY-4.0');
    assert.equal(licence.attribution, '富山市 国際交流の記録');
    assert.equal(siteUrl, undefined);
  });

  it('takes 公共データ利用規約 第1.0版, a credit line, and a site URL (a / is added)', () => {
    const config = loadConfig({ KORYU_LICENCE: 'PDL-1.0', KORYU_ATTRIBUTION: '金沢市国際交流課', KORYU_SITE_URL: 'https://www.example.jp/koryu' });
    assert.equal(config.licence.id, 'PDL-1.0');
    assert.match(config.licence.name, /公共データ利用規約 第1.0版/);
    assert.equal(config.licence.attribution, '金沢市国際交流課');
    assert.equal(config.siteUrl, 'https://www.example.jp/koryu/');
  });

  it('reports an unknown licence and a bad site URL together, as ConfigInvalid', () => {
    assert.throws(() => loadConfig({ KORYU_LICENCE: 'gpl', KORYU_SITE_URL: 'ftp://x' }), (e: unknown) => {
      assert.ok(e instanceof KoryuError && e.code === 'ConfigInvalid');
      assert.match(e.message, /KORYU_LICENCE must be one of cc-by-4.0, pdl-1.0/);
      assert.match(e.message, /KORYU_SITE_URL must be an http/);
      return true;
    });
  });
});
