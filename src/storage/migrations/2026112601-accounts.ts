import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { StoreCapabilities } from '../database.js';

/**
 * Staff accounts, their sessions, and failed sign-ins (for the per-account and per-address limits).
 * A session row holds the SHA-256 of the cookie's value, never the value itself; the password column holds an
 * scrypt hash with its salt and parameters.
 */
export function accounts(capabilities: StoreCapabilities): Migration {
  const id = (col: ColumnDefinitionBuilder) =>
    capabilities.idGeneration === 'identity' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const ordered = (col: ColumnDefinitionBuilder) =>
    (capabilities.textCollation === null ? col : col.modifyFront(sql`collate ${sql.raw(capabilities.textCollation)}`)).notNull();

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'integer', id)
        .addColumn('name', 'text', (col) => ordered(col).unique())
        .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'editor', 'translator', 'viewer')`))
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();

      await db.schema
        .createTable('login_failures')
        .addColumn('id', 'integer', id)
        .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('account', 'address')`))
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('failed_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('login_failures_key_idx').on('login_failures').columns(['scope', 'key', 'failed_at']).execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('login_failures').execute();
      await db.schema.dropTable('sessions').execute();
      await db.schema.dropTable('accounts').execute();
    },
  };
}
