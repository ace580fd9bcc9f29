import type { EditableItem, EventFields, ItemKind, RecordFields } from '../../domain/editing.js';
import type { Locale } from '../i18n/locale.js';
import { format } from '../i18n/messages.js';
import { fieldLabel, fieldValue } from './field-labels.js';
import { STAFF } from './staff.messages.js';
import { EDIT_NOTES } from './edit-notes.messages.js';
import { DirectionSelect, Field, PostForm, StatusSelect, typed, type StaffView } from './staff-parts.js';

/**
 * The fields of an event form; `prefix` keeps ids unique when several forms share a page, and names the form whose
 * typed values are shown again after a refusal. For a role that edits translations only, the other fields are shown
 * but cannot be changed.
 */
export function EventFormFields(props: { view: StaffView; prefix: string; value: Omit<EventFields, 'partnershipId'> }) {
  const { view, prefix } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const v = props.value;
  const id = (name: string) => `${prefix}-${name}`;
  const box = (name: string, stored: string) => typed(view, prefix, name, stored);
  return (
    <>
      <fieldset class="plain" disabled={!mayEdit(view)}>
        <Field id={id('year')} label={t.year}><input id={id('year')} name="year" inputMode="numeric" required value={box('year', yearText(v.year))} /></Field>
        <Field id={id('date')} label={t.date} hint={t.dateHint}><input id={id('date')} name="date" value={box('date', v.date ?? '')} aria-describedby={`${id('date')}-hint`} /></Field>
        <DirectionSelect ctx={ctx} id={id('direction')} value={v.direction} />
        <Field id={id('text')} label={t.textJa}><textarea id={id('text')} name="text" required rows={2}>{box('text', v.text)}</textarea></Field>
      </fieldset>
      <fieldset class="plain" disabled={!mayTranslate(view)}>
        <Field id={id('en')} label={t.textEn}><textarea id={id('en')} name="en" lang="en" rows={2}>{box('en', v.translations.en ?? '')}</textarea></Field>
        <Field id={id('zh')} label={t.textZh}><textarea id={id('zh')} name="zh" lang="zh-Hans" rows={2}>{box('zh', v.translations.zh ?? '')}</textarea></Field>
      </fieldset>
      <fieldset class="plain" disabled={!mayEdit(view)}>
        <StatusSelect ctx={ctx} id={id('status')} value={v.status} />
      </fieldset>
    </>
  );
}

export function RecordFormFields(props: { view: StaffView; prefix: string; value: Omit<RecordFields, 'partnershipId'>; events: EditableItem<'event'>[]; maxPhotoMb: number }) {
  const { view, prefix } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const v = props.value;
  const id = (name: string) => `${prefix}-${name}`;
  const box = (name: string, stored: string) => typed(view, prefix, name, stored);
  return (
    <>
      <fieldset class="plain" disabled={!mayEdit(view)}>
        <Field id={id('year')} label={t.year}><input id={id('year')} name="year" inputMode="numeric" required value={box('year', yearText(v.year))} /></Field>
        <Field id={id('caption')} label={t.captionJa}><textarea id={id('caption')} name="caption" required rows={2}>{box('caption', v.caption)}</textarea></Field>
      </fieldset>
      <fieldset class="plain" disabled={!mayTranslate(view)}>
        <Field id={id('en')} label={t.captionEn}><textarea id={id('en')} name="en" lang="en" rows={2}>{box('en', v.translations.en ?? '')}</textarea></Field>
        <Field id={id('zh')} label={t.captionZh}><textarea id={id('zh')} name="zh" lang="zh-Hans" rows={2}>{box('zh', v.translations.zh ?? '')}</textarea></Field>
      </fieldset>
      <fieldset class="plain" disabled={!mayEdit(view)}>
        <Field id={id('event')} label={t.event}>
          <select id={id('event')} name="eventId">
            <option value="">{t.noEvent}</option>
            {props.events.map((e) => (
              <option key={e.id} value={String(e.id)} selected={v.eventId === e.id}>
                {e.year} {e.text}
              {e.status === 'draft' ? ` (${t.draft})` : ''}
              </option>
            ))}
          </select>
        </Field>
        {v.photo && (
          <>
            <p>
              {t.currentPhoto}: <img src={`/photos/thumb/${v.photo}`} alt={v.caption} class="thumb" />
            </p>
            <p>
              <label>
                <input type="checkbox" name="removePhoto" value="on" checked={typed(view, prefix, 'removePhoto', '') === 'on'} /> {t.removePhoto}
              </label>
            </p>
          </>
        )}
        <Field id={id('photo')} label={t.photo} hint={format(t.photoHint, { mb: props.maxPhotoMb })}>
          <input id={id('photo')} type="file" name="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id('photo')}-hint`} />
        </Field>
        <StatusSelect ctx={ctx} id={id('status')} value={v.status} />
      </fieldset>
    </>
  );
}

/** A year for its box: empty when there is none. */
const yearText = (year: number) => (Number.isInteger(year) && year > 0 ? String(year) : '');

/** Whether the signed-in role may change more than translations (every role when the view does not say). */
export const mayEdit = (view: StaffView) => view.may?.edit ?? true;

/** Whether the signed-in role may change translations (every role when the view does not say). */
export const mayTranslate = (view: StaffView) => view.may?.translate ?? true;

/**
 * Why a form is shown but cannot be (wholly) changed, for a role that may not edit: a translator changes the
 * translations only (`item`: the page of an event or photo record; a partnership's page has none), a viewer nothing.
 */
export function ReadOnlyNote(props: { view: StaffView; item: boolean }) {
  const { view } = props;
  if (mayEdit(view)) return null;
  const notes = EDIT_NOTES[view.ctx.locale];
  const text = !mayTranslate(view) ? notes.viewerNote : props.item ? STAFF[view.ctx.locale].translatorNote : notes.translatorPartnershipNote;
  return <p class="notice read-only">{text}</p>;
}

/**
 * Delete button of an item, on its version, behind a disclosure that says what deleting does: one click opens it,
 * a second deletes, so a stray click deletes nothing (and a deleted item can be restored from its history).
 */
export function DeleteForm(props: { view: StaffView; action: string; version: number }) {
  const t = STAFF[props.view.ctx.locale];
  return (
    <details class="confirm-delete">
      <summary>{t.delete}</summary>
      <PostForm view={props.view} action={props.action} class="inline" label={t.delete}>
        <p>{t.deleteConfirm}</p>
        <input type="hidden" name="version" value={String(props.version)} />
        <button type="submit" class="danger">{t.deleteNow}</button>
      </PostForm>
    </details>
  );
}

/** A read-only rendering of an item's fields, for the newer version in a conflict. */
export function FieldList(props: { fields: object; locale: Locale; kind: ItemKind }) {
  // The partnership an event or record belongs to is the page's own; it is not a field staff change.
  const shown = Object.entries(props.fields).filter(([k]) => k !== 'partnershipId' && k !== 'home');
  return (
    <dl class="facts">
      {shown.map(([k, value]) => (
        <>
          <dt>{fieldLabel(props.locale, k, props.kind)}</dt>
          <dd>{fieldValue(props.locale, k, value)}</dd>
        </>
      ))}
    </dl>
  );
}
