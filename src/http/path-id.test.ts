import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathId } from './path-id.js';

describe('pathId', () => {
  it('reads digits without a leading zero', () => {
    assert.equal(pathId('1'), 1);
    assert.equal(pathId('1344'), 1344);
    assert.equal(pathId('999999999999999'), 999999999999999);
  });

  it('refuses every other spelling of a number', () => {
    for (const raw of [undefined, '', '0', '01', '007', '-1', '+1', '1.0', '1e3', '12abc', ' 1', '１', '1000000000000000']) {
      assert.ok(Number.isNaN(pathId(raw)), String(raw));
    }
  });
});
