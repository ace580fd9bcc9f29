import type { Kysely } from 'kysely';
import type { EditableItem } from '../domain/editing.js';
import type { Partnership } from '../domain/partnership.js';
import type { Database } from '../storage/database.js';
import { findItem } from '../storage/editing.repository.js';
import { insertHistory } from '../storage/history.repository.js';
import { fieldsOf } from './editing.service.js';

export async function findPartnershipItem(db: Kysely<Database>, home: string, partner: string): Promise<EditableItem<'partnership'> | undefined> {
  const row = await db.selectFrom('partnerships').select('id').where('home', '=', home).where('partner', '=', partner).executeTakeFirst();
  return row ? findItem(db, 'partnership', row.id) : undefined;
}

/**
 * Notes an import that changed a partnership in its history (action `import`), with the partnership's own fields
 * before and after. Events and records an import changes are described by the import's summary, not item by item.
 */
export async function recordImportHistory(db: Kysely<Database>, before: EditableItem<'partnership'> | undefined, p: Partnership, actor: string): Promise<void> {
  const after = await findPartnershipItem(db, p.home, p.partner);
  if (!after) return;
  await insertHistory(db, {
    kind: 'partnership',
    itemId: after.id,
    partnershipId: after.id,
    version: after.version,
    action: 'import',
    actor,
    at: new Date().toISOString(),
    before: before ? fieldsOf('partnership', before) : null,
    after: fieldsOf('partnership', after),
  });
}
