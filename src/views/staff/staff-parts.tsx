import type { ComponentChildren } from 'preact';
import { DIRECTIONS } from '../../domain/direction.js';
import type { EditProblem, ItemStatus } from '../../domain/editing.js';
import { COMMON } from '../i18n/common.messages.js';
import { format } from '../i18n/messages.js';
import { localHref, type PageContext } from '../page-context.js';
import { japanDateTime, problemText } from './field-labels.js';
import { ACCOUNT } from './account.messages.js';
import { ImportLogMessages } from './import-log.messages.js';
import { PLACES } from './places.messages.js';
import { STAFF } from './staff.messages.js';
import { EDIT_NOTES } from './edit-notes.messages.js';

/** What every staff page knows besides its content. */
export interface StaffView {
  ctx: PageContext;
  /** The session's CSRF token, put in every form. */
  csrf: string;
  /** A notice after a redirect: saved, deleted, restored. */
  done?: 'saved' | 'deleted' | 'restored' | undefined;
  /** The year a saved exchange took the 交流なし mark from, said with `done`. */
  unmarkedYear?: number | undefined;
  problems?: readonly EditProblem[] | undefined;
  /** A refusal to show as it is (e.g. a photo that is not accepted). */
  error?: string | undefined;
  /** The stored version when an edit was refused as outdated. */
  conflict?: { version: number; yours: number; fields: ComponentChildren; by?: string; at?: string } | undefined;
  /** What the user entered, shown when it could not be saved anywhere (the item was deleted meanwhile). */
  kept?: ComponentChildren | undefined;
  /** The form the user sent (`form`: its prefix) and its fields as typed, shown again in it when the edit is refused. */
  entered?: { form: string; fields: Readonly<Record<string, string>> } | undefined;
  /** What the signed-in role may do here; both when not given. A translator edits translations only, a viewer nothing. */
  may?: { edit: boolean; translate: boolean } | undefined;
}

/** The value of a form's box: as the user typed it when that form was refused, else `stored`. */
export function typed(view: StaffView, form: string, name: string, stored: string): string {
  return view.entered?.form === form ? (view.entered.fields[name] ?? stored) : stored;
}

export function href(ctx: PageContext, path: string): string {
  return localHref(ctx, path);
}

/**
 * A POST form with its CSRF token (in the query too for file uploads, which are checked before their body is read).
 * `keep` names a form whose typed text public/form-keeper.js offers back when it was sent after the session ended.
 */
export function PostForm(props: { view: StaffView; action: string; upload?: boolean; keep?: string; children: ComponentChildren; class?: string; label?: string }) {
  const action = href(props.view.ctx, props.action) + (props.upload ? `?_csrf=${encodeURIComponent(props.view.csrf)}` : '');
  return (
    <form
      method="post"
      action={action}
      class={props.class}
      aria-label={props.label}
      data-keep={props.keep}
      {...(props.upload ? { enctype: 'multipart/form-data' } : {})}
    >
      <input type="hidden" name="_csrf" value={props.view.csrf} />
      {props.children}
    </form>
  );
}

export function Field(props: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
    </p>
  );
}

export function StatusSelect(props: { ctx: PageContext; id: string; value: ItemStatus }) {
  const t = STAFF[props.ctx.locale];
  return (
    <Field id={props.id} label={t.status}>
      <select id={props.id} name="status">
        <option value="draft" selected={props.value === 'draft'}>{t.draft}</option>
        <option value="published" selected={props.value === 'published'}>{t.published}</option>
      </select>
    </Field>
  );
}

export function DirectionSelect(props: { ctx: PageContext; id: string; value: string }) {
  const t = STAFF[props.ctx.locale];
  const c = COMMON[props.ctx.locale];
  return (
    <Field id={props.id} label={t.direction}>
      <select id={props.id} name="direction">
        {DIRECTIONS.map((d) => (
          <option key={d} value={d} selected={props.value === d}>{c[d]}</option>
        ))}
      </select>
    </Field>
  );
}

/** The notices of a staff page: done, refused fields, an edit conflict with the newer version. */
export function Notices(props: { view: StaffView }) {
  const { view } = props;
  const t = STAFF[view.ctx.locale];
  return (
    <>
      {view.done && (
        <p class="notice" role="status">
          {t[view.done]}
          {view.unmarkedYear !== undefined && `${view.ctx.locale === 'en' ? ' ' : ''}${format(EDIT_NOTES[view.ctx.locale].unmarkedYear, { year: view.unmarkedYear })}`}
        </p>
      )}
      {view.error && (
        <p class="problems" role="alert">
          {t.refused}: {view.error}
        </p>
      )}
      {view.problems && view.problems.length > 0 && (
        <div class="problems" role="alert">
          <p>{t.problems}</p>
          <ul>
            {view.problems.map((p) => (
              <li key={p.field}>{problemText(view.ctx.locale, p)}</li>
            ))}
          </ul>
        </div>
      )}
      {view.kept && (
        <section class="conflict" aria-labelledby="kept-title">
          <h2 id="kept-title">{t.conflictYours}</h2>
          {view.kept}
        </section>
      )}
      {view.conflict && (
        <section class="conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t.conflictTitle}</h2>
          {view.conflict.by !== undefined && view.conflict.at !== undefined && (
            <p class="conflict-by">{format(EDIT_NOTES[view.ctx.locale].conflictBy, { name: view.conflict.by, at: japanDateTime(view.ctx.locale, view.conflict.at), zone: t.timeZoneNote })}</p>
          )}
          <p>{format(t.conflictBody, { theirs: view.conflict.version, yours: view.conflict.yours })}</p>
          <h3>{format(t.conflictTheirs, { version: view.conflict.version })}</h3>
          {view.conflict.fields}
        </section>
      )}
    </>
  );
}

export function statusLabel(ctx: PageContext, s: ItemStatus): string {
  return STAFF[ctx.locale][s];
}

/** Links from the staff home (/staff) to the record, and to the import for a role that may import (`mayImport`). */
export function StaffLinks(props: { ctx: PageContext; mayImport?: boolean; mayManageAccounts?: boolean }) {
  const t = STAFF[props.ctx.locale];
  const a = ACCOUNT[props.ctx.locale];
  return (
    <nav aria-label={t.staff}>
      <ul>
        <li><a href={href(props.ctx, '/staff/record')}>{t.partnerships}</a></li>
        {(props.mayImport ?? true) && <li><a href={href(props.ctx, '/staff/import')}>{t.import}</a></li>}
        <li><a href={href(props.ctx, '/staff/imports')}>{ImportLogMessages[props.ctx.locale].link}</a></li>
        <li><a href={href(props.ctx, '/staff/places')}>{PLACES[props.ctx.locale].link}</a></li>
        {props.mayManageAccounts && <li><a href={href(props.ctx, '/staff/accounts')}>{a.accounts}</a></li>}
        <li><a href={href(props.ctx, '/staff/password')}>{a.ownPassword}</a></li>
      </ul>
    </nav>
  );
}
