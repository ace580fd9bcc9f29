import type { FieldChange, HistoryEntry, ItemKind } from '../../domain/editing.js';
import { format } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { STAFF } from './staff.messages.js';
import { href, Notices, PostForm, type StaffView } from './staff-parts.js';

const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

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
              {t.version} {e.version}: {t[`${e.action}_`]} — {e.actor}, <time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')}</time>
            </h2>
            <table>
              <thead><tr><th scope="col">{t.field}</th><th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr></thead>
              <tbody>
                {e.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{c.field}</th>
                    <td><del>{show(c.before)}</del></td>
                    <td><ins>{show(c.after)}</ins></td>
                  </tr>
                ))}
              </tbody>
            </table>
            {(e.after ?? e.before) && (
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
