import type { Diagnostic } from '../../domain/diagnostic.js';
import type { ImportRefusal } from '../../domain/import-refusal.js';
import type { ChangeSummary, ChangedItem, ItemReading, Partnership } from '../../domain/partnership.js';
import { COMMON } from '../i18n/common.messages.js';
import { format } from '../i18n/messages.js';
import { Layout } from '../layout.js';
import { ImportLogMessages } from './import-log.messages.js';
import { STAFF } from './staff.messages.js';
import { diagnosticText } from './upload.messages.js';
import { Field, href, PostForm, type StaffView } from './staff-parts.js';

export interface ImportPreviewView {
  token: string;
  documents: { source: string; partnerships: Partnership[]; diagnostics: Diagnostic[] }[];
  /** What confirming would change (a dry run); absent when a document has errors or the import would be refused. */
  changes?: ChangeSummary[];
  /** Why the documents together would be refused, though each reads without error. */
  refusal?: ImportRefusal;
  /** New partnerships whose partner is probably a stored partner of the same home written differently. */
  similar?: { home: string; partner: string; stored: string[] }[];
}

/** Removed exchanges and photo records named in the warning at most; the rest are counted. */
const REMOVED_SHOWN = 30;

/** A refusal of the documents together, in the page's language. */
export function refusalText(t: (typeof STAFF)['ja'], refusal: ImportRefusal): string {
  return refusal.kind === 'samePartnership'
    ? format(t.refusedSamePartnership, { first: refusal.first, second: refusal.second, partnership: `${refusal.home}–${refusal.partner}` })
    : format(t.refusedTooManyEvents, { documents: refusal.documents, events: refusal.events, limit: refusal.limit });
}

/** Each partnership's events and records added, changed and removed. */
function ChangesTable(props: { view: StaffView; changes: readonly ChangeSummary[]; newNote?: boolean }) {
  const t = STAFF[props.view.ctx.locale];
  // Events and records, and the years without exchange where there are any.
  const counts = (c: ChangeSummary['added']) =>
    format(t.yearsEvents, { events: c.events, records: c.records }) + (c.years > 0 ? ` / ${format(t.noExchangeYearsCount, { years: c.years })}` : '');
  return (
    <table>
      <thead><tr><th scope="col">{t.partner}</th><th scope="col">{t.added}</th><th scope="col">{t.changed}</th><th scope="col">{t.removed}</th></tr></thead>
      <tbody>
        {props.changes.map((s) => (
          <tr key={`${s.home}–${s.partner}`}>
            <th scope="row">{s.home}–{s.partner}{props.newNote && s.created ? `（${t.newPartnershipNote}）` : ''}</th>
            <td>{counts(s.added)}</td>
            <td>
              {counts(s.changed)}
              {s.detailsChanged && !s.created && <> / {t.detailsChangedNote}</>}
            </td>
            <td>{counts(s.removed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A document's diagnostics with its errors first (the error that refuses a long document was listed after hundreds of
 * warnings), then its warnings and notes together, each group in line order as docs/format.md sorts them, those
 * without a line first (notes after every warning put line 3 after line 9).
 */
function errorsFirst(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  const line = (d: Diagnostic) => d.line ?? 0;
  // The lines of a CSV pair's two files (or a workbook's sheets) are each file's own: one file's after the other's.
  const sheets = [...new Set(diagnostics.map((d) => String(d.params?.sheet ?? '')))];
  const sheet = (d: Diagnostic) => sheets.indexOf(String(d.params?.sheet ?? ''));
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || sheet(a.d) - sheet(b.d) || line(a.d) - line(b.d) || a.i - b.i)
    .map(({ d }) => d);
}

/** How an event or photo record reads in the preview: year, date and direction (events), text. */
function reading(view: StaffView, kind: ChangedItem['kind'], r: ItemReading): string {
  const t = STAFF[view.ctx.locale];
  const c = COMMON[view.ctx.locale];
  const parts = [String(r.year), ...(r.date ? [r.date] : []), ...(r.direction ? [c[r.direction]] : []), ...(kind === 'record' ? [`${t.recordItem}:`] : []), r.text];
  return parts.join(' ');
}

/** The stored items the import changes, as they read before (struck out) and after; the first REMOVED_SHOWN of them. */
function ChangedItems(props: { view: StaffView; summary: ChangeSummary; items: readonly ChangedItem[] }) {
  const t = STAFF[props.view.ctx.locale];
  const { home, partner } = props.summary;
  return (
    <>
      <p>{format(t.changesWarning, { partner: `${home}–${partner}`, n: props.items.length })}</p>
      <ul class="changed-items">
        {props.items.slice(0, REMOVED_SHOWN).map((item, n) => (
          <li key={n}>
            <del>{reading(props.view, item.kind, item.before)}</del> → <ins>{reading(props.view, item.kind, item.after)}</ins>
          </li>
        ))}
        {props.items.length > REMOVED_SHOWN && <li>{format(t.moreRemoved, { n: props.items.length - REMOVED_SHOWN })}</li>}
      </ul>
    </>
  );
}

/** A stored partnership whose kind or affiliation date the import changes: as stored, and as it will be. */
function DetailsWarning(props: { view: StaffView; summary: ChangeSummary }) {
  const t = STAFF[props.view.ctx.locale];
  const { home, partner, details } = props.summary;
  if (!details) return null;
  return (
    <p>
      {format(t.detailsWarning, {
        partner: `${home}–${partner}`,
        kindBefore: details.before.kind || t.none,
        dateBefore: details.before.affiliatedOn ?? t.none,
        kind: details.after.kind || t.none,
        date: details.after.affiliatedOn ?? t.none,
      })}
    </p>
  );
}

/** The web import: choose documents (several at once, read together) → preview (partnerships, events, records, diagnostics by line) → confirm → summary. */
export function ImportPage(props: { view: StaffView; preview?: ImportPreviewView; summary?: ChangeSummary[]; error?: string }) {
  const { view } = props;
  const { ctx } = view;
  const t = STAFF[ctx.locale];
  const c = COMMON[ctx.locale];
  const blocked = props.preview?.documents.some((d) => d.diagnostics.some((x) => x.severity === 'error')) ?? false;
  return (
    <Layout ctx={ctx} title={t.import}>
      <div class="staff">
        <p><a href={href(ctx, '/staff')}>{t.staff}</a></p>
        <h1>{t.import}</h1>
        {props.error && <p class="problems" role="alert">{props.error}</p>}
        {props.summary && (
          <section aria-labelledby="summary" role="status">
            <h2 id="summary">{t.summary}</h2>
            <ChangesTable view={view} changes={props.summary} />
          </section>
        )}
        {props.preview ? (
          <>
            {props.preview.documents.map((d, n) => (
              <section key={d.source} aria-labelledby={`preview-title-${n}`}>
                <h2 id={`preview-title-${n}`}>{format(t.previewOf, { file: d.source })}</h2>
                <h3>{t.diagnostics}</h3>
                {d.diagnostics.length === 0 ? (
                  <p>{t.noDiagnostics}</p>
                ) : (
                  <table class="diagnostics">
                    <thead><tr><th scope="col">{t.line}</th><th scope="col">{t.diagnostics}</th></tr></thead>
                    <tbody>
                      {errorsFirst(d.diagnostics).map((x, i) => {
                        const said = diagnosticText(ctx.locale, x);
                        return (
                          <tr key={i} class={x.severity}>
                            {/* A sheet's line names its sheet: the file of a CSV pair, the sheet of a workbook. */}
                            <td>{x.params?.sheet !== undefined && x.line !== null ? `${x.params.sheet} ${x.line}` : (x.line ?? '—')}</td>
                            <td>
                              {said.severity}: {said.message}
                              {ctx.locale !== 'en' && x.excerpt !== '' && <> <q lang="ja">{x.excerpt}</q></>}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
                {d.partnerships.map((p) => (
                  <section key={p.partner}>
                    <h3>{p.home}–{p.partner}{p.kind ? `（${p.kind}）` : ''}: {format(t.yearsEvents, { events: p.events.length, records: p.records.length })}</h3>
                    {/* What the document says of the partnership itself, which the import stores as well. */}
                    <dl class="import-details">
                      <dt>{t.affiliatedOn}</dt>
                      <dd>{p.affiliatedOn ?? t.dateNotGiven}</dd>
                      <dt>{t.noExchangeYears}</dt>
                      <dd>{p.noExchangeYears.length === 0 ? t.none : p.noExchangeYears.join(', ')}</dd>
                    </dl>
                    <table>
                      <thead><tr><th scope="col">{t.line}</th><th scope="col">{t.year}</th><th scope="col">{t.date}</th><th scope="col">{t.direction}</th><th scope="col">{t.textJa}</th></tr></thead>
                      <tbody>
                        {p.events.map((e, i) => (
                          <tr key={i}>
                            <td>{e.line ?? '—'}</td>
                            <td>{e.year}</td>
                            {/* The date as the importer read it (YYYY-MM-DD or YYYY-MM), for staff to check against the document. */}
                            <td>{e.date === null ? t.none : <time dateTime={e.date}>{e.date}</time>}</td>
                            <td>{c[e.direction]}</td>
                            <td>{e.text}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    {p.records.length > 0 && (
                      <>
                        <h4>{t.records}</h4>
                        <ul>
                          {p.records.map((r, i) => (
                            <li key={i}>{r.line !== null ? `${t.line} ${r.line}: ` : ''}{r.year} {r.caption}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </section>
                ))}
              </section>
            ))}
            {props.preview.changes && (
              <section aria-labelledby="would-change">
                <h2 id="would-change">{t.wouldChange}</h2>
                {props.preview.similar?.map((s) => (
                  <p key={`${s.home}–${s.partner}`} class="problems" role="alert">
                    {format(t.similarPartnerWarning, { partnership: `${s.home}–${s.partner}`, partner: s.partner, stored: s.stored.map((name) => format(t.quotedName, { name })).join(t.listSeparator) })}
                  </p>
                ))}
                {props.preview.changes
                  .filter((s) => s.removed.events + s.removed.records + s.removed.years > 0 || (s.detailsChanged && !s.created) || (s.changedItems?.length ?? 0) > 0)
                  .map((s) => (
                    <div key={`${s.home}–${s.partner}`} class="problems" role="alert">
                      {s.removed.events + s.removed.records > 0 && (
                        <p>{format(t.removesWarning, { partner: `${s.home}–${s.partner}`, events: s.removed.events, records: s.removed.records })}</p>
                      )}
                      {s.removed.years > 0 && <p>{format(t.removesYearsWarning, { partner: `${s.home}–${s.partner}`, years: s.removed.years })}</p>}
                      {s.detailsChanged && !s.created && <DetailsWarning view={view} summary={s} />}
                      {s.removedItems && (
                        <ul class="removed-items">
                          {s.removedItems.slice(0, REMOVED_SHOWN).map((item, n) => (
                            <li key={n}>
                              {item.year} {item.kind === 'record' ? `${t.recordItem}: ` : ''}
                              {item.text}
                            </li>
                          ))}
                          {s.removedItems.length > REMOVED_SHOWN && <li>{format(t.moreRemoved, { n: s.removedItems.length - REMOVED_SHOWN })}</li>}
                        </ul>
                      )}
                      {s.changedItems && <ChangedItems view={view} summary={s} items={s.changedItems} />}
                    </div>
                  ))}
                <ChangesTable view={view} changes={props.preview.changes} newNote />
              </section>
            )}
            {blocked ? (
              <p class="problems" role="alert">{t.nothingToImport}</p>
            ) : props.preview.refusal ? (
              <p class="problems" role="alert">{refusalText(t, props.preview.refusal)}</p>
            ) : (
              <PostForm view={view} action="/staff/import" label={t.confirm}>
                <input type="hidden" name="token" value={props.preview.token} />
                <button type="submit">{t.confirm}</button>
              </PostForm>
            )}
          </>
        ) : (
          <PostForm view={view} action="/staff/import/preview" upload label={t.import}>
            <p>{t.importHint}</p>
            <p><a href={href(ctx, '/staff/imports')}>{ImportLogMessages[ctx.locale].link}</a></p>
            <Field id="doc" label={t.document}><input id="doc" type="file" name="file" multiple required /></Field>
            <button type="submit">{t.preview}</button>
          </PostForm>
        )}
      </div>
    </Layout>
  );
}
