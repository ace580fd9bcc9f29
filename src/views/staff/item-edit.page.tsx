import type { EditableItem } from '../../domain/editing.js';
import { Layout } from '../layout.js';
import { STAFF } from './staff.messages.js';
import { DeleteForm, EventFormFields, mayEdit, RecordFormFields } from './item-forms.js';
import { href, Notices, PostForm, type StaffView } from './staff-parts.js';

type Shown<K extends 'event' | 'record'> = EditableItem<K>;

/** Whether the signed-in role may change translations (every role when the view does not say). */
const mayTranslate = (view: StaffView) => view.may?.translate ?? true;

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
  const title = `${kind === 'event' ? t.eventItem : t.recordItem} #${item.id}`;
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <p><a href={href(ctx, `/staff/partnerships/${props.partnership.id}`)}>{props.partnership.home}–{props.partnership.partner}</a></p>
        <h1>{title}</h1>
        <p>
          {t.version} {item.version} · <a href={href(ctx, `${path}/history`)}>{t.history}</a>
        </p>
        <Notices view={view} />
        {!mayEdit(view) && mayTranslate(view) && <p class="notice">{t.translatorNote}</p>}
        <PostForm view={view} action={path} upload={kind === 'record' && mayEdit(view)} label={t.edit}>
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
