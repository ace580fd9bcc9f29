import type { ComponentChildren } from 'preact';
import type { Direction } from '../domain/direction.js';
import { eraLabel } from '../domain/era.js';
import type { FacetedSearchResult, SearchFilters, SearchHit } from '../domain/search-text.js';
import { localizedText } from '../domain/translation.js';
import { highlight } from './highlight.js';
import { COMMON } from './i18n/common.messages.js';
import { HTML_LANG, type Locale } from './i18n/locale.js';
import { format, pluralOf } from './i18n/messages.js';
import { SEARCH } from './i18n/search.messages.js';
import { FIELD_NAMES, KNOWLEDGE } from './i18n/knowledge.messages.js';
import { isExchangeField } from '../domain/exchange-field.js';
import { Layout } from './layout.js';
import { localHref, type PageContext } from './page-context.js';
import { EraNote, fill, formatCount, PartnerName } from './parts.js';
import { PLACE } from './i18n/place.messages.js';
import { queryLang } from './query-lang.js';
import { YearLinks, type YearView } from './search.year-links.js';

export interface SearchPageProps {
  ctx: PageContext;
  /** The query as the reader typed it ('' when none). */
  query: string;
  filters: SearchFilters;
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** Null when the query is blank: the page shows only the form. */
  result: FacetedSearchResult | null;
  /** Facets by field of exchange and by organisation, counted over every match. */
  knowledge?: { fields: { field: string; count: number }[]; organizations: { name: string; count: number }[]; omittedAbove?: number };
  /** Partnerships whose partner the query names in the reader's language (Dalian: 大連市), linked beside the results. */
  namedPartnerships?: readonly { id: number; home: string; partner: string }[];
  /** When the query is a year (2019, 令和元年): the partnerships with exchanges in it, linked above the results. */
  yearView?: YearView;
}

/** The link to the search page for a query, filters and page (page 1 is left out); values are URL-encoded. */
export function searchHref(ctx: PageContext, query: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (filters.partner !== undefined) params.set('partner', filters.partner);
  if (filters.home !== undefined) params.set('home', filters.home);
  if (filters.year !== undefined) params.set('year', String(filters.year));
  if (filters.direction !== undefined) params.set('direction', filters.direction);
  if (filters.kind !== undefined) params.set('kind', filters.kind);
  if (filters.organization !== undefined) params.set('org', filters.organization);
  if (filters.field !== undefined) params.set('field', filters.field);
  if (page > 1) params.set('page', String(page));
  return `${localHref(ctx, '/search')}?${params.toString()}`;
}

/** Partner cities listed in the partner facet at most: a common word across a country's record matches hundreds. */
export const PARTNER_FACET_SIZE = 30;

/**
 * The partner facet's entries to list: the PARTNER_FACET_SIZE with the most matches (ties in the facet's own order)
 * and the selected one, kept in the facet's order; `hidden` is how many are left out.
 */
export function shownPartners<P extends { home?: string; partner: string; count: number }>(
  partners: readonly P[],
  selected: string | undefined,
  size = PARTNER_FACET_SIZE,
  selectedHome?: string,
): { shown: P[]; hidden: number } {
  if (partners.length <= size) return { shown: [...partners], hidden: 0 };
  const top = new Set(partners.map((p, i) => ({ p, i })).sort((a, b) => b.p.count - a.p.count || a.i - b.i).slice(0, size).map((e) => e.p));
  const shown = partners.filter((p) => top.has(p) || (p.partner === selected && (selectedHome === undefined || p.home === selectedHome)));
  return { shown, hidden: partners.length - shown.length };
}

/** Full-text search over every partnership: the form, the hits with the query marked, facets and pages. */
export function SearchPage(props: SearchPageProps) {
  const { ctx, query, result } = props;
  const t = SEARCH[ctx.locale];
  return (
    <Layout ctx={ctx} title={result ? format(t.titleWithQuery, { q: query.trim() }) : t.title}>
      <h1>{t.title}</h1>
      <form class="search-page-form" action={localHref(ctx, '/search')} method="get">
        <label for="q">{t.queryLabel}</label>
        <div class="search-page-row">
          <input id="q" type="search" name="q" value={query} lang={queryLang(ctx.locale, query)} aria-describedby="q-hint" />
          <button type="submit">{t.submit}</button>
        </div>
        <p id="q-hint" class="hint">
          {t.queryHint}
        </p>
      </form>
      {props.yearView && <YearLinks ctx={ctx} view={props.yearView} />}
      {result && <Results {...props} result={result} />}
    </Layout>
  );
}

function Results(props: SearchPageProps & { result: FacetedSearchResult }) {
  const { ctx, filters, result, page, pageSize } = props;
  const t = SEARCH[ctx.locale];
  const q = props.query.trim();
  const filtered = activeFilters(filters).length > 0;
  const from = (page - 1) * pageSize + 1;
  const to = from + result.hits.length - 1;
  const pages = Math.max(Math.ceil(result.total / pageSize), 1);
  // Counts with the reader's grouping (4,392; 4392 would be hard to read).
  const n = (value: number) => formatCount(value, ctx.locale);
  // The query as typed, in the record's language when it is written in Japanese characters.
  const qLang = queryLang(ctx.locale, q);
  const echoed = qLang ? <span lang={qLang}>{q}</span> : q;
  // What was searched: the query as typed, or its kana in the other script when that found nothing (readAs).
  const searched = result.readAs === undefined ? echoed : ctx.locale === 'ja' ? result.readAs : <span lang="ja">{result.readAs}</span>;
  const hasFacets =
    result.facets.partners.length + result.facets.years.length + result.facets.directions.length + result.facets.records +
      (props.knowledge?.fields.length ?? 0) + (props.knowledge?.organizations.length ?? 0) > 0;
  // The results come first in the document, so the skip link, a keyboard and a screen reader reach them before the
  // facets (a hundred links on a big record); a wide screen shows the facets beside them (koryu.css).
  return (
    <div class="search-layout">
      <section class="search-results" aria-labelledby="results-heading">
        <h2 id="results-heading">{t.results}</h2>
        <p class="result-count">
          {result.total === 0 ? (
            fill(filtered ? t.noMatchFiltered : t.noMatch, { q: echoed })
          ) : (
            <>
              {fill(t.found, { q: searched, total: n(result.total) })} {result.hits.length === 0 ? t.pastLastPage : format(t.showing, { from: n(from), to: n(to) })}
            </>
          )}
        </p>
        {result.readAs !== undefined && <p class="hint">{fill(t.readAs, { q: echoed, as: searched })}</p>}
        {hasLatinWord(q) && <p class="hint">{t.latinNote}</p>}
        {props.namedPartnerships && props.namedPartnerships.length > 0 && (
          <p class="hint place-hint">
            {fill(PLACE[ctx.locale].searchHint, {
              places: props.namedPartnerships.map((p, i) => <span key={p.id}>{i > 0 && ', '}<a href={localHref(ctx, `/partnerships/${p.id}`)}><PartnerName ctx={ctx} p={p} /></a></span>),
            })}
          </p>
        )}
        {result.hits.length > 0 && (
          <ol class="hits" start={from}>
            {result.hits.map((hit) => (
              <Hit key={`${hit.kind}${hit.id}`} ctx={ctx} hit={hit} query={result.readAs ?? q} />
            ))}
          </ol>
        )}
        {result.total > 0 && page > pages && (
          // Past the last page (an old link, a page number typed by hand): no "34／33", only the way back.
          <nav class="pager" aria-label={t.pages}>
            <ul>
              <li>
                <a rel="prev" href={searchHref(ctx, q, filters, pages)}>
                  {format(t.lastPage, { pages: n(pages) })}
                </a>
              </li>
            </ul>
          </nav>
        )}
        {result.total > 0 && page <= pages && (page > 1 || page < pages) && (
          <nav class="pager" aria-label={t.pages}>
            <ul>
              {page > 1 && (
                <li>
                  <a rel="prev" href={searchHref(ctx, q, filters, page - 1)}>
                    {t.previous}
                  </a>
                </li>
              )}
              <li>{format(t.pageOf, { page: n(page), pages: n(pages) })}</li>
              {page < pages && (
                <li>
                  <a rel="next" href={searchHref(ctx, q, filters, page + 1)}>
                    {t.next}
                  </a>
                </li>
              )}
            </ul>
          </nav>
        )}
      </section>
      {(hasFacets || filtered) && <Facets {...props} />}
    </div>
  );
}

function Hit(props: { ctx: PageContext; hit: SearchHit; query: string }) {
  const { ctx, hit } = props;
  const text = localizedText(hit.text, hit.translations, ctx.locale);
  const href = hit.kind === 'event' ? localHref(ctx, `/events/${hit.id}`) : localHref(ctx, `/partnerships/${hit.partnershipId}#r${hit.id}`);
  const type = hit.direction ?? 'record';
  return (
    <li class="hit">
      <a class="hit-text" href={href} lang={langUnless(ctx.locale, text.lang)}>
        {highlight(text.text, props.query).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}
      </a>
      <p class="hit-meta">
        <PartnerName ctx={ctx} p={hit} />
        <span class="sep" aria-hidden="true">
          {' ・ '}
        </span>
        <YearLabel ctx={ctx} year={hit.year} />
        <span class="sep" aria-hidden="true">
          {' ・ '}
        </span>
        <span class={`dir-${type}`}>{typeLabel(ctx.locale, type)}</span>
      </p>
    </li>
  );
}

function Facets(props: SearchPageProps & { result: FacetedSearchResult }) {
  const { ctx, filters, result } = props;
  const t = SEARCH[ctx.locale];
  const q = props.query.trim();
  const active = activeFilters(filters);
  const { facets } = result;
  const partners = shownPartners(facets.partners, filters.partner, PARTNER_FACET_SIZE, filters.home);
  const sharedPartners = partnersOfSeveralHomes(facets.partners);
  const count = (n: number) => (
    <span class="count">
      {ctx.locale === 'en' ? ' (' : '（'}
      {format(t.count, { count: formatCount(n, ctx.locale) })}
      {ctx.locale === 'en' ? ')' : '）'}
    </span>
  );
  const option = (key: string, selected: boolean, href: string, label: ComponentChildren, n: number) => (
    <li key={key}>
      <a href={href} aria-current={selected ? 'true' : undefined}>
        {label}
        {count(n)}
        {selected && <span class="visually-hidden">{t.removeFilter}</span>}
      </a>
    </li>
  );
  const types: { type: Direction | 'record'; count: number }[] = [
    ...facets.directions.map((d) => ({ type: d.direction, count: d.count })),
    ...(facets.records > 0 ? [{ type: 'record' as const, count: facets.records }] : []),
  ];
  return (
    <aside class="refine" aria-labelledby="refine-heading">
      <h2 id="refine-heading">{t.refine}</h2>
      {active.length > 0 && (
        <div class="active-filters">
          <h3>{t.activeFilters}</h3>
          <ul>
            {active.map((f) => (
              <li key={f.name}>
                <a href={searchHref(ctx, q, without(filters, f.name))}>
                  {facetName(ctx.locale, f.name)}
                  {ctx.locale === 'en' ? ': ' : '：'}
                  {f.name === 'partner' ? (
                    <Ja ctx={ctx}>{chosenPartnership(filters)}</Ja>
                  ) : f.name === 'organization' ? (
                    <Ja ctx={ctx}>{filters.organization}</Ja>
                  ) : (
                    filterValue(ctx.locale, filters, f.name)
                  )}
                  <span aria-hidden="true"> ×</span>
                  <span class="visually-hidden">{t.removeFilter}</span>
                </a>
              </li>
            ))}
          </ul>
          {active.length > 1 && (
            <p>
              <a href={searchHref(ctx, q, {})}>{t.clearFilters}</a>
            </p>
          )}
        </div>
      )}
      <div class="facets">
        {facets.partners.length > 0 && (
          <div>
            <h3>{t.facetPartner}</h3>
            <ul>
              {partners.shown.map((p) => {
                const selected = filters.partner === p.partner && (filters.home === undefined || filters.home === p.home);
                // A partner some other home shares is one partnership only with its home (富山市・ハノイ市, not 鳥取市's).
                const pair = p.home !== ctx.home || sharedPartners.has(p.partner) || filters.home !== undefined;
                const chosen = { ...without(filters, 'home'), partner: p.partner, ...(pair ? { home: p.home } : {}) };
                const href = searchHref(ctx, q, selected ? without(filters, 'partner') : chosen);
                return option(`${p.home}\u0000${p.partner}`, selected, href, <PartnerName ctx={ctx} p={p} />, p.count);
              })}
            </ul>
            {partners.hidden > 0 && (
              <p class="facets-more">{format(pluralOf(ctx.locale, partners.hidden, { one: t.morePartnersOne, other: t.morePartners }), { count: formatCount(partners.hidden, ctx.locale) })}</p>
            )}
          </div>
        )}
        {facets.years.length > 0 && (
          <div>
            <h3>{t.facetYear}</h3>
            <ul>
              {facets.years.map((y) => {
                const selected = filters.year === y.year;
                const href = searchHref(ctx, q, selected ? without(filters, 'year') : { ...filters, year: y.year });
                return option(String(y.year), selected, href, <YearLabel ctx={ctx} year={y.year} />, y.count);
              })}
            </ul>
          </div>
        )}
        {types.length > 0 && (
          <div>
            <h3>{t.facetType}</h3>
            <ul>
              {types.map(({ type, count: n }) => {
                const selected = type === 'record' ? filters.kind === 'record' : filters.direction === type;
                const rest = without(without(filters, 'direction'), 'kind');
                const href = searchHref(ctx, q, selected ? rest : type === 'record' ? { ...rest, kind: 'record' } : { ...rest, direction: type });
                return option(type, selected, href, <span class={`dir-${type}`}>{typeLabel(ctx.locale, type)}</span>, n);
              })}
            </ul>
          </div>
        )}
        {props.knowledge?.omittedAbove !== undefined && (
          <p class="facets-omitted">{format(KNOWLEDGE[ctx.locale].knowledgeFacetsOmitted, { count: formatCount(props.knowledge.omittedAbove, ctx.locale) })}</p>
        )}
        {props.knowledge && props.knowledge.fields.length > 0 && (
          <div>
            <h3>{KNOWLEDGE[ctx.locale].field}</h3>
            <ul>
              {props.knowledge.fields.filter((f) => isExchangeField(f.field)).map((f) => {
                const selected = filters.field === f.field;
                const href = searchHref(ctx, q, selected ? without(filters, 'field') : { ...without(filters, 'eventIds'), field: f.field });
                return option(f.field, selected, href, isExchangeField(f.field) ? FIELD_NAMES[ctx.locale][f.field] : f.field, f.count);
              })}
            </ul>
          </div>
        )}
        {props.knowledge && props.knowledge.organizations.length > 0 && (
          <div>
            <h3>{KNOWLEDGE[ctx.locale].organization}</h3>
            <ul>
              {props.knowledge.organizations.map((o) => {
                const selected = filters.organization === o.name;
                const href = searchHref(ctx, q, selected ? without(filters, 'organization') : { ...without(filters, 'eventIds'), organization: o.name });
                return option(o.name, selected, href, <Ja ctx={ctx}>{o.name}</Ja>, o.count);
              })}
            </ul>
          </div>
        )}
      </div>
    </aside>
  );
}

type FilterName = keyof SearchFilters;

function activeFilters(filters: SearchFilters): { name: FilterName }[] {
  // The home is shown and removed with the partner: together they name one partnership.
  return (['partner', 'year', 'direction', 'kind', 'organization', 'field'] as const)
    .filter((name) => filters[name] !== undefined || (name === 'partner' && filters.home !== undefined))
    .map((name) => ({ name }));
}

function without(filters: SearchFilters, name: FilterName): SearchFilters {
  const rest = { ...filters };
  delete rest[name];
  if (name === 'partner') delete rest.home;
  return rest;
}

/** The partnership (or home, or partner) the partner and home filters choose, as the record names it. */
function chosenPartnership(filters: SearchFilters): string {
  return [filters.home, filters.partner].filter((name) => name !== undefined).join('・');
}

/** The partners of the facet that more than one home has: a link to one of them must name its home too. */
function partnersOfSeveralHomes(partners: readonly { home: string; partner: string }[]): Set<string> {
  const homes = new Map<string, number>();
  for (const p of partners) homes.set(p.partner, (homes.get(p.partner) ?? 0) + 1);
  return new Set([...homes].filter(([, n]) => n > 1).map(([partner]) => partner));
}

function facetName(locale: Locale, name: FilterName): string {
  const t = SEARCH[locale];
  if (name === 'organization') return KNOWLEDGE[locale].organization;
  if (name === 'field') return KNOWLEDGE[locale].field;
  return name === 'partner' ? t.facetPartner : name === 'year' ? t.facetYear : t.facetType;
}

function filterValue(locale: Locale, filters: SearchFilters, name: FilterName): string {
  if (name === 'year') return format(SEARCH[locale].yearValue, { year: filters.year ?? '' });
  if (name === 'direction' && filters.direction) return typeLabel(locale, filters.direction);
  if (name === 'kind') return typeLabel(locale, 'record');
  if (name === 'field') return isExchangeField(filters.field) ? FIELD_NAMES[locale][filters.field] : '';
  return filters.partner ?? '';
}

function typeLabel(locale: Locale, type: Direction | 'record'): string {
  return type === 'record' ? SEARCH[locale].photoRecord : COMMON[locale][type];
}

/** The Gregorian year in the reader's language, then its Japanese era label (Japanese text). */
function YearLabel(props: { ctx: PageContext; year: number }) {
  const { ctx, year } = props;
  return (
    <>
      {format(SEARCH[ctx.locale].yearValue, { year })}
      <EraNote ctx={ctx} label={eraLabel(year)} />
    </>
  );
}

/** True when the query holds a word in Latin letters (half- or full-width), which only some of the record is written in. */
export function hasLatinWord(query: string): boolean {
  return /\p{Script=Latin}{2,}/u.test(query.normalize('NFKC'));
}

/** Japanese text (names of places, era labels) inside a page that may be in another language. */
function Ja(props: { ctx: PageContext; children: ComponentChildren }) {
  const lang = langUnless(props.ctx.locale, 'ja');
  return lang ? <span lang={lang}>{props.children}</span> : <>{props.children}</>;
}

/** The `lang` attribute for text in `textLang`, or undefined when it is the page's language. */
function langUnless(pageLocale: Locale, textLang: Locale): string | undefined {
  return textLang === pageLocale ? undefined : HTML_LANG[textLang];
}
