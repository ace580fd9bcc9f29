import { DIRECTIONS, type Direction } from '../domain/direction.js';
import type { StoredPartnership } from '../domain/partnership.js';
import { yearSpan, yearsOf } from '../domain/partnership.js';
import { chartFont, eventsPerYearSvg } from './charts/events-per-year.chart.js';
import { COMMON } from './i18n/common.messages.js';
import { format, pluralOf } from './i18n/messages.js';
import { TIMELINE } from './i18n/timeline.messages.js';
import { Downloads, type DownloadLink } from './downloads.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';
import { placeText } from '../domain/place-name.js';
import { DateWithEra, fill, formatCount, formatDate, kindText, localized, PartnershipKind, Place, YearWithEra } from './parts.js';
import { KnowledgeFilterFields, type KnowledgeFilterProps } from './knowledge/knowledge-filter.js';
import { PartnershipNav } from './knowledge/partnership-nav.js';
import { ScrollRegion } from './scroll-region.js';

/** The colours of the directions, as in koryu.css (--dispatch …). */
export const DIRECTION_COLORS: Readonly<Record<Direction, string>> = {
  dispatch: '#1f5fa8',
  reception: '#b0470b',
  mutual: '#2e7d32',
  unknown: '#5f5f5f',
};

/** What the reader asked to see; anything missing means everything. */
export interface TimelineFilter {
  from?: number;
  to?: number;
  directions?: readonly Direction[];
}

/** The filter made whole for one partnership: a year range within its years (in order), and at least one direction. */
export interface ResolvedFilter {
  from: number;
  to: number;
  directions: readonly Direction[];
  /** True when the reader narrowed anything. */
  narrowed: boolean;
}

export function resolveFilter(p: StoredPartnership, filter: TimelineFilter): ResolvedFilter & { first: number; last: number } {
  const span = yearSpan(p);
  const first = span?.first ?? new Date().getUTCFullYear();
  const last = span?.last ?? first;
  const clamp = (y: number | undefined, fallback: number) => (y === undefined || !Number.isInteger(y) ? fallback : Math.min(last, Math.max(first, y)));
  let from = clamp(filter.from, first);
  let to = clamp(filter.to, last);
  if (from > to) [from, to] = [to, from];
  const chosen = DIRECTIONS.filter((d) => filter.directions?.includes(d));
  const directions = chosen.length > 0 ? chosen : DIRECTIONS;
  return { from, to, directions, first, last, narrowed: from !== first || to !== last || directions.length !== DIRECTIONS.length };
}

/** The exchange timeline of one partnership as the document shows it, with filters, a chart of events per year, and the photo record. */
/** With `knowledge`, the partnership given is already narrowed to its organisation and field; the form offers them. */
export function TimelinePage(props: { ctx: PageContext; partnership: StoredPartnership; filter?: TimelineFilter; knowledge?: KnowledgeFilterProps; downloads?: readonly DownloadLink[] }) {
  const { ctx, partnership: p } = props;
  const t = TIMELINE[ctx.locale];
  const common = COMMON[ctx.locale];
  const f = resolveFilter(p, props.filter ?? {});
  const inRange = (year: number) => year >= f.from && year <= f.to;
  const years = yearsOf(p).filter((y) => inRange(y.year));
  const shownEvents = p.events.filter((e) => inRange(e.year) && f.directions.includes(e.direction));
  const records = p.records.filter((r) => inRange(r.year));
  const kind = <PartnershipKind ctx={ctx} kind={p.kind} />;
  const partner = <Place ctx={ctx} name={p.partner} />;
  const self = localHref(ctx, `/partnerships/${p.id}`);
  const allYears: number[] = [];
  for (let y = f.first; y <= f.last; y++) allYears.push(y);

  // A partnership of another home municipality of the record than the site's names its home (the site's header names the site's).
  const title = p.home === ctx.home ? t.titleGlossed : t.titleOfHome;
  return (
    <Layout ctx={ctx} title={format(title, { home: placeText(p.home, ctx.places, ctx.locale), kind: kindText(ctx.locale, p.kind), partner: placeText(p.partner, ctx.places, ctx.locale) })}>
      <h1>{fill(title, { home: <Place ctx={ctx} name={p.home} />, kind, partner })}</h1>
      <PartnershipNav ctx={ctx} id={p.id} current="timeline" />
      <nav class="print-links no-print" aria-label={t.printLinks}>
        <ul>
          <li>
            <a href={localHref(ctx, `/partnerships/${p.id}/print`)}>{t.printView}</a>
          </li>
          <li>
            <a href={localHref(ctx, `/partnerships/${p.id}.pdf`)} type="application/pdf" download>
              {t.pdf}
            </a>
          </li>
        </ul>
      </nav>
      {p.affiliatedOn && <p>{fill(t.affiliation, { kind, date: <DateWithEra ctx={ctx} iso={p.affiliatedOn} /> })}</p>}

      <form class="filters no-print" method="get" action={self}>
        <div>
          <label for="f-from">{t.from}</label>{' '}
          <select id="f-from" name="from">
            {allYears.map((y) => (
              <option key={y} value={String(y)} selected={y === f.from}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-to">{t.to}</label>{' '}
          <select id="f-to" name="to">
            {allYears.map((y) => (
              <option key={y} value={String(y)} selected={y === f.to}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t.directions}</legend>
          {DIRECTIONS.map((d) => (
            <label key={d}>
              <input type="checkbox" name="direction" value={d} checked={f.directions.includes(d)} /> {common[d]}
            </label>
          ))}
        </fieldset>
        {props.knowledge && <KnowledgeFilterFields ctx={ctx} filter={props.knowledge} idPrefix="f" />}
        <button type="submit">{t.apply}</button>
        {(f.narrowed || props.knowledge?.organization !== undefined || props.knowledge?.field !== undefined) && <a href={self}>{t.reset}</a>}
      </form>
      <p class="showing">
        {format(pluralOf(ctx.locale, shownEvents.length, f.from === f.to ? { one: t.showingYearOne, other: t.showingYear } : { one: t.showingOne, other: t.showing }), {
          from: f.from,
          to: f.to,
          count: formatCount(shownEvents.length, ctx.locale),
        })}
      </p>

      <h2 id="timeline">{t.timeline}</h2>
      {years.length === 0 ? (
        <p>{t.nothingInRange}</p>
      ) : (
        <table class="timeline">
          <caption>{t.timelineCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{common.year}</th>
              <th scope="col">{t.direction}</th>
              <th scope="col">{t.events}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => {
              const groups = f.directions
                .map((d) => ({ d: d as Direction | null, events: y.events.filter((e) => e.direction === d) }))
                .filter((g) => g.events.length > 0);
              const rows = groups.length > 0 ? groups : [{ d: null, events: [] }];
              return rows.map((g, i) => (
                <tr key={`${y.year}-${g.d ?? 'none'}`} id={i === 0 ? `y${y.year}` : undefined}>
                  {i === 0 && (
                    <th scope="row" rowSpan={rows.length > 1 ? rows.length : undefined}>
                      <YearWithEra ctx={ctx} year={y.year} />
                    </th>
                  )}
                  <td class={g.d ? `dir-${g.d}` : undefined}>{g.d ? common[g.d] : '—'}</td>
                  <td>
                    {g.events.length === 0 ? (
                      y.events.length > 0 ? (
                        t.noMatch
                      ) : y.noExchange || y.records.length === 0 ? (
                        common.noExchange
                      ) : (
                        // A year holding photo records only is no year without exchange unless it is marked so.
                        <a href={`#r${y.records[0]!.id}`}>{t.recordsOnly}</a>
                      )
                    ) : (
                      <ul class="events">
                        {g.events.map((e) => {
                          const text = localized(ctx, e.text, e.translations);
                          return (
                            <li key={e.id} id={`e${e.id}`}>
                              {e.date && (
                                <>
                                  <time dateTime={e.date}>{formatDate(e.date, ctx.locale)}</time>{' '}
                                </>
                              )}
                              <a href={localHref(ctx, `/events/${e.id}`)} lang={text.lang}>
                                {text.text}
                              </a>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      )}

      <EventsPerYear ctx={ctx} partnership={p} filter={f} />

      {records.length > 0 && (
        <>
          <h2 id="records">{t.records}</h2>
          <table class="records">
            <caption>{t.recordsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{common.year}</th>
                <th scope="col">{t.caption}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => {
                const caption = localized(ctx, r.caption, r.translations);
                const event = r.event === null ? undefined : p.events[r.event];
                return (
                  <tr key={r.id} id={`r${r.id}`}>
                    <th scope="row">
                      <YearWithEra ctx={ctx} year={r.year} />
                    </th>
                    <td lang={caption.lang}>
                      {/* The caption beside it says what the photo shows. */}
                      {r.photo && <img src={`/photos/thumb/${r.photo}`} alt="" class="record-thumb" loading="lazy" />}
                      {event ? <a href={localHref(ctx, `/events/${event.id}`)}>{caption.text}</a> : caption.text}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <Downloads ctx={ctx} links={props.downloads ?? []} />
    </Layout>
  );
}

/** Counts of the shown events per year (every year of the range, zeros included) and direction. */
export function countsPerYear(p: StoredPartnership, f: Pick<ResolvedFilter, 'from' | 'to' | 'directions'>) {
  const years: number[] = [];
  for (let y = f.from; y <= f.to; y++) years.push(y);
  const rows = years.map((year) => ({ year, counts: f.directions.map((d) => p.events.filter((e) => e.year === year && e.direction === d).length) }));
  const totals = f.directions.map((_d, i) => rows.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0));
  // Only the directions that have events in the range get a series and a column.
  const keep = f.directions.map((_d, i) => (totals[i] ?? 0) > 0);
  const pick = <T,>(list: readonly T[]) => list.filter((_v, i) => keep[i]);
  return {
    years,
    directions: pick(f.directions),
    rows: rows.map((r) => ({ year: r.year, counts: pick(r.counts), total: pick(r.counts).reduce((a, b) => a + b, 0) })),
    totals: pick(totals),
    total: totals.reduce((a, b) => a + b, 0),
  };
}

function EventsPerYear(props: { ctx: PageContext; partnership: StoredPartnership; filter: ResolvedFilter }) {
  const { ctx, filter: f } = props;
  const t = TIMELINE[ctx.locale];
  const common = COMMON[ctx.locale];
  const data = countsPerYear(props.partnership, f);
  if (data.total === 0) {
    return (
      <>
        <h2 id="chart">{t.chart}</h2>
        <p>{t.noChart}</p>
      </>
    );
  }
  const svg = eventsPerYearSvg({
    fontFamily: chartFont(ctx.locale),
    years: data.years,
    series: data.directions.map((d, i) => ({ label: common[d], color: DIRECTION_COLORS[d], counts: data.rows.map((r) => r.counts[i] ?? 0) })),
  });
  return (
    <>
      <h2 id="chart">{t.chart}</h2>
      <div class="chart">
        <ScrollRegion label={t.chart}>
          <div
            class="chart-figure"
            role="img"
            aria-label={
              f.from === f.to
                ? format(t.chartLabelYear, { year: f.from, count: formatCount(data.total, ctx.locale) })
                : format(t.chartLabel, { from: f.from, to: f.to, count: formatCount(data.total, ctx.locale) })
            }
            dangerouslySetInnerHTML={{ __html: svg }}
          />
        </ScrollRegion>
        <ScrollRegion label={t.chartTable}>
          <table class="chart-table">
            <caption>{t.chartTable}</caption>
            <thead>
              <tr>
                <th scope="col">{common.year}</th>
                {data.directions.map((d) => (
                  <th key={d} scope="col" class={`dir-${d}`}>
                    {common[d]}
                  </th>
                ))}
                <th scope="col">{t.total}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  {r.counts.map((n, i) => (
                    <td key={data.directions[i]}>{formatCount(n, ctx.locale)}</td>
                  ))}
                  <td>{formatCount(r.total, ctx.locale)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.total}</th>
                {data.totals.map((n, i) => (
                  <td key={data.directions[i]}>{formatCount(n, ctx.locale)}</td>
                ))}
                <td>{formatCount(data.total, ctx.locale)}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      </div>
    </>
  );
}
