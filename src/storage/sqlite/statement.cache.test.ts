import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { keepingStatements, STATEMENTS_KEPT } from './statement.cache.js';

/** An in-memory database whose prepare calls are counted by query text. */
function counted() {
  const database = new BetterSqlite3(':memory:');
  const prepared = new Map<string, number>();
  const prepare = database.prepare.bind(database);
  database.prepare = ((sql: string) => {
    prepared.set(sql, (prepared.get(sql) ?? 0) + 1);
    return prepare(sql);
  }) as typeof database.prepare;
  database.exec('create table t (id integer primary key, name text)');
  database.exec("insert into t (name) values ('a'), ('b'), ('c')");
  return { database, prepared, kept: keepingStatements(database) };
}

describe('kept SQLite statements', () => {
  it('prepares a query text once and gives the same statement again', () => {
    const { prepared, kept } = counted();
    const sql = 'select name from t where id = ?';
    const first = kept.prepare(sql);
    assert.deepEqual(first.all([2]), [{ name: 'b' }]);
    const second = kept.prepare(sql);
    assert.equal(second, first);
    assert.deepEqual(second.all([3]), [{ name: 'c' }]);
    assert.equal(prepared.get(sql), 1);
  });

  it('prepares a second statement while the kept one is being iterated', () => {
    const { kept } = counted();
    const sql = 'select id from t order by id';
    const outer = kept.prepare(sql);
    const pairs: string[] = [];
    for (const row of outer.iterate([]) as Iterable<{ id: number }>) {
      const inner = kept.prepare(sql);
      assert.notEqual(inner, outer, 'a busy statement is not handed out');
      pairs.push(`${row.id}:${(inner.all([]) as { id: number }[]).map((r) => r.id).join('')}`);
    }
    assert.deepEqual(pairs, ['1:123', '2:123', '3:123']);
    assert.equal(kept.prepare(sql), outer, 'the kept statement once it is free again');
  });

  it('keeps a bounded number of statements, dropping the least recently used', () => {
    const { prepared, kept } = counted();
    const texts = Array.from({ length: STATEMENTS_KEPT + 1 }, (_, i) => `select ${i} as n`);
    kept.prepare(texts[0]!);
    kept.prepare(texts[1]!);
    kept.prepare(texts[0]!); // used again: now the second is the least recently used
    for (const sql of texts.slice(2)) kept.prepare(sql); // one more than the bound
    kept.prepare(texts[0]!);
    kept.prepare(texts[1]!);
    assert.equal(prepared.get(texts[0]!), 1, 'the one used again was kept');
    assert.equal(prepared.get(texts[1]!), 2, 'the least recently used was dropped');
  });

  it('does not keep long query texts', () => {
    const { prepared, kept } = counted();
    const sql = `select id from t where id in (${Array.from({ length: 2000 }, () => '?').join(', ')})`;
    const ids = Array.from({ length: 2000 }, (_, i) => i);
    assert.equal(kept.prepare(sql).all(ids).length, 3);
    assert.equal(kept.prepare(sql).all(ids).length, 3);
    assert.equal(prepared.get(sql), 2);
  });

  it('reads a changed table through a statement kept from before the change', () => {
    const { database, kept } = counted();
    const sql = 'select * from t where id = ?';
    assert.deepEqual(kept.prepare(sql).all([1]), [{ id: 1, name: 'a' }]);
    database.exec("alter table t add column note text default 'x'");
    assert.deepEqual(kept.prepare(sql).all([1]), [{ id: 1, name: 'a', note: 'x' }]);
  });

  it('closes the database', () => {
    const { database, kept } = counted();
    kept.prepare('select 1');
    kept.close();
    assert.equal(database.open, false);
  });
});
