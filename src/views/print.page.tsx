import type { ComponentChildren } from 'preact';
import { DIRECTIONS, type Direction } from '../domain/direction.js';
import { eraLabel, eraLabelOfDate } from '../domain/era.js';
import { dateTimeFormat } from '../domain/intl.cache.js';
import type { StoredPartnership } from '../domain/partnership.js';
import { yearsOf } from '../domain/partnership.js';
import { localizedText, type Translations } from '../domain/translation.js';
import { HTML_LANG, LOCALE_NAMES, LOCALES, type Locale } from './i18n/locale.js';
import { format } from './i18n/messages.js';
import { placeText } from '../domain/place-name.js';
import { kindGloss } from './i18n/kind.messages.js';
import { fill, Place } from './parts.js';
import { PrintedAttribution } from './printed-attribution.js';
import { PRINT } from './i18n/print.messages.js';
import { TIMELINE } from './i18n/timeline.messages.js';
import { Layout } from './layout.js';
import { switchHref, type PageContext } from './page-context.js';

/** A stored photo's display size, as the print view and the PDF show it. */
export const photoHref = (name: string): string => `/photos/display/${encodeURIComponent(name)}`;

const INTL_LOCALE: Readonly<Record<Locale, string>> = { ja: 'ja-JP', en: 'en-GB', zh: 'zh-CN' };

/** A recorded text in the reader's language where translated; `lang` marks it when it is not the page's language. */
function Localized(props: { text: string; translations: Translations | undefined; locale: Locale }) {
  const shown = localizedText(props.text, props.translations, props.locale);
  return shown.lang === props.locale ? <>{shown.text}</> : <span lang={HTML_LANG[shown.lang]}>{shown.text}</span>;
}

/** Japanese data (names, era labels) inside a page of another language. */
function Ja(props: { locale: Locale; children: ComponentChildren; class?: string }) {
  return props.locale === 'ja' && !props.class ? <>{props.children}</> : <span class={props.class} lang={props.locale === 'ja' ? undefined : 'ja'}>{props.children}</span>;
}

/** 2006-11-24 → 2006年（平成18年）11月24日, as the documents write the affiliation. */
export function documentDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年（${eraLabelOfDate(iso)}）${m}月${d === undefined ? '' : `${d}日`}`;
}

/** An affiliation date as a reader of `locale` writes it: the document's form in Japanese, 24 November 2006 in English. */
export function affiliationDate(iso: string, locale: Locale): string {
  return locale === 'ja' ? documentDate(iso) : localDate(iso, locale);
}

/** An ISO date or YYYY-MM in the reader's language. */
function localDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number | undefined];
  const date = new Date(Date.UTC(y, m - 1, d ?? 1, 12));
  return dateTimeFormat(INTL_LOCALE[locale], { year: 'numeric', month: 'long', ...(d === undefined ? {} : { day: 'numeric' }), timeZone: 'UTC' }).format(date);
}

function YearHeading(props: { year: number; locale: Locale }) {
  return (
    <>
      {format(PRINT[props.locale].yearLabel, { year: props.year })}{' '}
      <Ja locale={props.locale} class="era">
        ({eraLabel(props.year)})
      </Ja>
    </>
  );
}

/** The name of a partnership's print PDF: its document's title, with the language for an English or Chinese one. */
export function printFileName(p: Pick<StoredPartnership, 'kind' | 'partner'>, locale: Locale): string {
  return `${p.kind}${p.partner}との歩み${locale === 'ja' ? '' : `-${locale}`}.pdf`;
}

/**
 * The partnership as the city's document lays it out, for A4 paper and for the PDF: a title block, part 1 the
 * exchange timeline (year × direction × events, one event per line, — for a year without exchange), and part 2,
 * on a new page, the photo record's captions by year. The site's header and footer are left out. The heading is
 * the partnership page's, in the reader's language; in English and Chinese the document's own (Japanese) title
 * follows it. `documentTitle`, the window's and the PDF's title, is the print view's unless given (the yearbook's).
 */
export function PrintPage(props: {
  ctx: PageContext;
  partnership: StoredPartnership;
  pdfHref: string;
  timelineHref: string;
  cover?: ComponentChildren;
  documentTitle?: string;
}) {
  const { ctx, partnership: p } = props;
  const locale = ctx.locale;
  const t = PRINT[locale];
  const heading = TIMELINE[locale].title;
  // In the title's brackets, the kind as recorded and, in English and Chinese, what it means: (友好交流都市, friendship-exchange city).
  const gloss = locale === 'ja' ? '' : `${locale === 'en' ? ', ' : '，'}${kindGloss(locale, p.kind)}`;
  const title = format(heading, { kind: p.kind + gloss, partner: placeText(p.partner, ctx.places, locale) });
  const years = yearsOf(p);
  const directionName = (d: Direction) => t[d];
  const recordYears = [...new Set(p.records.map((r) => r.year))].sort((a, b) => a - b);
  return (
    <Layout ctx={ctx} title={props.documentTitle ?? format(t.pageTitle, { title })} bare printable>
      <nav class="no-print print-tools" aria-label={t.tools}>
        <ul>
          <li>
            <a href={props.timelineHref}>{t.back}</a>
          </li>
          <li>
            <a href={props.pdfHref} type="application/pdf" download>
              {t.downloadPdf}
            </a>
          </li>
          {LOCALES.filter((l) => l !== locale).map((l) => (
            <li key={l}>
              <a lang={HTML_LANG[l]} hreflang={HTML_LANG[l]} href={switchHref(ctx, l)}>
                {LOCALE_NAMES[l]}
              </a>
            </li>
          ))}
        </ul>
        <p>{t.printHint}</p>
      </nav>
      {props.cover}
      <header class="print-title">
        <h1>{fill(heading, { kind: <><Ja locale={locale}>{p.kind}</Ja>{gloss}</>, partner: <Place ctx={ctx} name={p.partner} /> })}</h1>
        {locale !== 'ja' && (
          <p class="print-original" lang="ja">
            {format(TIMELINE.ja.title, { kind: p.kind, partner: p.partner })}
          </p>
        )}
        <p class="print-home">
          {locale === 'ja' ? p.home : fill(t.homeCity, { home: <Place ctx={ctx} name={p.home} /> })}
        </p>
        {p.affiliatedOn && (
          <p class="print-affiliation">
            <Ja locale={locale}>
              {p.kind}提携：{documentDate(p.affiliatedOn)}
            </Ja>
            {locale !== 'ja' && (
              <>
                <br />
                {format(t.affiliation, { date: localDate(p.affiliatedOn, locale) })}
              </>
            )}
          </p>
        )}
        {/* The site's footer credits the source; the print view has none, and the yearbook's cover does it. */}
        {ctx.licence && !props.cover && (
          <div class="print-source">
            <PrintedAttribution locale={locale} licence={ctx.licence} />
          </div>
        )}
      </header>

      <section class="print-part" aria-labelledby="part-timeline">
        <h2 id="part-timeline">{t.timeline}</h2>
        {years.length === 0 ? (
          <p>{t.noEvents}</p>
        ) : (
          <table class="print-timeline">
            <thead>
              <tr>
                <th scope="col" class="col-year">
                  {t.year}
                </th>
                <th scope="col" class="col-direction">
                  {t.direction}
                </th>
                <th scope="col">{t.events}</th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => {
                const groups = DIRECTIONS.map((d) => ({ d, events: y.events.filter((e) => e.direction === d) })).filter((g) => g.events.length > 0);
                const rows: { d: Direction | null; events: typeof y.events }[] = groups.length === 0 ? [{ d: null, events: [] }] : groups;
                return rows.map((g, i) => (
                  <tr key={`${y.year}-${g.d ?? 'none'}`}>
                    {i === 0 && (
                      <th scope="row" rowSpan={rows.length}>
                        <YearHeading year={y.year} locale={locale} />
                      </th>
                    )}
                    <td>{g.d ? directionName(g.d) : y.noExchange ? <NoExchange label={t.noExchange} /> : <span aria-hidden="true">—</span>}</td>
                    <td>
                      {g.events.length === 0 && y.noExchange ? (
                        <NoExchange label={t.noExchange} />
                      ) : g.events.length === 0 ? (
                        // A year holding photo records only is no year without exchange unless it is marked so.
                        <a href={`#records-${y.year}`}>{t.recordsOnly}</a>
                      ) : (
                        <ul class="print-events">
                          {g.events.map((e) => (
                            <li key={e.id}>
                              {e.date && <span class="print-date">{localDate(e.date, locale)} </span>}
                              <Localized text={e.text} translations={e.translations} locale={locale} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        )}
      </section>

      <section class="print-part page-break" aria-labelledby="part-records">
        <h2 id="part-records">{t.records}</h2>
        {recordYears.length === 0 && <p>{t.noRecords}</p>}
        {recordYears.map((year) => (
          <section key={year} class="print-record-year" aria-labelledby={`records-${year}`}>
            <h3 id={`records-${year}`}>
              <YearHeading year={year} locale={locale} />
            </h3>
            <ul class="print-records">
              {p.records
                .filter((r) => r.year === year)
                .map((r) =>
                  r.photo ? (
                    <li key={r.id}>
                      <figure>
                        <img class="photo" src={photoHref(r.photo)} alt="" />
                        <figcaption>
                          <Localized text={r.caption} translations={r.translations} locale={locale} />
                        </figcaption>
                      </figure>
                    </li>
                  ) : (
                    <li key={r.id}>
                      <Localized text={r.caption} translations={r.translations} locale={locale} />
                    </li>
                  ),
                )}
            </ul>
          </section>
        ))}
      </section>
    </Layout>
  );
}

/** The document's dash for a year without exchange, read out as words. */
function NoExchange(props: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{props.label}</span>
    </>
  );
}
