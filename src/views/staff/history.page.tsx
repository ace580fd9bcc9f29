import { diffFields, type FieldChange, type HistoryEntry, type ItemKind } from '../../domain/editing.js';
import { format } from '../i18n/messages.js';
import { fieldLabel, fieldValue, japanDateTime } from './field-labels.js';
import { mayEdit, mayTranslate } from './item-forms.js';
import { EDIT_NOTES } from './edit-notes.messages.js';
import { Layout } from '../layout.js';
import { ImportLogMessages } from './import-log.messages.js';
import { STAFF } from './staff.messages.js';
import { href, Notices, PostForm, type StaffView } from './staff-parts.js';


/** Fields an item keeps all its life (an event's partnership, a partnership's home): the page names them already. */
const FIXED_FIELDS: ReadonlySet<string> = new Set(['partnershipId', 'home']);

/**
 * What restoring an entry would do, or nothing when it would change nothing: the newest entry of a live item is
 * its current version, and a deletion other than the newest entry is followed by the version it removed, which
 * has its own button (an old deletion's restore would only bring back that version once more).
 */
function restoreOffer(e: HistoryEntry, newest: boolean): 'version' | 'undelete' | 'current' | undefined {
  // A change of order only (an update that changes no field): restoring its fields would change nothing.
  if (isMove(e)) return newest ? 'current' : undefined;
  if (e.after) return newest ? 'current' : 'version';
  return newest && e.before ? 'undelete' : undefined;
}

/** An entry of an event moved within its year: an update that changes no field and says where the event stands. */
const isMove = (e: HistoryEntry) => e.action === 'update' && e.place !== undefined && diffFields(e.before, e.after).length === 0;

/**
 * Every change of one item, newest first: who, when, what, the fields that changed; each earlier version can be
 * restored, and a deleted item brought back. `eventLabels` names the events a photo record was linked to.
 */
export function HistoryPage(props: { view: StaffView; kind: ItemKind; itemId: number; label: string; backPath: string; entries: (HistoryEntry & { changes: FieldChange[] })[]; eventLabels?: ReadonlyMap<number, string> }) {
  const { view } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const notes = EDIT_NOTES[ctx.locale];
  const title = format(t.historyOf, { item: props.label });
  // The item's version now, when it exists: a restore is made on it, and refused if someone changed it meanwhile.
  const newest = props.entries[0];
  const current = newest?.after ? newest.version : undefined;
  // A photo record's event by its year and text (`2006 夏市長が来訪… (#12)`), where it still exists.
  const shown = (field: string, value: unknown) => {
    const label = field === 'eventId' && typeof value === 'number' ? props.eventLabels?.get(value) : undefined;
    return label ?? fieldValue(ctx.locale, field, value);
  };
  // An undo of an import says so (取り消し), and an import's entry names its row of the import log.
  const l = ImportLogMessages[ctx.locale];
  const actionLabel = (e: HistoryEntry) =>
    e.undoes !== undefined ? format(l.undoOf, { id: e.undoes }) : e.importId !== undefined ? format(l.importOf, { id: e.importId }) : t[`${e.action}_`];
  // A photo as its thumbnail, as the record's form shows it, not its stored file name.
  const shownCell = (field: string, value: unknown) =>
    field === 'photo' && typeof value === 'string' && value !== '' ? <img src={`/photos/thumb/${value}`} alt={t.photo} class="thumb" /> : shown(field, value);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <p><a href={href(ctx, props.backPath)}>{t.back}</a></p>
        <h1>{title}</h1>
        <Notices view={view} />
        {props.entries.map((e, i) => {
          const offer = restoreOffer(e, i === 0);
          return (
          <section key={e.id} class="history-entry" aria-labelledby={`h-${e.id}`}>
            <h2 id={`h-${e.id}`}>
              {t.version} {e.version}: {actionLabel(e)} — {e.actor}, <time dateTime={e.at}>{japanDateTime(ctx.locale, e.at)}</time> {t.timeZoneNote}
            </h2>
            {isMove(e) ? <p>{notes.moved}</p> : (
            <table>
              <thead><tr><th scope="col">{t.field}</th><th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr></thead>
              <tbody>
                {e.changes.filter((c) => !FIXED_FIELDS.has(c.field) && shown(c.field, c.before) !== shown(c.field, c.after)).map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{fieldLabel(ctx.locale, c.field, props.kind)}</th>
                    <td><del>{shownCell(c.field, c.before)}</del></td>
                    <td><ins>{shownCell(c.field, c.after)}</ins></td>
                  </tr>
                ))}
              </tbody>
            </table>
            )}
            {offer === 'current' && <p class="hint">{t.currentVersion}</p>}
            {(offer === 'version' || offer === 'undelete') && mayEdit(view) && (
              <>
                <PostForm view={view} action={`/staff/history/${e.id}/restore`} class="inline" label={`${t.restoreThis} (${t.version} ${e.version})`}>
                  {current !== undefined && <input type="hidden" name="version" value={String(current)} />}
                  <button type="submit">{offer === 'version' ? t.restoreThis : t.restore}</button>
                </PostForm>
                {offer === 'version' && props.kind !== 'partnership' && <p class="hint">{notes.restoreKeepsTranslations}</p>}
              </>
            )}
            {offer === 'version' && props.kind !== 'partnership' && !mayEdit(view) && mayTranslate(view) && (
              <>
                <PostForm view={view} action={`/staff/history/${e.id}/restore`} class="inline" label={`${notes.restoreTranslations} (${t.version} ${e.version})`}>
                  {current !== undefined && <input type="hidden" name="version" value={String(current)} />}
                  <button type="submit">{notes.restoreTranslations}</button>
                </PostForm>
                <p class="hint">{notes.restoreTranslationsHint}</p>
              </>
            )}
          </section>
          );
        })}
      </div>
    </Layout>
  );
}
