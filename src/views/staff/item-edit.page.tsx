import type { EditableItem } from '../../domain/editing.js';
import { Layout } from '../layout.js';
import { format } from '../i18n/messages.js';
import { STAFF } from './staff.messages.js';
import { DeleteForm, EventFormFields, mayEdit, mayTranslate, ReadOnlyNote, RecordFormFields } from './item-forms.js';
import { href, Notices, PostForm, type StaffView } from './staff-parts.js';

type Shown<K extends 'event' | 'record'> = EditableItem<K>;

/** The edit form of one event or photo record at the version it was read; on a conflict the newer version is shown above it. */
export function ItemEditPage(props: {
  view: StaffView;
  kind: 'event' | 'record';
  item: Shown<'event'> | Shown<'record'>;
  /** What the form shows: the stored item, or what the user entered when it was refused. */
  form: Shown<'event'> | Shown<'record'>;
  partnership: EditableItem<'partnership'>;
  events: EditableItem<'event'>[];
  maxPhotoMb: number;
}) {
  const { view, kind, item, form } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const path = `/staff/${kind === 'event' ? 'events' : 'records'}/${item.id}`;
  // Named as staff know it, by its year and the beginning of its text, not by an id (交流 2017年「全州市長一行が来訪…」).
  const title = itemTitle(ctx.locale, kind === 'event' ? t.eventItem : t.recordItem, item.year, kind === 'event' ? (item as Shown<'event'>).text : (item as Shown<'record'>).caption);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <p><a href={href(ctx, `/staff/partnerships/${props.partnership.id}`)}>{props.partnership.home}–{props.partnership.partner}</a></p>
        <h1>{title}</h1>
        <p>
          {t.version} {item.version}・<a href={href(ctx, `${path}/history`)}>{t.history}</a>
        </p>
        <Notices view={view} />
        <LinkedEventYear view={view} record={kind === 'record' ? (item as Shown<'record'>) : undefined} events={props.events} />
        <ReadOnlyNote view={view} item />
        <PostForm view={view} action={path} upload={kind === 'record' && mayEdit(view)} label={t.edit} keep="edit">
          <input type="hidden" name="version" value={String(form.version)} />
          {kind === 'event' ? (
            <EventFormFields view={view} prefix="ev" value={form as Shown<'event'>} />
          ) : (
            <RecordFormFields view={view} prefix="rec" value={form as Shown<'record'>} events={props.events} maxPhotoMb={props.maxPhotoMb} />
          )}
          {mayTranslate(view) && <button type="submit">{t.save}</button>}
        </PostForm>
        {mayEdit(view) && <DeleteForm view={view} action={`${path}/delete`} version={item.version} />}
      </div>
    </Layout>
  );
}

/** An item's page title: its kind, year and the first 20 characters of its text. */
export function itemTitle(locale: 'ja' | 'en' | 'zh', kind: string, year: number, text: string): string {
  const chars = [...text];
  const start = chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
  return locale === 'en' ? `${kind}, ${year}: “${start}”` : `${kind} ${year}年「${start}」`;
}

/**
 * A warning, not a refusal: the exchange a photo record is linked to is of another year than the record (a photo
 * of 2024 shown as the exchange of 2019). It may be right (a record filed a year late), so it is said on the record's
 * page for as long as the years differ, and the link is kept.
 */
function LinkedEventYear(props: { view: StaffView; record: Shown<'record'> | undefined; events: readonly EditableItem<'event'>[] }) {
  const { record } = props;
  const event = record?.eventId == null ? undefined : props.events.find((e) => e.id === record.eventId);
  if (!record || !event || event.year === record.year) return null;
  return (
    <p class="notice warning" role="status">
      {format(STAFF[props.view.ctx.locale].linkedEventYear, { recordYear: record.year, eventYear: event.year })}
    </p>
  );
}
