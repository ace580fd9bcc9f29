import { sql, type Kysely, type Migration } from 'kysely';

/** The fields of exchange as they stood when this migration was written, each a bit: 1 << index. */
const FIELDS = ['education', 'culture', 'sports', 'economy', 'government', 'disaster', 'health', 'youth', 'academic'] as const;

/**
 * An event's fields of exchange as two columns of the event (`fields`, a bit per field, null when none are stored;
 * `fields_source`) in place of the event_fields table: an import writes no row per field, and on PostgreSQL no
 * foreign-key check per row (docs/performance.md). An editor's "no field" is 0.
 */
export function eventFields(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('events').addColumn('fields', 'integer').execute();
      await db.schema
        .alterTable('events')
        .addColumn('fields_source', 'text', (col) => col.check(sql`fields_source in ('suggested', 'editor')`))
        .execute();
      const bits = sql.join(FIELDS.map((field, i) => sql`when ${sql.lit(field)} then ${sql.lit(1 << i)}`), sql` `);
      const ofEvent = sql`from event_fields f where f.event_id = events.id`;
      // An event is the editor's when any of its rows is ('editor' sorts before 'suggested').
      await sql`update events set
          fields = (select sum(case f.field ${bits} else 0 end) ${ofEvent}),
          fields_source = (select min(f.source) ${ofEvent})
        where exists (select 1 ${ofEvent})`.execute(db);
      await db.schema.dropTable('event_fields').execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema
        .createTable('event_fields')
        .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
        .addColumn('field', 'text', (col) =>
          col.notNull().check(sql`field in ('education', 'culture', 'sports', 'economy', 'government', 'disaster', 'health', 'youth', 'academic', 'none')`),
        )
        .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('suggested', 'editor')`))
        .addPrimaryKeyConstraint('event_fields_pkey', ['event_id', 'field'])
        .execute();
      for (const [i, field] of FIELDS.entries()) {
        await sql`insert into event_fields (event_id, field, source)
          select id, ${field}, fields_source from events where fields is not null and (fields & ${sql.lit(1 << i)}) <> 0`.execute(db);
      }
      await sql`insert into event_fields (event_id, field, source) select id, 'none', fields_source from events where fields = 0`.execute(db);
      await db.schema.alterTable('events').dropColumn('fields_source').execute();
      await db.schema.alterTable('events').dropColumn('fields').execute();
    },
  };
}
