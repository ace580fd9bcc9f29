import { licenceIn, type Licence } from '../domain/licence.js';
import { OPENDATA } from './i18n/opendata.messages.js';
import type { PageContext } from './page-context.js';
import { Credit, fill } from './parts.js';

/** A file the reader can download: where, its format, and what it is called (a format name, not translated). */
export interface DownloadLink {
  href: string;
  format: string;
  label: string;
  /** The media type, given to the link as a hint. */
  type: string;
}

/** Formats whose link says in words what the file holds, in the reader's language. */
const WORDED: Readonly<Record<string, 'photosCsv' | 'text'>> = { 'photos-csv': 'photosCsv', text: 'text' };

/** The read API's description (OpenAPI), listed after the files: the same data, a partnership or an event at a time. */
export const API_DOCUMENT = '/api/openapi.json';

/**
 * The section listing the downloads of a page's data, each link a plain GET of a file, and then the read API (a
 * static copy, which has no API, leaves that item out with every /api link).
 */
export function Downloads(props: { ctx: PageContext; links: readonly DownloadLink[]; heading?: 'downloads' | 'downloadsAll' }) {
  const t = OPENDATA[props.ctx.locale];
  if (props.links.length === 0) return null;
  return (
    <section class="downloads no-print" aria-labelledby="downloads">
      <h2 id="downloads">{t[props.heading ?? 'downloads']}</h2>
      <p>{t.downloadsIntro}</p>
      <ul>
        {props.links.map((l) => (
          <li key={l.href}>
            <a href={l.href} type={l.type} download="">
              {WORDED[l.format] ? t[WORDED[l.format]!] : l.label}
            </a>
          </li>
        ))}
        <li>
          <a href={API_DOCUMENT} type="application/json">
            {t.api}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The credit and terms of use, for the page footer; the credit is the municipality's own line, in Japanese. */
export function LicenceNote(props: { ctx: PageContext; licence: Licence }) {
  const t = OPENDATA[props.ctx.locale];
  const terms = licenceIn(props.licence, props.ctx.locale);
  return (
    <p class="licence">
      {fill(t.source, { attribution: <Credit locale={props.ctx.locale}>{props.licence.attribution}</Credit> })}　{t.licence}
      <a rel="license" href={terms.url} hreflang={terms.lang}>
        {terms.name}
      </a>
    </p>
  );
}
