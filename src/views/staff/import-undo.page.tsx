import type { NotUndoableReason, UndoItems, UndoPlan } from '../../domain/import-undo.js';
import { format } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { japanTime } from './field-labels.js';
import { ImportLogMessages } from './import-log.messages.js';
import { ImportUndoMessages } from './import-undo.messages.js';
import { STAFF } from './staff.messages.js';
import { href, PostForm, type StaffView } from './staff-parts.js';

/** Where the import log was opened: the whole record's, or one partnership's (`?partnership=ID`). */
function logPath(partnershipId: number | undefined): string {
  return partnershipId === undefined ? '/staff/imports' : `/staff/imports?partnership=${partnershipId}`;
}

/**
 * Asks before undoing an import: what will be removed, put back and restored, with the counts and the items, and
 * the button that sends the form (POST, with the CSRF token).
 */
export function ImportUndoPage(props: { view: StaffView; plan: UndoPlan; from?: number }) {
  const { view, plan } = props;
  const { ctx } = view;
  const t = ImportUndoMessages[ctx.locale];
  const { entry } = plan;
  const partnership = `${entry.home}–${entry.partner}`;
  const title = format(t.title, { id: entry.id });
  const section = (heading: string, items: UndoItems, id: string) =>
    items.events.length + items.records.length > 0 && (
      <section aria-labelledby={id}>
        <h2 id={id}>{heading}: {format(t.count, { events: items.events.length, records: items.records.length })}</h2>
        <ul>
          {items.events.map((e) => <li key={`e${e.id}`}>{e.year} {e.text} (#{e.id})</li>)}
          {items.records.map((r) => <li key={`r${r.id}`}>{STAFF[ctx.locale].records}: {r.year} {r.text} (#{r.id})</li>)}
        </ul>
      </section>
    );
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <p><a href={href(ctx, '/staff')}>{STAFF[ctx.locale].staff}</a> · <a href={href(ctx, logPath(props.from))}>{ImportLogMessages[ctx.locale].title}</a></p>
        <h1>{title}</h1>
        <p>{format(t.intro, { partnership, source: entry.source, at: `${japanTime(entry.importedAt)} ${STAFF[ctx.locale].timeZoneNote}`, actor: entry.actor ?? ImportLogMessages[ctx.locale].commandLine })}</p>
        {plan.removesPartnership && <p class="warning">{format(t.createdPartnership, { partnership })}</p>}
        {plan.partnershipChanged && <p>{t.partnershipFields}</p>}
        {section(t.remove, plan.remove, 'undo-remove')}
        {section(t.putBack, plan.putBack, 'undo-put-back')}
        {section(t.restore, plan.restore, 'undo-restore')}
        <PostForm view={view} action={`/staff/imports/${entry.id}/undo`} label={title}>
          {props.from !== undefined && <input type="hidden" name="partnership" value={String(props.from)} />}
          <button type="submit">{t.confirm}</button> <a href={href(ctx, logPath(props.from))}>{t.cancel}</a>
        </PostForm>
      </div>
    </Layout>
  );
}

/** Why an import cannot be undone, and what to do instead (restore single items from their history). */
export function ImportNotUndoablePage(props: { view: StaffView; importId: number; reason: NotUndoableReason; from?: number }) {
  const { ctx } = props.view;
  const t = ImportUndoMessages[ctx.locale];
  const title = format(t.refusedTitle, { id: props.importId });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <h1>{title}</h1>
        <p role="alert">{t[`reason_${props.reason}`]}</p>
        {props.reason !== 'nothingChanged' && props.reason !== 'alreadyUndone' && <p>{t.restoreInstead}</p>}
        <p><a href={href(ctx, logPath(props.from))}>{t.back}</a></p>
      </div>
    </Layout>
  );
}
