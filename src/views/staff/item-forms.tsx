import type { EditableItem, EventFields, RecordFields } from '../../domain/editing.js';
import { format } from '../i18n/messages.js';
import { STAFF } from './staff.messages.js';
import { DirectionSelect, Field, PostForm, StatusSelect, type StaffView } from './staff-parts.js';

/** The fields of an event form; `prefix` keeps ids unique when several forms share a page. */
export function EventFormFields(props: { view: StaffView; prefix: string; value: Omit<EventFields, 'partnershipId'> }) {
  const { ctx } = props.view;
  const t = STAFF[ctx.locale];
  const v = props.value;
  const id = (name: string) => `${props.prefix}-${name}`;
  return (
    <>
      <Field id={id('year')} label={t.year}><input id={id('year')} name="year" inputMode="numeric" required value={String(v.year || '')} /></Field>
      <Field id={id('date')} label={t.date} hint={t.dateHint}><input id={id('date')} name="date" value={v.date ?? ''} aria-describedby={`${id('date')}-hint`} /></Field>
      <DirectionSelect ctx={ctx} id={id('direction')} value={v.direction} />
      <Field id={id('text')} label={t.textJa}><textarea id={id('text')} name="text" required rows={2}>{v.text}</textarea></Field>
      <Field id={id('en')} label={t.textEn}><textarea id={id('en')} name="en" lang="en" rows={2}>{v.translations.en ?? ''}</textarea></Field>
      <Field id={id('zh')} label={t.textZh}><textarea id={id('zh')} name="zh" lang="zh-Hans" rows={2}>{v.translations.zh ?? ''}</textarea></Field>
      <StatusSelect ctx={ctx} id={id('status')} value={v.status} />
    </>
  );
}

export function RecordFormFields(props: { view: StaffView; prefix: string; value: Omit<RecordFields, 'partnershipId'>; events: EditableItem<'event'>[]; maxPhotoMb: number }) {
  const { ctx } = props.view;
  const t = STAFF[ctx.locale];
  const v = props.value;
  const id = (name: string) => `${props.prefix}-${name}`;
  return (
    <>
      <Field id={id('year')} label={t.year}><input id={id('year')} name="year" inputMode="numeric" required value={String(v.year || '')} /></Field>
      <Field id={id('caption')} label={t.captionJa}><textarea id={id('caption')} name="caption" required rows={2}>{v.caption}</textarea></Field>
      <Field id={id('en')} label={t.captionEn}><textarea id={id('en')} name="en" lang="en" rows={2}>{v.translations.en ?? ''}</textarea></Field>
      <Field id={id('zh')} label={t.captionZh}><textarea id={id('zh')} name="zh" lang="zh-Hans" rows={2}>{v.translations.zh ?? ''}</textarea></Field>
      <Field id={id('event')} label={t.event}>
        <select id={id('event')} name="eventId">
          <option value="">{t.noEvent}</option>
          {props.events.map((e) => (
            <option key={e.id} value={String(e.id)} selected={v.eventId === e.id}>
              {e.year} {e.text}
            </option>
          ))}
        </select>
      </Field>
      {v.photo && (
        <p>
          {t.currentPhoto}: <img src={`/photos/thumb/${v.photo}`} alt={v.caption} class="thumb" />
        </p>
      )}
      <Field id={id('photo')} label={t.photo} hint={format(t.photoHint, { mb: props.maxPhotoMb })}>
        <input id={id('photo')} type="file" name="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id('photo')}-hint`} />
      </Field>
      <StatusSelect ctx={ctx} id={id('status')} value={v.status} />
    </>
  );
}

/** Delete button of an item, on its version. */
export function DeleteForm(props: { view: StaffView; action: string; version: number }) {
  const t = STAFF[props.view.ctx.locale];
  return (
    <PostForm view={props.view} action={props.action} class="inline" label={t.delete}>
      <input type="hidden" name="version" value={String(props.version)} />
      <button type="submit" class="danger">{t.delete}</button>
    </PostForm>
  );
}

/** A read-only rendering of an item's fields, for the newer version in a conflict. */
export function FieldList(props: { fields: object }) {
  return (
    <dl class="facts">
      {Object.entries(props.fields).map(([k, value]) => (
        <>
          <dt>{k}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </>
      ))}
    </dl>
  );
}
