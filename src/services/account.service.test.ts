import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeOnEachStore } from '../../test/support/test-stores.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import { countSessionsOfAccount } from '../storage/session.repository.js';
import { addAccount, changePassword, listAccounts, removeAccount } from './account.service.js';
import { hashPassword, verifyPassword, generatePassword } from './password.hasher.js';
import { authenticate, login, logout } from './session.service.js';

const FAST = { scrypt: { N: 1024, r: 8, p: 1 } };
const PASSWORD = 'correct horse battery';

const rejects = (code: string) => (error: unknown) => error instanceof KoryuError && error.code === code;

describe('password hasher', () => {
  it('stores scrypt parameters, salt and hash, never the password, and verifies only the right password', async () => {
    const stored = await hashPassword(PASSWORD, FAST.scrypt);
    assert.match(stored, /^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.ok(!stored.includes(PASSWORD));
    assert.equal(await verifyPassword(PASSWORD, stored), true);
    assert.equal(await verifyPassword('correct horse battery ', stored), false);
    assert.notEqual(await hashPassword(PASSWORD, FAST.scrypt), stored, 'a fresh salt each time');
  });

  it('matches nothing against a malformed or tampered hash', async () => {
    const stored = await hashPassword(PASSWORD, FAST.scrypt);
    for (const bad of ['', 'plain', stored.replace('scrypt', 'bcrypt'), stored.replace('$1024$', '$0$'), stored.slice(0, -2), `${stored}$x`]) {
      assert.equal(await verifyPassword(PASSWORD, bad), false, bad);
    }
  });

  it('generates 20-character passwords without look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      assert.match(p, /^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
      seen.add(p);
    }
    assert.equal(seen.size, 50);
  });
});

describeOnEachStore('accounts and sessions', (openFresh) => {
  let store: Store;
  let clock = new Date('2026-11-26T09:00:00Z');
  const now = () => clock;
  before(async () => {
    store = await openFresh();
  });
  after(() => store?.close());

  it('adds accounts with a role and lists them by name, without password hashes', async () => {
    await addAccount(store, { name: 'tanaka', role: 'editor', password: PASSWORD }, { ...FAST, now });
    await addAccount(store, { name: 'ｓａｔｏ', role: 'viewer', password: PASSWORD }, FAST);
    const list = await listAccounts(store);
    assert.deepEqual(list.map((a) => [a.name, a.role]), [['sato', 'viewer'], ['tanaka', 'editor']]);
    assert.ok(list.every((a) => !('passwordHash' in a)));
  });

  it('refuses a taken name, an unknown role, a bad name and a short password, and adds nothing', async () => {
    await assert.rejects(addAccount(store, { name: 'tanaka', role: 'admin', password: PASSWORD }, FAST), rejects('AccountExists'));
    await assert.rejects(addAccount(store, { name: 'suzuki', role: 'owner', password: PASSWORD }, FAST), rejects('AccountInvalid'));
    await assert.rejects(addAccount(store, { name: 'bad name', role: 'viewer', password: PASSWORD }, FAST), rejects('AccountInvalid'));
    await assert.rejects(addAccount(store, { name: 'suzuki', role: 'viewer', password: 'short' }, FAST), rejects('AccountInvalid'));
    assert.deepEqual((await listAccounts(store)).map((a) => a.name), ['sato', 'tanaka']);
  });

  it('signs in with the right password, giving a session that names the account and its role', async () => {
    const result = await login(store, { name: 'tanaka', password: PASSWORD, address: '192.0.2.1' }, { now });
    assert.ok(result.ok);
    assert.match(result.token, /^[\w-]{43}$/);
    assert.deepEqual(await authenticate(store, result.token, { now }), { id: result.user.id, name: 'tanaka', role: 'editor' });
    assert.equal(result.expiresAt.toISOString(), '2026-11-26T21:00:00.000Z');
    const row = await store.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, result.token, 'the store keeps a hash of the token');
    assert.match(row.token_hash, /^[0-9a-f]{64}$/);
  });

  it('gives each sign-in a new session id', async () => {
    const a = await login(store, { name: 'tanaka', password: PASSWORD, address: '192.0.2.1' }, { now });
    const b = await login(store, { name: 'tanaka', password: PASSWORD, address: '192.0.2.1' }, { now });
    assert.ok(a.ok && b.ok);
    assert.notEqual(a.token, b.token);
  });

  it('refuses a wrong password and an unknown name alike', async () => {
    assert.deepEqual(await login(store, { name: 'tanaka', password: 'wrong password!', address: '192.0.2.1' }, { now }), { ok: false, reason: 'invalid' });
    assert.deepEqual(await login(store, { name: 'nobody', password: PASSWORD, address: '192.0.2.1' }, { now }), { ok: false, reason: 'invalid' });
  });

  it('knows no session for a malformed, unknown or expired token, nor after logout', async () => {
    assert.equal(await authenticate(store, undefined), null);
    assert.equal(await authenticate(store, 'x'), null);
    assert.equal(await authenticate(store, 'A'.repeat(43)), null);
    const r = await login(store, { name: 'sato', password: PASSWORD, address: '192.0.2.1' }, { now, sessionHours: 1 });
    assert.ok(r.ok);
    assert.ok(await authenticate(store, r.token, { now }));
    assert.equal(await authenticate(store, r.token, { now: () => new Date(clock.getTime() + 3_600_000) }), null, 'expired');
    const s = await login(store, { name: 'sato', password: PASSWORD, address: '192.0.2.1' }, { now });
    assert.ok(s.ok);
    await logout(store, s.token);
    assert.equal(await authenticate(store, s.token, { now }), null);
  });

  it('limits failures per account: the fifth failure locks the name for 15 minutes, even with the right password', async () => {
    await addAccount(store, { name: 'yamada', role: 'translator', password: PASSWORD }, FAST);
    const attempt = (password: string, address: string) => login(store, { name: 'yamada', password, address }, { now });
    for (let i = 1; i <= 4; i++) assert.deepEqual(await attempt('wrong password!', `198.51.100.${i}`), { ok: false, reason: 'invalid' }, `attempt ${i}`);
    assert.deepEqual(await attempt('wrong password!', '198.51.100.5'), { ok: false, reason: 'throttled', retryAfterSeconds: 900 });
    assert.deepEqual(await attempt(PASSWORD, '198.51.100.6'), { ok: false, reason: 'throttled', retryAfterSeconds: 900 });
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    const later = await attempt(PASSWORD, '198.51.100.6');
    assert.ok(later.ok, 'allowed again once the failures leave the window');
    assert.ok((await login(store, { name: 'tanaka', password: PASSWORD, address: '198.51.100.5' }, { now })).ok, 'other accounts were never locked');
  });

  it('limits failures per address across names', async () => {
    const limits = { windowMinutes: 10, perAccount: 100, perAddress: 3 };
    const from = (name: string, password: string, address: string) => login(store, { name, password, address }, { now, limits });
    assert.equal((await from('a1', 'wrong password!', '203.0.113.9')).ok, false);
    assert.equal((await from('a2', 'wrong password!', '203.0.113.9')).ok, false);
    assert.deepEqual(await from('a3', 'wrong password!', '203.0.113.9'), { ok: false, reason: 'throttled', retryAfterSeconds: 600 });
    assert.deepEqual(await from('tanaka', PASSWORD, '203.0.113.9'), { ok: false, reason: 'throttled', retryAfterSeconds: 600 });
    assert.ok((await from('tanaka', PASSWORD, '203.0.113.10')).ok, 'another address is not limited');
  });

  it('ends every session of an account when its password changes, and the new password works', async () => {
    const r = await login(store, { name: 'tanaka', password: PASSWORD, address: '192.0.2.7' }, { now });
    assert.ok(r.ok);
    await changePassword(store, 'tanaka', 'a new long password', FAST);
    assert.equal(await countSessionsOfAccount(store.db, r.user.id), 0);
    assert.equal(await authenticate(store, r.token, { now }), null);
    assert.deepEqual(await login(store, { name: 'tanaka', password: PASSWORD, address: '192.0.2.7' }, { now }), { ok: false, reason: 'invalid' });
    assert.ok((await login(store, { name: 'tanaka', password: 'a new long password', address: '192.0.2.7' }, { now })).ok);
    await assert.rejects(changePassword(store, 'nobody', 'a new long password', FAST), rejects('AccountNotFound'));
    await assert.rejects(changePassword(store, 'tanaka', 'short', FAST), rejects('AccountInvalid'));
  });

  it('removes an account with its sessions', async () => {
    const r = await login(store, { name: 'sato', password: PASSWORD, address: '192.0.2.8' }, { now });
    assert.ok(r.ok);
    await removeAccount(store, 'sato');
    assert.equal(await authenticate(store, r.token, { now }), null);
    assert.deepEqual((await listAccounts(store)).map((a) => a.name), ['tanaka', 'yamada']);
    await assert.rejects(removeAccount(store, 'sato'), rejects('AccountNotFound'));
  });
});
