import type { AnniversaryEntry } from '../../domain/anniversary.list.js';
import { KNOWLEDGE } from '../i18n/knowledge.messages.js';
import { localHref, type PageContext } from '../page-context.js';
import { fill, formatDate, Ja, ordinal, PartnershipKind, Place, relativeDays } from '../parts.js';

/** The anniversaries just passed and coming, for the home page, with the link to the calendar feed. */
export function AnniversariesSection(props: { ctx: PageContext; entries: readonly AnniversaryEntry[]; thisYear: number }) {
  const { ctx } = props;
  const t = KNOWLEDGE[ctx.locale];
  const when = (e: AnniversaryEntry) => {
    if (e.date !== null) {
      return fill(t.anniversaryWhen, {
        date: <time dateTime={e.date}>{formatDate(e.date, ctx.locale)}</time>,
        relative: relativeDays(e.days ?? 0, ctx.locale),
      });
    }
    const word = e.year === props.thisYear ? t.thisYear : e.year > props.thisYear ? t.nextYear : t.lastYear;
    return fill(t.anniversaryWhen, {
      date: <time dateTime={String(e.year)}>{ctx.locale === 'en' ? e.year : `${e.year}年`}</time>,
      relative: word,
    });
  };
  return (
    <section class="anniversaries" aria-labelledby="anniversaries">
      <h2 id="anniversaries">{t.anniversaries}</h2>
      <p>{t.anniversariesIntro}</p>
      {props.entries.length === 0 ? (
        <p>{t.noAnniversaries}</p>
      ) : (
        <ul>
          {props.entries.map((e) => (
            <li key={`${e.source.kind}-${e.source.partnershipId}-${e.source.label}-${e.years}`}>
              {when(e)}{' '}
              <a href={localHref(ctx, e.source.kind === 'affiliation' ? `/partnerships/${e.source.partnershipId}` : `/partnerships/${e.source.partnershipId}/agreements`)}>
                {fill(e.source.kind === 'affiliation' ? t.anniversaryAffiliation : t.anniversaryAgreement, {
                  partner: <Place ctx={ctx} name={e.source.partner} brief={e.source.kind !== 'affiliation'} />,
                  kind: e.source.kind === 'affiliation' ? <PartnershipKind ctx={ctx} kind={e.source.label} /> : <Ja ctx={ctx}>{e.source.label}</Ja>,
                  title: <Ja ctx={ctx}>{e.source.label}</Ja>,
                  ordinal: ordinal(e.years, ctx.locale),
                })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={ctx.locale === 'ja' ? '/anniversaries.ics' : `/${ctx.locale}/anniversaries.ics`} type="text/calendar">
          {t.calendarFeed}
        </a>
      </p>
    </section>
  );
}
