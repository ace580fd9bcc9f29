import { DIRECTIONS } from '../../domain/direction.js';
import { EXCHANGE_FIELDS, type ExchangeField } from '../../domain/exchange-field.js';
import { insightsOf } from '../../domain/insights.js';
import { numberFormat } from '../../domain/intl.cache.js';
import type { StoredPartnership } from '../../domain/partnership.js';
import { chartFont, eventsPerYearSvg, type ChartSeries } from '../charts/events-per-year.chart.js';
import { COMMON } from '../i18n/common.messages.js';
import { FIELD_NAMES, KNOWLEDGE } from '../i18n/knowledge.messages.js';
import { format, formatPlural, pluralOf } from '../i18n/messages.js';
import { INTL_LOCALE, fill, formatCount, localized, partnerName, PartnerName } from '../parts.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { DIRECTION_COLORS } from '../timeline.page.js';
import { PartnershipNav } from './partnership-nav.js';
import { ScrollRegion } from '../scroll-region.js';

/** Colours of the fields, distinct from one another on white. */
export const FIELD_COLORS: Readonly<Record<ExchangeField, string>> = {
  education: '#1f5fa8',
  culture: '#8e3b9e',
  sports: '#2e7d32',
  economy: '#b0470b',
  government: '#4a4a4a',
  disaster: '#c62828',
  health: '#00796b',
  youth: '#a67c00',
  academic: '#3949ab',
};

/** One chart with the table of its numbers beside it. */
function ChartWithTable(props: { font: string; wide?: boolean; label: string; caption: string; years: readonly number[]; series: readonly ChartSeries[]; totalLabel: string; yearLabel: string }) {
  const shown = props.series.filter((s) => s.counts.some((n) => n > 0));
  const svg = eventsPerYearSvg({ years: props.years, series: shown, fontFamily: props.font });
  return (
    <div class={props.wide ? 'chart chart-wide' : 'chart'}>
      <ScrollRegion label={props.label}>
        <div class="chart-figure" role="img" aria-label={props.label} dangerouslySetInnerHTML={{ __html: svg }} />
      </ScrollRegion>
      <ScrollRegion label={props.caption}>
        <table class="chart-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.yearLabel}</th>
              {shown.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.years.map((y, i) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                {shown.map((s) => (
                  <td key={s.label}>{s.counts[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{props.totalLabel}</th>
              {shown.map((s) => (
                <td key={s.label}>{s.counts.reduce((a, b) => a + b, 0)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** A partnership's exchanges in figures: per year by direction, the balance, the gaps, and the fields over time. */
/** `links`: one per record, how sure Koryu is of the event it shows (see photo-link.ts). */
export function InsightsPage(props: {
  ctx: PageContext;
  partnership: StoredPartnership;
  fields: readonly (readonly ExchangeField[])[];
  links?: readonly { confidence: number; confirmed: boolean }[];
}) {
  const { ctx, partnership: p } = props;
  const t = KNOWLEDGE[ctx.locale];
  const common = COMMON[ctx.locale];
  const title = format(t.insightsTitle, { partner: partnerName(ctx, p) });
  if (p.events.length === 0) {
    return (
      <Layout ctx={ctx} title={title}>
        <h1>{fill(t.insightsTitle, { partner: <PartnerName ctx={ctx} p={p} /> })}</h1>
        <PartnershipNav ctx={ctx} id={p.id} current="insights" />
        <p>{t.noEvents}</p>
      </Layout>
    );
  }
  const k = insightsOf(p, props.fields);
  const from = k.years[0]!;
  const to = k.years[k.years.length - 1]!;
  const percent = numberFormat(INTL_LOCALE[ctx.locale], { style: 'percent', maximumFractionDigits: 0 });
  const directions = DIRECTIONS.map((d) => ({ label: common[d], color: DIRECTION_COLORS[d], counts: k.perDirection[d] }));
  const fieldSeries = EXCHANGE_FIELDS.map((f) => ({ label: FIELD_NAMES[ctx.locale][f], color: FIELD_COLORS[f], counts: k.perField[f] }));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{fill(t.insightsTitle, { partner: <PartnerName ctx={ctx} p={p} /> })}</h1>
      <PartnershipNav ctx={ctx} id={p.id} current="insights" />

      <h2 id="per-year">{t.perYear}</h2>
      <ChartWithTable
        font={chartFont(ctx.locale)}
        label={
          from === to
            ? format(pluralOf(ctx.locale, p.events.length, { one: t.perYearLabelYearOne, other: t.perYearLabelYear }), { year: from, count: formatCount(p.events.length, ctx.locale) })
            : format(pluralOf(ctx.locale, p.events.length, { one: t.perYearLabelOne, other: t.perYearLabel }), { from, to, count: formatCount(p.events.length, ctx.locale) })
        }
        caption={t.perYearTable}
        years={k.years}
        series={directions}
        totalLabel={t.total}
        yearLabel={common.year}
      />

      <h2 id="balance">{t.balance}</h2>
      <p>
        {format(t.balanceText, {
          dispatch: formatPlural(ctx.locale, k.totals.dispatch, { one: t.dispatchesOne, other: t.dispatches }),
          reception: formatPlural(ctx.locale, k.totals.reception, { one: t.receptionsOne, other: t.receptions }),
          share: k.dispatchShare === null ? '—' : percent.format(k.dispatchShare),
        })}
      </p>
      <ScrollRegion label={t.balanceCaption}>
        <table class="balance">
          <caption>{t.balanceCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{common.year}</th>
              <th scope="col">{common.dispatch}</th>
              <th scope="col">{common.reception}</th>
              <th scope="col">{t.difference}</th>
            </tr>
          </thead>
          <tbody>
            {k.years.map((y, i) => (
              <tr key={y}>
                <th scope="row">{y}</th>
                <td>{k.perDirection.dispatch[i]}</td>
                <td>{k.perDirection.reception[i]}</td>
                <td>{k.balance[i]! > 0 ? `+${k.balance[i]}` : String(k.balance[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id="gaps">{t.gaps}</h2>
      {k.gaps.length === 0 ? (
        <p>{t.gapsNone}</p>
      ) : (
        <ul class="gaps">
          {k.gaps.map((g) => (
            <li key={g.year}>
              {ctx.locale === 'en' ? g.year : `${g.year}年`} {g.marked && t.marked}
            </li>
          ))}
        </ul>
      )}

      <h2 id="fields">{t.fieldsOverTime}</h2>
      <ChartWithTable
        font={chartFont(ctx.locale)}
        wide
        label={from === to ? format(t.fieldsLabelYear, { year: from }) : format(t.fieldsLabel, { from, to })}
        caption={t.fieldsTable}
        years={k.years}
        series={fieldSeries}
        totalLabel={t.total}
        yearLabel={common.year}
      />

      {p.records.length > 0 && <PhotoLinks ctx={ctx} partnership={p} links={props.links ?? []} />}
    </Layout>
  );
}

/**
 * Each photo record with the event it shows and how sure Koryu is of it; captions without an event listed apart.
 * Captions and events in the reader's language where translated.
 */
function PhotoLinks(props: { ctx: PageContext; partnership: StoredPartnership; links: readonly { confidence: number; confirmed: boolean }[] }) {
  const { ctx, partnership: p } = props;
  const t = KNOWLEDGE[ctx.locale];
  const common = COMMON[ctx.locale];
  const percent = numberFormat(INTL_LOCALE[ctx.locale], { style: 'percent', maximumFractionDigits: 0 });
  const linked = p.records.map((r, i) => ({ r, i })).filter(({ r }) => r.event !== null);
  const unlinked = p.records.filter((r) => r.event === null);
  return (
    <>
      <h2 id="photo-links">{t.links}</h2>
      <ScrollRegion label={t.links}>
        <table class="photo-links">
          <caption class="visually-hidden">{t.links}</caption>
          <thead>
            <tr>
              <th scope="col">{common.year}</th>
              <th scope="col">{t.caption}</th>
              <th scope="col">{t.event}</th>
              <th scope="col">{t.confidence}</th>
            </tr>
          </thead>
          <tbody>
            {linked.map(({ r, i }) => {
              const link = props.links[i];
              const caption = localized(ctx, r.caption, r.translations);
              const event = p.events[r.event!];
              const text = event && localized(ctx, event.text, event.translations);
              return (
                <tr key={r.id}>
                  <th scope="row">{r.year}</th>
                  <td lang={caption.lang}>{caption.text}</td>
                  <td lang={text?.lang}>{text?.text}</td>
                  <td>{link?.confirmed ? t.confirmed : link ? percent.format(link.confidence) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <h3 id="unlinked">{t.unlinked}</h3>
      {unlinked.length === 0 ? (
        <p>—</p>
      ) : (
        <ul class="unlinked">
          {unlinked.map((r) => {
            const caption = localized(ctx, r.caption, r.translations);
            return (
              <li key={r.id}>
                {ctx.locale === 'en' ? r.year : `${r.year}年`} <span lang={caption.lang}>{caption.text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
