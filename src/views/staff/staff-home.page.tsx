import type { EditableItem, HistoryEntry } from '../../domain/editing.js';
import { Layout } from '../layout.js';
import { format } from '../i18n/messages.js';
import { japanDateTime } from './field-labels.js';
import { EDIT_NOTES } from './edit-notes.messages.js';
import { STAFF } from './staff.messages.js';
import { mayEdit } from './item-forms.js';
import { Field, href, Notices, PostForm, StatusSelect, statusLabel, typed, type StaffView } from './staff-parts.js';

const KIND_PATH = { partnership: 'partnerships', event: 'events', record: 'records' } as const;

/** The staff area's start: every partnership (drafts too), a form for a new one, the import, deleted items. */
export function StaffHomePage(props: { view: StaffView; partnerships: EditableItem<'partnership'>[]; deleted: HistoryEntry[] }) {
  const { view } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const partners = new Map(props.partnerships.map((p) => [p.id, p.partner]));
  return (
    <Layout ctx={ctx} title={t.staff}>
      <div class="staff">
        <h1>{t.staff}</h1>
        <Notices view={view} />
        <p>
          {mayEdit(view) && <a href={href(ctx, '/staff/import')}>{t.import}</a>}
        </p>
        <h2>{t.partnerships}</h2>
        <table>
          <thead>
            <tr><th scope="col">{t.partner}</th><th scope="col">{t.kind}</th><th scope="col">{t.status}</th><th scope="col">{t.version}</th></tr>
          </thead>
          <tbody>
            {props.partnerships.map((p) => (
              <tr key={p.id}>
                <td><a href={href(ctx, `/staff/partnerships/${p.id}`)}>{p.home}–{p.partner}</a></td>
                <td>{p.kind}</td>
                <td>{statusLabel(ctx, p.status)}</td>
                <td>{p.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {mayEdit(view) && (
          <>
            <h2 id="new-partnership">{t.newPartnership}</h2>
            <PostForm view={view} action="/staff/partnerships" label={t.newPartnership} keep="new-partnership">
              <Field id="np-partner" label={t.partner}><input id="np-partner" name="partner" required value={typed(view, 'np', 'partner', '')} /></Field>
              <Field id="np-kind" label={t.kind}><input id="np-kind" name="kind" required value={typed(view, 'np', 'kind', '')} /></Field>
              <Field id="np-aff" label={t.affiliatedOn} hint={EDIT_NOTES[ctx.locale].affiliatedOnHint}><input id="np-aff" name="affiliatedOn" value={typed(view, 'np', 'affiliatedOn', '')} aria-describedby="np-aff-hint" /></Field>
              <StatusSelect ctx={ctx} id="np-status" value="draft" />
              <button type="submit">{t.create}</button>
            </PostForm>
          </>
        )}
        <h2>{t.deletedItems}</h2>
        {props.deleted.length === 0 ? (
          <p>{t.noDeleted}</p>
        ) : (
          <ul class="deleted">
            {props.deleted.map((d) => {
              const label = d.kind === 'partnership' ? t.partnershipItem : d.kind === 'event' ? t.eventItem : t.recordItem;
              const what = (d.before as { text?: string; caption?: string; partner?: string; year?: number } | null) ?? {};
              // An event or record is named with its partnership and year: several partnerships have a 「市長が訪問」.
              const partner = d.kind === 'partnership' ? undefined : partners.get(d.partnershipId);
              const where = [partner, what.year === undefined ? undefined : `${what.year}${ctx.locale === 'en' ? '' : '年'}`].filter((x) => x !== undefined).join(' ');
              return (
                <li key={d.id}>
                  {label}: {where && <span class="deleted-where">{format(EDIT_NOTES[ctx.locale].deletedWhere, { where })}</span>}
                  {what.text ?? what.caption ?? what.partner} ({d.actor}, {japanDateTime(ctx.locale, d.at)} {t.timeZoneNote}
                  {d.importId !== undefined && <>, {format(EDIT_NOTES[ctx.locale].deletedByImport, { n: d.importId })}</>}){' '}
                  <span class="deleted-actions">
                    <a href={href(ctx, `/staff/${KIND_PATH[d.kind]}/${d.itemId}/history`)}>{t.history}</a>
                    {mayEdit(view) && (
                      <PostForm view={view} action={`/staff/history/${d.id}/restore`} class="inline" label={`${t.restore}: ${what.text ?? what.caption ?? what.partner ?? ''}`}>
                        <button type="submit">{t.restore}</button>
                      </PostForm>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </Layout>
  );
}
