import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeAccountName, passwordProblem, ROLES } from './account.js';
import { ACTIONS, can, isAction, type Action } from './policies.js';

describe('can (the policies)', () => {
  it('gives anonymous visitors no staff action', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      assert.equal(can(null, action), false, action);
      assert.equal(can(undefined, action), false, action);
    }
  });

  it('gives each role exactly its actions', () => {
    const expected: Record<Action, string[]> = {
      'staff:enter': ['admin', 'editor', 'translator', 'viewer'],
      'draft:read': ['admin', 'editor', 'translator', 'viewer'],
      'translation:edit': ['admin', 'editor', 'translator'],
      'record:edit': ['admin', 'editor'],
      'account:manage': ['admin'],
      'settings:manage': ['admin'],
    };
    for (const [action, roles] of Object.entries(expected) as [Action, string[]][]) {
      assert.deepEqual(ROLES.filter((role) => can({ role }, action)), roles, action);
    }
  });

  it('knows its actions and nothing else', () => {
    assert.equal(isAction('record:edit'), true);
    assert.equal(isAction('toString'), false);
    assert.equal(isAction('record:delete'), false);
  });
});

describe('account names and passwords', () => {
  it('keeps letters, digits, dot, underscore and hyphen, after NFKC', () => {
    assert.equal(normalizeAccountName(' tanaka.k '), 'tanaka.k');
    assert.equal(normalizeAccountName('ｔａｎａｋａ'), 'tanaka');
    assert.equal(normalizeAccountName('田中_1'), '田中_1');
  });

  it('refuses empty, spaced, punctuation-led and over-long names', () => {
    for (const bad of ['', '   ', 'tanaka k', '-tanaka', '.x', 'a/b', '<script>', 'x'.repeat(65)]) {
      assert.equal(normalizeAccountName(bad), null, JSON.stringify(bad));
    }
    assert.equal(normalizeAccountName('x'.repeat(64)), 'x'.repeat(64));
  });

  it('wants passwords of 12 to 1024 characters, counted as characters', () => {
    assert.equal(passwordProblem('short'), 'tooShort');
    assert.equal(passwordProblem('パスワード十一文字ある'), 'tooShort');
    assert.equal(passwordProblem('パスワードは十二文字ある'), null);
    assert.equal(passwordProblem('x'.repeat(1025)), 'tooLong');
  });
});
