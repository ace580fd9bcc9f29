import type { FieldChange, HistoryEntry, ItemKind } from '../../domain/editing.js';
import { format } from '../i18n/messages.js';
import { fieldLabel, fieldValue, japanTime } from './field-labels.js';
import { mayEdit } from './item-forms.js';
import { Layout } from '../layout.js';
import { STAFF } from './staff.messages.js';
import { href, Notices, PostForm, type StaffView } from './staff-parts.js';


/** Fields an item keeps all its life (an event's partnership, a partnership's home): the page names them already. */
const FIXED_FIELDS: ReadonlySet<string> = new Set(['partnershipId', 'home']);

/** Every change of one item, newest first: who, when, what, the fields that changed; each version can be restored. */
export function HistoryPage(props: { view: StaffView; kind: ItemKind; itemId: number; label: string; backPath: string; entries: (HistoryEntry & { changes: FieldChange[] })[] }) {
  const { view } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const title = format(t.historyOf, { item: props.label });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <p><a href={href(ctx, props.backPath)}>{t.back}</a></p>
        <h1>{title}</h1>
        <Notices view={view} />
        {props.entries.map((e) => (
          <section key={e.id} class="history-entry" aria-labelledby={`h-${e.id}`}>
            <h2 id={`h-${e.id}`}>
              {t.version} {e.version}: {t[`${e.action}_`]} — {e.actor}, <time dateTime={e.at}>{japanTime(e.at)}</time> {t.timeZoneNote}
            </h2>
            <table>
              <thead><tr><th scope="col">{t.field}</th><th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr></thead>
              <tbody>
                {e.changes.filter((c) => !FIXED_FIELDS.has(c.field)).map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{fieldLabel(ctx.locale, c.field, props.kind)}</th>
                    <td><del>{fieldValue(ctx.locale, c.field, c.before)}</del></td>
                    <td><ins>{fieldValue(ctx.locale, c.field, c.after)}</ins></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(e.after ?? e.before) && mayEdit(view) && (
              <PostForm view={view} action={`/staff/history/${e.id}/restore`} class="inline" label={`${t.restoreThis} (${t.version} ${e.version})`}>
                <button type="submit">{e.after ? t.restoreThis : t.restore}</button>
              </PostForm>
            )}
          </section>
        ))}
      </div>
    </Layout>
  );
}
