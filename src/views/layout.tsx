import type { ComponentChildren } from 'preact';
import { LicenceNote } from './downloads.js';
import { COMMON } from './i18n/common.messages.js';
import { FORM_KEEPER } from './i18n/form-keeper.messages.js';
import { HTML_LANG, LOCALE_NAMES, LOCALES } from './i18n/locale.js';
import { canonicalHref, localHref, switchHref, type PageContext } from './page-context.js';
import { placeText } from '../domain/place-name.js';
import { fill, Place } from './parts.js';

/**
 * Every page's frame: language, skip link, site header with search and language switch, footer. No inline style or
 * script; the public pages have no script at all, staff pages and the sign-in page one (keepsForms). The home municipality's name is Japanese, marked so on pages in other languages (not in <title>, which
 * holds text only).
 */
export function Layout(props: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  printable?: boolean;
  /** Only the page's own content: no skip link, site header (search, language switch) or footer — for the print view. */
  bare?: boolean;
}) {
  const { ctx } = props;
  const t = COMMON[ctx.locale];
  return (
    <html lang={HTML_LANG[ctx.locale]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | ${placeText(ctx.home, ctx.places, ctx.locale)} ${t.siteName}`}</title>
        <link rel="stylesheet" href={`/assets/koryu.css?v=${ctx.assetVersion}`} />
        <link rel="canonical" href={canonicalHref(ctx)} />
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hreflang={HTML_LANG[l]} href={switchHref(ctx, l)} />
        ))}
        {keepsForms(ctx.path) && <FormKeeper ctx={ctx} />}
      </head>
      <body>
        {!props.bare && (
          <a class="skip" href="#main">
            {t.skip}
          </a>
        )}
        {!props.bare && (
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={localHref(ctx, '/')}>
              <Place ctx={ctx} name={ctx.home} /> {t.siteName}
            </a>
            <form class="search-form" role="search" action={localHref(ctx, '/search')} method="get">
              <label class="visually-hidden" for="site-q">
                {t.searchLabel}
              </label>
              <input id="site-q" type="search" name="q" />
              <button type="submit">{t.searchButton}</button>
            </form>
            <nav aria-label={t.language}>
              <ul class="langs">
                {LOCALES.map((l) => (
                  <li key={l}>
                    {l === ctx.locale ? (
                      <span lang={HTML_LANG[l]} aria-current="true">
                        <strong>{LOCALE_NAMES[l]}</strong>
                      </span>
                    ) : (
                      <a lang={HTML_LANG[l]} hreflang={HTML_LANG[l]} href={switchHref(ctx, l)}>
                        {LOCALE_NAMES[l]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        )}
        <main id="main">{props.children}</main>
        {!props.bare && (
          <footer class="site-footer">
            <div class="bar">
              {fill(t.footer, { home: <Place ctx={ctx} name={ctx.home} /> })}
              {ctx.licence && <LicenceNote ctx={ctx} licence={ctx.licence} />}
            </div>
          </footer>
        )}
      </body>
    </html>
  );
}

/** Pages that load public/form-keeper.js: staff pages, whose forms it keeps, and the sign-in page, which tells it a form was lost. */
export function keepsForms(path: string): boolean {
  return path === '/login' || path === '/staff' || path.startsWith('/staff/');
}

/** The form keeper's script, with its texts in the page's language. */
function FormKeeper(props: { ctx: PageContext }) {
  const t = FORM_KEEPER[props.ctx.locale];
  return (
    <script
      src={`/assets/form-keeper.js?v=${props.ctx.assetVersion}`}
      defer
      data-sign-in={String(props.ctx.path === '/login')}
      data-note={t.note}
      data-restore={t.restore}
      data-discard={t.discard}
      data-restored={t.restored}
    />
  );
}
