import type { Kysely, Migration } from 'kysely';

/** An index of the photo records by photo: every request for a photo asks whether a published record shows it. */
export function photoIndex(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('photo_records_photo_idx').on('photo_records').column('photo').execute();
    },

    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('photo_records_photo_idx').execute();
    },
  };
}
