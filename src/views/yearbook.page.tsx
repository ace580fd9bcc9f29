import type { Licence } from '../domain/licence.js';
import { yearSpan, type StoredPartnership } from '../domain/partnership.js';
import { format, formatPlural } from './i18n/messages.js';
import { YEARBOOK } from './i18n/yearbook.messages.js';
import type { PageContext } from './page-context.js';
import { placeText } from '../domain/place-name.js';
import { fill, PartnershipKind, Place } from './parts.js';
import { affiliationDate, PrintPage } from './print.page.js';
import { PrintedAttribution } from './printed-attribution.js';

/**
 * The yearbook (年表と写真で見る…の交流の歩み): a cover page, then the print view itself — the timeline pages and
 * the photo-record pages with their captions — so the book and the print view can never differ.
 */
export function YearbookPage(props: { ctx: PageContext; partnership: StoredPartnership; licence?: Licence; madeOn: string }) {
  const { ctx, partnership: p } = props;
  const t = YEARBOOK[ctx.locale];
  const span = yearSpan(p);
  // The partnership's own home: a store may hold several, and the site's (ctx.home) is only one of them.
  const title = format(t.title, { home: placeText(p.home, ctx.places, ctx.locale), partner: placeText(p.partner, ctx.places, ctx.locale) });
  const cover = (
    <section class="yearbook-cover" aria-labelledby="yearbook-title">
      <h1 id="yearbook-title">{fill(t.title, { home: <Place ctx={ctx} name={p.home} />, partner: <Place ctx={ctx} name={p.partner} /> })}</h1>
      <p class="yearbook-kind">
        <PartnershipKind ctx={ctx} kind={p.kind} />
      </p>
      {p.affiliatedOn && <p>{format(t.affiliated, { date: affiliationDate(p.affiliatedOn, ctx.locale) })}</p>}
      {span && <p>{format(t.span, { first: span.first, last: span.last })}</p>}
      <p>
        {format(t.counts, {
          events: formatPlural(ctx.locale, p.events.length, { one: t.eventsOne, other: t.events }),
          records: formatPlural(ctx.locale, p.records.length, { one: t.recordsOne, other: t.records }),
        })}
      </p>
      <div class="yearbook-colophon">
        {props.licence && <PrintedAttribution locale={ctx.locale} licence={props.licence} />}
        <p>{format(t.made, { date: props.madeOn })}</p>
      </div>
    </section>
  );
  return <PrintPage ctx={ctx} partnership={p} pdfHref="" timelineHref="" cover={cover} documentTitle={title} />;
}
