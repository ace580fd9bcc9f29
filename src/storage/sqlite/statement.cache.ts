import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many prepared statements are kept; the store's queries are a few hundred distinct texts at most. */
const KEEP_STATEMENTS = 256;
/** Longer texts (lists of placeholders that vary with the data) are prepared each time and not kept. */
const KEEP_UP_TO_CHARS = 4096;

/**
 * The database as Kysely's SQLite dialect sees it, keeping each query text's prepared statement for the next time
 * (Kysely prepares the text of every query it runs, and on a page served from the cache preparing the one query it
 * makes cost as much as running it). Least recently used statements are dropped beyond a bound. A statement still
 * being iterated (a streamed query) is not handed out twice: a second one is prepared for the time being.
 */
export function keepingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close() {
      statements.clear();
      database.close();
    },
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept !== undefined && !kept.busy) {
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      if (kept === undefined && sql.length <= KEEP_UP_TO_CHARS) {
        statements.set(sql, statement);
        if (statements.size > KEEP_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}

/** For tests: the bound on kept statements. */
export const STATEMENTS_KEPT = KEEP_STATEMENTS;
