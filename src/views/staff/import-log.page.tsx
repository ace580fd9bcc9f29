import type { ImportEntry } from '../../domain/import-log.js';
import type { Locale } from '../i18n/locale.js';
import { format } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { ImportLogMessages } from './import-log.messages.js';
import { japanTime } from './field-labels.js';
import { STAFF } from './staff.messages.js';
import { href, type StaffView } from './staff-parts.js';

/**
 * The import log: each import of a document into a partnership, newest first — when, by whom (the account of a web
 * import, the command line otherwise), which file, and how many exchanges and photo records it added, changed and
 * removed. Of the whole record, or of one partnership (`partnership`).
 */
export function ImportLogPage(props: {
  view: StaffView;
  entries: readonly ImportEntry[];
  partnership?: { id: number; home: string; partner: string };
  limit: number;
  /** The imports that can be undone now (each gets a button), for a role that may import. */
  undoable?: ReadonlySet<number>;
  /** An undo just done: the import and the log row of its undo. */
  undone?: { id: number; by: number };
}) {
  const { view, entries, partnership } = props;
  const { ctx } = view;
  const t = ImportLogMessages[ctx.locale];
  const s = STAFF[ctx.locale];
  const title = partnership ? format(t.titleOf, { partnership: `${partnership.home}–${partnership.partner}` }) : t.title;
  const counts = (c: ImportEntry['added']) => format(s.yearsEvents, { events: c.events, records: c.records });
  return (
    <Layout ctx={ctx} title={title}>
      <div class="staff">
        <p>
          <a href={href(ctx, '/staff')}>{s.staff}</a>
          {partnership && <> · <a href={href(ctx, `/staff/partnerships/${partnership.id}`)}>{partnership.home}–{partnership.partner}</a></>}
        </p>
        <h1>{title}</h1>
        {props.undone && <p role="status" class="notice">{format(t.undoneNotice, props.undone)}</p>}
        <p>{format(t.intro, { limit: props.limit })}</p>
        {props.undoable && <p class="hint">{t.undoHint}</p>}
        {entries.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <table class="import-log">
            <thead>
              <tr>
                <th scope="col">{t.number}</th>
                <th scope="col">{t.at}</th>
                <th scope="col">{t.actor}</th>
                <th scope="col">{t.source}</th>
                {!partnership && <th scope="col">{s.partner}</th>}
                <th scope="col">{s.added}</th>
                <th scope="col">{s.changed}</th>
                <th scope="col">{s.removed}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>#{e.id}</td>
                  <td><time dateTime={e.importedAt}>{japanTime(e.importedAt)}</time> {s.timeZoneNote}</td>
                  <td>{actorLabel(ctx.locale, e.actor)}</td>
                  <td>{e.source}</td>
                  {!partnership && <td>{e.home}–{e.partner}</td>}
                  <td>{counts(e.added)}</td>
                  <td>{counts(e.changed)}</td>
                  <td>{counts(e.removed)}</td>
                  <td>
                    {e.undoes !== null && format(t.undoRow, { id: e.undoes })}
                    {e.undoneBy !== null && format(t.undone, { by: e.undoneBy })}
                    {props.undoable?.has(e.id) && (
                      <form method="get" action={href(ctx, `/staff/imports/${e.id}/undo`)} class="inline">
                        {partnership && <input type="hidden" name="partnership" value={String(partnership.id)} />}
                        <button type="submit" aria-label={format(t.undoLabel, { id: e.id })}>{t.undo}</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Layout>
  );
}

/**
 * Who imported, for staff: an account's name, or the command line with the machine's user (the command logs itself
 * as `koryu import (USER)`) — コマンドライン（root）, not an English command name.
 */
export function actorLabel(locale: Locale, actor: string | null): string {
  const t = ImportLogMessages[locale];
  if (actor === null) return t.commandLine;
  const user = /^koryu import \((.*)\)$/u.exec(actor)?.[1];
  if (user === undefined) return actor;
  return locale === 'en' ? `${t.commandLine} (${user})` : `${t.commandLine}（${user}）`;
}
