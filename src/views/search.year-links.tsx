import { YEAR_LINKS } from './i18n/year-links.messages.js';
import { localHref, type PageContext } from './page-context.js';
import { fill, Ja, partnerName, YearWithEra } from './parts.js';

/** The year a search query names (year-query.ts) and the partnerships with exchanges in it, in the record's order. */
export interface YearView {
  year: number;
  partnerships: readonly { id: number; home: string; partner: string }[];
}

/**
 * Above the results of a query that is a year (2019, 令和元年): links to that year on the timeline of each
 * partnership with exchanges in it (only that year, at its row), since the words of the record seldom hold the year.
 */
export function YearLinks(props: { ctx: PageContext; view: YearView }) {
  const { ctx, view } = props;
  const t = YEAR_LINKS[ctx.locale];
  const year = <YearWithEra ctx={ctx} year={view.year} />;
  if (view.partnerships.length === 0) return <p class="year-links">{fill(t.none, { year })}</p>;
  return (
    <nav class="year-links" aria-label={t.label}>
      <p>{fill(t.lead, { year })}</p>
      <ul>
        {view.partnerships.map((p) => (
          <li key={p.id}>
            <a href={`${localHref(ctx, `/partnerships/${p.id}`)}?from=${view.year}&to=${view.year}#y${view.year}`}>
              <Ja ctx={ctx}>{partnerName(ctx, p)}</Ja>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
