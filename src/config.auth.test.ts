import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.js';
import { KoryuError } from './errors.js';

describe('configuration of staff sign-in', () => {
  it('defaults to no secret (a random one per start), no trusted proxy and 12-hour sessions', () => {
    const c = loadConfig({});
    assert.equal(c.secret, undefined);
    assert.equal(c.trustProxy, false);
    assert.equal(c.sessionHours, 12);
  });

  it('reads KORYU_SECRET, KORYU_TRUST_PROXY and KORYU_SESSION_HOURS', () => {
    const c = loadConfig({ KORYU_SECRET: 's'.repeat(32), KORYU_TRUST_PROXY: '127.0.0.1,10.0.0.0/8', KORYU_SESSION_HOURS: '8' });
    assert.equal(c.secret, 's'.repeat(32));
    assert.equal(c.trustProxy, '127.0.0.1,10.0.0.0/8');
    assert.equal(c.sessionHours, 8);
    assert.equal(loadConfig({ KORYU_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ KORYU_TRUST_PROXY: 'false' }).trustProxy, false);
  });

  it('reports a short secret and a bad session length together', () => {
    assert.throws(
      () => loadConfig({ KORYU_SECRET: 'short', KORYU_SESSION_HOURS: '0' }),
      (e: unknown) =>
        e instanceof KoryuError &&
        e.code === 'ConfigInvalid' &&
        e.message.includes('KORYU_SECRET must be at least 32 characters long.') &&
        e.message.includes('KORYU_SESSION_HOURS must be a whole number from 1 to 720'),
    );
  });
});
