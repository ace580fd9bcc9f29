import BetterSqlite3 from 'better-sqlite3';
import { orderTables, type TableDump } from '../backup.repository.js';

/**
 * Copies the SQLite database at `source` to `target` with SQLite's online backup (better-sqlite3's db.backup()):
 * consistent while other processes read and write it, and including what is still in its WAL file.
 */
export async function backupSqliteFile(source: string, target: string): Promise<void> {
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}

/** Every row of every application table of a SQLite file (a backup), as replaceTables takes them. */
export function readSqliteTables(path: string): TableDump {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the database file is damaged (${String(check)})`);
    const names = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const dump: TableDump = {};
    for (const table of orderTables(names)) dump[table] = db.prepare(`select * from "${table.replace(/"/g, '""')}" order by 1`).all() as Record<string, unknown>[];
    return dump;
  } finally {
    db.close();
  }
}
