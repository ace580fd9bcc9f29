import type { FastifyInstance } from 'fastify';
import { KoryuError } from '../errors.js';
import { searchableText } from '../domain/search-text.js';
import type { Translations } from '../domain/translation.js';
import { simplifiedPairs } from '../domain/simplified-chinese.js';
import { SEARCH } from '../views/i18n/search.messages.js';
import { EXPORTERS } from '../exports/exporters.js';
import { listPublishedPartnerships } from '../services/record.service.js';
import type { Store } from '../storage/database.js';

const SKIP = /^\/api\/|\.pdf$|^\/partnerships\/\d+\/yearbook/;
const DOWNLOAD = /^(.*)\/downloads\/([\w-]+)$/;

/** URLs answered with a file of their own (at its path), not with a page: the feed, the calendar, assets, photos. */
const FILE = /^\/(feed\.atom|(?:en\/|zh\/)?anniversaries\.ics|assets\/.+|photos\/(?:thumb|display)\/[^/]+)$/;

/**
 * The file a site URL is written to: pages as DIR/index.html, downloads with their format's extension, the feed,
 * the calendar and assets at their own path. Segments are percent-decoded, as a web server or file:// decodes a
 * link before it looks for the file (`organizations/%E5%9C%B0…/` is the folder `organizations/地…/`).
 */
export function fileOf(url: string): string {
  const path = url.split('?')[0]!;
  const download = DOWNLOAD.exec(path);
  if (download) {
    const exporter = EXPORTERS.find((e) => e.format === download[2]);
    return onDisk(`${download[1]!.replace(/^\//, '')}${download[1] ? '/' : ''}downloads/koryu.${exporter?.extension ?? download[2]}`.replace(/^\//, ''));
  }
  if (FILE.test(path)) return onDisk(path.slice(1));
  return onDisk(`${path.replace(/^\/|\/$/g, '')}${path === '/' ? '' : '/'}index.html`.replace(/^\//, ''));
}

/**
 * A relative path of the copy with each segment percent-decoded; a segment that would not be one name inside its
 * folder once decoded ('.', '..', or holding a slash or NUL) stays encoded, its dots too, so it cannot lead out.
 */
function onDisk(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      let name: string;
      try {
        name = decodeURIComponent(segment);
      } catch {
        return segment;
      }
      return name === '.' || name === '..' || /[/\\\0]/.test(name) ? segment.replace(/\./g, '%2E') : name;
    })
    .join('/');
}

/** A link from the file `from` to the file `to`, relative, so the copy works under any sub-path; names percent-encoded. */
function relative(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${'../'.repeat(depth)}${to.split('/').map(encodeURIComponent).join('/')}`;
}

const ATTR = /\b(href|src|action)="(\/(?!\/)[^"]*)"/g;

/** A link element (with the list item holding only it), or a link element alone; the site-absolute link is group 1 or 2. */
const LINK_ELEMENT = /<li\b[^>]*>\s*<a\b[^>]*?\bhref="(\/(?!\/)[^"]*)"[^>]*>(?:(?!<\/a>)[\s\S])*<\/a>\s*<\/li>|<a\b[^>]*?\bhref="(\/(?!\/)[^"]*)"[^>]*>(?:(?!<\/a>)[\s\S])*<\/a>/g;

/**
 * The page without its links to what is not in the copy (the PDF of a print view), rather than with dead links,
 * and without its filter form, which only the server can answer.
 */
function withoutLinksOutOfCopy(html: string): string {
  return html
    .replace(LINK_ELEMENT, (element, inItem: string | undefined, alone: string | undefined) => (SKIP.test((inItem ?? alone ?? '').split(/[?#]/)[0]!) ? '' : element))
    .replace(FILTER_FORM, '');
}

/** A page's filter form (a partnership's years and directions): the copy's files cannot narrow, so it is left out. */
const FILTER_FORM = /<form class="filters[^"]*"[\s\S]*?<\/form>/g;

/** Site-absolute links of a page made relative; a query (filters, pages of a list) is kept for the search page only. */
function rewrite(html: string, file: string, found: (url: string) => void): string {
  return withoutLinksOutOfCopy(html).replace(ATTR, (_m, attr: string, url: string) => {
    const hashAt = url.indexOf('#');
    const fragment = hashAt >= 0 ? url.slice(hashAt) : '';
    const [path, query] = (hashAt >= 0 ? url.slice(0, hashAt) : url).replace(/&amp;/g, '&').split('?') as [string, string | undefined];
    if (SKIP.test(path)) return `${attr}="${relative(file, fileOf(path))}${fragment}"`;
    if (!path.startsWith('/assets/') && !query) found(path);
    if (path.startsWith('/assets/')) found(path);
    const target = relative(file, fileOf(path));
    const keep = query && /\/search$/.test(path) ? `?${query.replace(/&/g, '&amp;')}` : '';
    return `${attr}="${target}${keep}${fragment}"`;
  });
}

/** A page that sends the reader on to `href` (relative), for an address the server redirects. */
function redirectPage(href: string): string {
  const escaped = href.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${escaped}"><link rel="canonical" href="${escaped}"><title>…</title></head><body><p><a href="${escaped}">${escaped}</a></p></body></html>`;
}

/**
 * The search page of the static copy: the server's empty search page, with results listed by static-search.js under
 * the page's own search form (not the header's), counted in the page's language, and leading to the pages of that
 * language; when the index cannot be read (a copy opened as files: browsers refuse fetch on file://), a message in
 * the page's language says so.
 */
function staticSearchPage(html: string, file: string, url: string): string {
  const locale = url.startsWith('/en/') ? 'en' : url.startsWith('/zh/') ? 'zh' : 'ja';
  const script = `<script src="${relative(file, 'assets/static-search.js')}" defer></script>`;
  const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const t = SEARCH[locale];
  const results = `<div id="static-results" aria-live="polite" data-count="${attribute(t.found)}" data-unavailable="${attribute(t.indexUnavailable)}" data-prefix="${locale === 'ja' ? '' : `${locale}/`}"></div>`;
  const main = html.indexOf('<main');
  const formEnd = main < 0 ? -1 : html.indexOf('</form>', main);
  const at = formEnd >= 0 ? formEnd + '</form>'.length : html.indexOf('</main>');
  const page = html.replace('</head>', `${script}</head>`);
  const shift = script.length;
  return at < 0 ? page : `${page.slice(0, at + shift)}${results}${page.slice(at + shift)}`;
}

/** Where the static copy goes: each file as it is made, and the whole record's downloads made straight into files. */
export interface SiteSink {
  write(path: string, body: Buffer): Promise<void>;
  /**
   * The whole record in `format`, written to `path` as the server's download files are made (a part of the record
   * at a time): a country's record in one response would not fit in a string (JSON-LD: 632 MB).
   */
  writeRecord(path: string, format: string): Promise<void>;
}

const PARTNERSHIP_PAGE = /^(\/[a-z]{2})?\/partnerships\/\d+$/;
const WHOLE_RECORD_DOWNLOAD = /^\/downloads\/([\w-]+)$/;

/** A link of the copy that leads to no page: the server answered 404 for `url`, which the page `from` links to. */
export interface MissingPage {
  url: string;
  from: string;
}

/** What the copy holds: the paths written, and the links left pointing at nothing. */
export interface StaticSite {
  files: string[];
  missing: MissingPage[];
}

/**
 * The public site as static files: every page reachable from the home pages of each language (partnership pages,
 * event pages, print views), the photos they show, the style sheet, every download, the feed, a static search page per language and its
 * small index. Links are relative, so the copy can be served from any sub-path by any web server. Each file goes to
 * `sink` as it is made.
 *
 * An address the server redirects within the site (an organisation's alias) is written as a page sending the
 * reader on to the file of the address it names. A page the server cannot make (any other answer but 200, or a 404
 * for one of the starting pages) fails the whole copy
 * with `PublishFailed` naming the page and the page linking to it: a copy with a hole is not published. A 404 for
 * a linked page (a link to something that is not in the record) is not written and is given back in `missing`,
 * for the caller to report. `home` is the site's home municipality: a hit of another home's partnership names its home
 * (富山市・大連市), as the server's search does.
 */
export async function buildStaticSite(app: FastifyInstance, store: Store, sink: SiteSink, home?: string): Promise<StaticSite> {
  const written = new Set<string>();
  const missing: MissingPage[] = [];
  const queue = ['/', '/en/', '/zh/', '/search', '/en/search', '/zh/search', '/feed.atom', '/assets/static-search.js'];
  // A URL is queued once: every page links to many others (a partnership's page to each of its events).
  // The page that first linked to each one, for the messages.
  const linkedFrom = new Map<string, string>();
  const seen = new Set<string>(queue);
  for (let next = 0; next < queue.length; next++) {
    const url = queue[next]!;
    const file = fileOf(url);
    const whole = WHOLE_RECORD_DOWNLOAD.exec(url)?.[1];
    if (whole !== undefined && EXPORTERS.some((e) => e.format === whole)) {
      await sink.writeRecord(file, whole);
      written.add(file);
      continue;
    }
    const res = await app.inject(url);
    const from = linkedFrom.get(url);
    if (res.statusCode === 404 && from !== undefined) {
      missing.push({ url, from });
      continue;
    }
    const location = String(res.headers.location ?? '');
    if (res.statusCode >= 301 && res.statusCode <= 308 && location.startsWith('/') && !location.startsWith('//')) {
      // An address the server sends on (an organisation's alias to its name): the copy sends the reader on from a
      // page of its own to the file of the address it names.
      const target = location.split('#')[0]!.split('?')[0]!;
      if (!seen.has(target)) {
        seen.add(target);
        linkedFrom.set(target, url);
        queue.push(target);
      }
      await sink.write(file, Buffer.from(redirectPage(relative(file, fileOf(target)))));
      written.add(file);
      continue;
    }
    if (res.statusCode !== 200) {
      const said = res.body.replace(/\s+/g, ' ').trim().slice(0, 200);
      throw new KoryuError('PublishFailed', `the page ${url}${from === undefined ? '' : ` (linked from ${from})`} answered ${res.statusCode}${said ? ` (${said})` : ''}; nothing more was written.`);
    }
    if (/^text\/html/.test(String(res.headers['content-type']))) {
      let html = rewrite(res.body, file, (u) => {
        if (seen.has(u)) return;
        seen.add(u);
        linkedFrom.set(u, url);
        queue.push(u);
      });
      if (/(^|\/)search$/.test(url)) html = staticSearchPage(html, file, url);
      // The print view of a partnership is in the copy whether or not a page links to it.
      const print = `${url}/print`;
      if (PARTNERSHIP_PAGE.test(url) && !seen.has(print)) {
        seen.add(print);
        linkedFrom.set(print, url);
        queue.push(print);
      }
      await sink.write(file, Buffer.from(html));
    } else await sink.write(file, res.rawPayload);
    written.add(file);
  }
  // The index holds what the copy has pages for (the partnerships the home pages reach, those of every home
  // municipality of the record), so every hit leads somewhere.
  const copied = [...written].flatMap((f) => /^partnerships\/(\d+)\/index\.html$/.exec(f)?.[1] ?? []).map(Number);
  const items = (await listPublishedPartnerships(store, copied)).flatMap((p) => {
    const partner = home === undefined || p.home === home ? p.partner : `${p.home}・${p.partner}`;
    return [
      ...p.events
        .filter((e) => written.has(`events/${e.id}/index.html`))
        .map((e) => ({ k: 'e', partner, y: e.year, t: e.text, ...translatedTo(e.translations), n: searchableText(e.text, e.translations), href: `events/${e.id}/index.html` })),
      ...p.records.map((r) => ({ k: 'r', partner, y: r.year, t: r.caption, ...translatedTo(r.translations), n: searchableText(r.caption, r.translations), href: `partnerships/${p.id}/index.html#r${r.id}` })),
    ];
  });
  // With the simplified characters the search reads in their Japanese forms, as the server's search does.
  const forms = Object.fromEntries(simplifiedPairs());
  await sink.write('search-index.json', Buffer.from(JSON.stringify({ items, forms })));
  written.add('search-index.json');
  return { files: [...written], missing };
}

/** An item's translations for the copy's search, which shows them on the pages of their language (`tr`). */
function translatedTo(translations: Translations | undefined): { tr?: Translations } {
  return translations && Object.keys(translations).length > 0 ? { tr: translations } : {};
}
