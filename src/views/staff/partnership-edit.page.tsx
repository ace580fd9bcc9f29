import type { EditableItem } from '../../domain/editing.js';
import { ImportLogMessages } from './import-log.messages.js';
import { COMMON } from '../i18n/common.messages.js';
import { Layout } from '../layout.js';
import { DeleteForm, EventFormFields, mayEdit, ReadOnlyNote, RecordFormFields } from './item-forms.js';
import { STAFF } from './staff.messages.js';
import { EDIT_NOTES } from './edit-notes.messages.js';
import { eraLabel } from '../../domain/era.js';
import { canMoveWithinYear } from '../../domain/event-order.js';
import { format } from '../i18n/messages.js';
import { Field, href, Notices, PostForm, StatusSelect, statusLabel, typed, type StaffView } from './staff-parts.js';

/** A partnership's own fields and years, its events and records (drafts too), and forms to add to them. */
export function PartnershipEditPage(props: {
  view: StaffView;
  partnership: EditableItem<'partnership'>;
  form: EditableItem<'partnership'>;
  events: EditableItem<'event'>[];
  records: EditableItem<'record'>[];
  maxPhotoMb: number;
}) {
  const { view, partnership: p, form } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const c = COMMON[ctx.locale];
  const notes = EDIT_NOTES[ctx.locale];
  const path = `/staff/partnerships/${p.id}`;
  const nextYear = new Date().getFullYear();
  return (
    <Layout ctx={ctx} title={`${p.home}–${p.partner}`}>
      <div class="staff">
        <p><a href={href(ctx, '/staff')}>{t.staff}</a></p>
        <h1>{p.home}–{p.partner}</h1>
        <p>
          {t.version} {p.version}・{statusLabel(ctx, p.status)}・<a href={href(ctx, `${path}/history`)}>{t.history}</a>・
          <a href={`${href(ctx, '/staff/imports')}?partnership=${p.id}`}>{ImportLogMessages[ctx.locale].link}</a>
        </p>
        <Notices view={view} />
        <ReadOnlyNote view={view} item={false} />
        <PostForm view={view} action={path} label={t.edit} keep="edit">
          <input type="hidden" name="version" value={String(form.version)} />
          <fieldset class="plain" disabled={!mayEdit(view)}>
            <Field id="p-partner" label={t.partner}><input id="p-partner" name="partner" required value={typed(view, 'p', 'partner', form.partner)} /></Field>
            <Field id="p-kind" label={t.kind}><input id="p-kind" name="kind" required value={typed(view, 'p', 'kind', form.kind)} /></Field>
            <Field id="p-aff" label={t.affiliatedOn} hint={EDIT_NOTES[ctx.locale].affiliatedOnHint}><input id="p-aff" name="affiliatedOn" value={typed(view, 'p', 'affiliatedOn', form.affiliatedOn ?? '')} aria-describedby="p-aff-hint" /></Field>
            <Field id="p-years" label={t.noExchangeYears} hint={t.noExchangeHint}>
              <input id="p-years" name="noExchangeYears" value={typed(view, 'p', 'noExchangeYears', form.noExchangeYears.join(', '))} aria-describedby="p-years-hint" />
            </Field>
            <StatusSelect ctx={ctx} id="p-status" value={form.status} />
          </fieldset>
          {mayEdit(view) && <button type="submit">{t.save}</button>}
        </PostForm>
        {mayEdit(view) && <DeleteForm view={view} action={`${path}/delete`} version={p.version} />}

        <h2>{t.events}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.year}</th><th scope="col">{t.direction}</th><th scope="col">{t.textJa}</th><th scope="col">{t.status}</th><th scope="col">{t.version}</th>
              {mayEdit(view) && <th scope="col">{notes.order}</th>}
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr key={e.id} id={`order-${e.id}`}>
                <td>{e.year}<span class="era">（{eraLabel(e.year)}）</span></td>
                <td>{c[e.direction]}</td>
                <td><a href={href(ctx, `/staff/events/${e.id}`)}>{e.text}</a></td>
                <td>{statusLabel(ctx, e.status)}</td>
                <td>{e.version}</td>
                {mayEdit(view) && <td><OrderButtons view={view} events={props.events} event={e} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
        {mayEdit(view) && (
          <>
            <h2 id="new-event">{t.newEvent}</h2>
            <PostForm view={view} action="/staff/events" label={t.newEvent} keep="new-event">
              <input type="hidden" name="partnershipId" value={String(p.id)} />
              <EventFormFields view={view} prefix="new-ev" value={{ year: nextYear, date: null, direction: 'dispatch', text: '', translations: {}, status: 'draft' }} />
              <button type="submit">{t.create}</button>
            </PostForm>
          </>
        )}

        <h2>{t.records}</h2>
        <ul class="records">
          {props.records.map((r) => (
            <li key={r.id}>
              {r.photo && <img src={`/photos/thumb/${r.photo}`} alt="" class="thumb" />}
              {r.year} <a href={href(ctx, `/staff/records/${r.id}`)}>{r.caption}</a> ({statusLabel(ctx, r.status)})
            </li>
          ))}
        </ul>
        {mayEdit(view) && (
          <>
            <h2 id="new-record">{t.newRecord}</h2>
            <PostForm view={view} action="/staff/records" upload label={t.newRecord} keep="new-record">
              <input type="hidden" name="partnershipId" value={String(p.id)} />
              <RecordFormFields view={view} prefix="new-rec" value={{ year: nextYear, caption: '', translations: {}, eventId: null, photo: null, status: 'draft' }} events={props.events} maxPhotoMb={props.maxPhotoMb} />
              <button type="submit">{t.create}</button>
            </PostForm>
          </>
        )}
      </div>
    </Layout>
  );
}

/**
 * Up and down buttons of an undated exchange, for the neighbours it has in its year (a dated one is ordered by its
 * date, and shows why instead). Each is a form of its own: no JavaScript.
 */
function OrderButtons(props: { view: StaffView; events: readonly EditableItem<'event'>[]; event: EditableItem<'event'> }) {
  const { view, event: e } = props;
  const notes = EDIT_NOTES[view.ctx.locale];
  if (e.date !== null) return <small class="hint">{notes.orderedByDate}</small>;
  const button = (step: 'up' | 'down') =>
    canMoveWithinYear(props.events, e.id, step === 'up' ? -1 : 1) && (
      <PostForm view={view} action={`/staff/events/${e.id}/move`} class="inline">
        <input type="hidden" name="version" value={String(e.version)} />
        <input type="hidden" name="step" value={step} />
        <button type="submit" aria-label={format(step === 'up' ? notes.moveUpLabel : notes.moveDownLabel, { text: e.text })}>{step === 'up' ? notes.moveUp : notes.moveDown}</button>
      </PostForm>
    );
  return (
    <span class="order-buttons">
      {button('up')}
      {button('down')}
    </span>
  );
}
