import type { Kysely } from 'kysely';
import { suggestFields } from '../domain/exchange-field.js';
import type { Partnership } from '../domain/partnership.js';
import { proposePhotoLinks } from '../domain/photo-link.js';
import type { Database } from '../storage/database.js';
import type { NewPartnership } from '../storage/partnership.bulk.js';
import { findPartnershipEventFields, findPhotoLinks, saveEventFields, savePhotoLink, type StoredPhotoLink } from '../storage/knowledge.repository.js';
import { findPartnerships } from '../storage/partnership.repository.js';

/** A partnership ready to be saved: its records linked, with the confidence of each link in record order. */
export interface LinkedPartnership {
  partnership: Partnership;
  links: StoredPhotoLink[];
}

/**
 * Links the records of a parsed partnership before it is saved: links an editor confirmed for the same caption
 * stay (when their event is still there), links the document gives stay, and every other record gets the event
 * Koryu proposes for it, if any.
 */
export async function linkBeforeSave(trx: Kysely<Database>, p: Partnership): Promise<LinkedPartnership> {
  const { partnership, links } = linkProposed(p);
  const records = [...partnership.records];
  const [stored] = await findPartnerships(trx, { home: p.home, partner: p.partner, asImported: true });
  if (stored) {
    const confirmed = await findPhotoLinks(trx, stored.records.map((r) => r.id));
    stored.records.forEach((old) => {
      if (!confirmed.get(old.id)?.confirmed) return;
      const i = p.records.findIndex((r) => r.year === old.year && r.caption === old.caption);
      if (i < 0) return;
      const oldEvent = old.event === null ? undefined : stored.events[old.event];
      const event = oldEvent
        ? p.events.findIndex((e) => e.year === oldEvent.year && e.direction === oldEvent.direction && e.text === oldEvent.text && e.date === oldEvent.date)
        : -1;
      if (oldEvent && event < 0) return; // the event the editor chose is gone: propose again
      records[i] = { ...records[i]!, event: event < 0 ? null : event };
      links[i] = { confidence: 1, confirmed: true };
    });
  }
  return { partnership: { ...p, records }, links };
}

/** The links Koryu proposes for a partnership that is not stored yet (no editor has confirmed any). */
export function linkProposed(p: Partnership): LinkedPartnership {
  const proposals = proposePhotoLinks(p);
  const links: StoredPhotoLink[] = proposals.map((l) => ({ confidence: l.event === null ? 0 : l.confidence, confirmed: false }));
  const records = p.records.map((r, i) => ({ ...r, event: proposals[i]?.event ?? null }));
  return { partnership: { ...p, records }, links };
}

/** A new partnership ready for the bulk insert: its links proposed and each event's fields suggested. */
export function prepareNewPartnership(p: Partnership, source: string): NewPartnership {
  const linked = linkProposed(p);
  return { ...linked, source, fields: linked.partnership.events.map((e) => suggestFields(e.text)) };
}

/**
 * After a save: stores the confidence of each record's link, and the suggested fields of every event no editor has
 * set. The saved partnership's published records are the document's, in its order, a draft partnership's too; an
 * editor's draft records are no document's and are left out.
 */
export async function recordKnowledgeAfterSave(trx: Kysely<Database>, linked: LinkedPartnership): Promise<void> {
  const { home, partner } = linked.partnership;
  const [saved] = await findPartnerships(trx, { home, partner, asImported: true });
  for (const [i, record] of (saved?.records ?? []).entries()) {
    const link = linked.links[i];
    if (link) await savePhotoLink(trx, record.id, link);
  }
  // Every event's suggestion follows its text, drafts and a draft partnership's events too: the import may have
  // changed their texts, and a suggestion of none is stored as one (0) that readers do not suggest again.
  for (const { id, text, stored } of await findPartnershipEventFields(trx, home, partner)) {
    if (stored?.source === 'editor') continue;
    const suggested = suggestFields(text);
    // The same suggestion again (a re-import) is already stored: rewriting it would change nothing.
    if (stored && sameFields(stored.fields, suggested)) continue;
    await saveEventFields(trx, id, suggested, 'suggested');
  }
}

function sameFields(stored: readonly string[], suggested: readonly string[]): boolean {
  const a = [...new Set(stored)].sort();
  const b = [...new Set(suggested)].sort();
  return a.length === b.length && a.every((f, i) => f === b[i]);
}
