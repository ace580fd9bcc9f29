import { Fragment } from 'preact';
import { anniversaries, tokyoCalendarDate } from '../domain/anniversary.js';
import type { AnniversaryEntry } from '../domain/anniversary.list.js';
import { DIRECTIONS, type Direction } from '../domain/direction.js';
import type { PartnershipSummary } from '../domain/partnership.js';
import type { HomePartnerships } from '../domain/record-homes.js';
import { COMMON } from './i18n/common.messages.js';
import { HOME } from './i18n/home.messages.js';
import { format, pluralOf } from './i18n/messages.js';
import { Downloads, type DownloadLink } from './downloads.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';
import { placeText } from '../domain/place-name.js';
import { DateWithEra, fill, formatCount, formatDate, ordinal, PartnershipKind, Place, relativeDays } from './parts.js';
import { AnniversariesSection } from './knowledge/anniversaries.js';
import { KNOWLEDGE } from './i18n/knowledge.messages.js';

/** A just-passed anniversary is shown for this many days after it; then the next one is. */
export const RECENT_ANNIVERSARY_DAYS = 30;

/**
 * The home page: the site's home municipality's partner cities, each as a card linking to its timeline, then the
 * record's other home municipalities (`otherHomes`, in the order given), each with its partners as links: a
 * compact list, as a country's record names some 1,000 homes. `anniversaries`: those of every affiliation and
 * agreement of the site's home around today; the section is left out without them.
 */
export function HomePage(props: {
  ctx: PageContext;
  partnerships: readonly PartnershipSummary[];
  otherHomes?: readonly HomePartnerships[];
  today: Date;
  anniversaries?: readonly AnniversaryEntry[];
  downloads?: readonly DownloadLink[];
}) {
  const { ctx } = props;
  const t = HOME[ctx.locale];
  const otherHomes = props.otherHomes ?? [];
  return (
    <Layout ctx={ctx} title={format(t.title, { home: placeText(ctx.home, ctx.places, ctx.locale) })}>
      <h1>{fill(t.title, { home: <Place ctx={ctx} name={ctx.home} /> })}</h1>
      <p>{t.intro}</p>
      {props.partnerships.length === 0 ? (
        <p>{otherHomes.length === 0 ? t.empty : fill(t.emptyHome, { home: <Place ctx={ctx} name={ctx.home} /> })}</p>
      ) : (
        <ul class="cards">
          {props.partnerships.map((p) => (
            <PartnerCard key={p.id} ctx={ctx} partnership={p} today={props.today} />
          ))}
        </ul>
      )}
      {props.partnerships.length > 0 && (
        <p>
          <a href={localHref(ctx, '/organizations')}>{KNOWLEDGE[ctx.locale].allOrganizations}</a>
        </p>
      )}
      {props.anniversaries && <AnniversariesSection ctx={ctx} entries={props.anniversaries} thisYear={tokyoCalendarDate(props.today).year} />}
      {otherHomes.length > 0 && <OtherHomes ctx={ctx} homes={otherHomes} />}
      <Downloads ctx={ctx} links={props.downloads ?? []} heading="downloadsAll" />
    </Layout>
  );
}

/** The record's other home municipalities: each a term, its partners the links of a list. */
function OtherHomes(props: { ctx: PageContext; homes: readonly HomePartnerships[] }) {
  const { ctx } = props;
  const t = HOME[ctx.locale];
  return (
    <section class="other-homes" aria-labelledby="other-homes">
      <h2 id="other-homes">{t.otherHomes}</h2>
      <p>{fill(t.otherHomesIntro, { home: <Place ctx={ctx} name={ctx.home} /> })}</p>
      <dl class="homes">
        {props.homes.map((g) => (
          <div key={g.home}>
            <dt><Place ctx={ctx} name={g.home} /></dt>
            <dd>
              <ul>
                {g.partnerships.map((p) => (
                  <li key={p.id}>
                    <a href={localHref(ctx, `/partnerships/${p.id}`)}><Place ctx={ctx} name={p.partner} /></a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function PartnerCard(props: { ctx: PageContext; partnership: PartnershipSummary; today: Date }) {
  const { ctx, partnership: p } = props;
  const t = HOME[ctx.locale];
  const common = COMMON[ctx.locale];
  const activeYears = p.activeYears;
  const first = activeYears[0];
  const last = activeYears[activeYears.length - 1];
  const counts = new Map<Direction, number>(DIRECTIONS.map((d) => [d, p.eventCounts[d] ?? 0]));
  const shown = DIRECTIONS.filter((d) => d === 'dispatch' || d === 'reception' || (counts.get(d) ?? 0) > 0);
  const a = p.affiliatedOn ? anniversaries(p.affiliatedOn, props.today) : null;
  const anniversary = a?.previous && a.previous.daysSince <= RECENT_ANNIVERSARY_DAYS
    ? { years: a.previous.years, date: a.previous.date, days: -a.previous.daysSince, template: t.anniversaryPassed }
    : a
      ? { years: a.next.years, date: a.next.date, days: a.next.daysUntil, template: t.anniversaryNext }
      : null;
  return (
    <li class="card">
      <h2>
        <a href={localHref(ctx, `/partnerships/${p.id}`)}>
          {fill(t.cardHeading, { kind: <PartnershipKind ctx={ctx} kind={p.kind} />, partner: <Place ctx={ctx} name={p.partner} /> })}
        </a>
      </h2>
      <dl class="facts">
        <dt>{t.affiliated}</dt>
        <dd>{p.affiliatedOn ? <DateWithEra ctx={ctx} iso={p.affiliatedOn} /> : t.affiliationUnknown}</dd>
        <dt>{t.exchange}</dt>
        <dd>
          {first !== undefined && last !== undefined
            ? format(pluralOf(ctx.locale, last - first + 1, { one: t.exchangeSpanOne, other: t.exchangeSpan }), { first, last, years: last - first + 1, active: activeYears.length })
            : t.noEvents}
        </dd>
        <dt>{t.events}</dt>
        <dd>
          {shown.map((d, i) => (
            <Fragment key={d}>
              {i > 0 && (ctx.locale === 'en' ? ', ' : '、')}
              <span class={`dir-${d}`}>{format(t.eventCount, { direction: common[d], count: formatCount(counts.get(d) ?? 0, ctx.locale) })}</span>
            </Fragment>
          ))}
        </dd>
        {anniversary && (
          <>
            <dt>{t.anniversary}</dt>
            <dd class="anniversary">
              {fill(anniversary.template, {
                ordinal: ordinal(anniversary.years, ctx.locale),
                date: <time dateTime={anniversary.date}>{formatDate(anniversary.date, ctx.locale)}</time>,
                relative: relativeDays(anniversary.days, ctx.locale),
              })}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
