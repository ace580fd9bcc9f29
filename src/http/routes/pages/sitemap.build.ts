import { LOCALES } from '../../../views/i18n/locale.js';

/** The sitemaps protocol's limit of addresses in one file (sitemaps.org); a larger site is split under an index. */
export const SITEMAP_MAX_URLS = 50_000;

/** The pages of each partnership a sitemap names, in each language; its events are linked from its timeline. */
const PARTNERSHIP_PAGES = ['', '/agreements', '/insights'] as const;

/**
 * Every address the sitemap names, absolute on `base` (ending in /): each language's home and organisations page,
 * then each published partnership's timeline, agreements and insights in each language. Not its event pages: a
 * country's record holds a million, which crawlers reach from the timelines that link them; listing them would take
 * twenty files read from every event row, where these take one query on the partnerships (1,800 of them: 16,206
 * addresses). Nor the print views and PDFs (copies of the timeline), nor the search (robots.txt keeps crawlers out).
 */
export function sitemapUrls(base: string, partnershipIds: readonly number[]): string[] {
  const urls: string[] = [];
  for (const l of LOCALES) urls.push(`${base}${l}/`, `${base}${l}/organizations`);
  for (const id of partnershipIds) for (const page of PARTNERSHIP_PAGES) for (const l of LOCALES) urls.push(`${base}${l}/partnerships/${id}${page}`);
  return urls;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One sitemap file: a `<urlset>` of at most SITEMAP_MAX_URLS addresses. */
export function urlSet(urls: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${escapeXml(u)}</loc></url>\n`).join('')}</urlset>\n`;
}

/** A sitemap index naming the files `sitemap-1.xml` … of a site with more addresses than one file may hold. */
export function sitemapIndex(base: string, files: number): string {
  const entries = Array.from({ length: files }, (_, i) => `<sitemap><loc>${escapeXml(`${base}sitemap-${i + 1}.xml`)}</loc></sitemap>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

/**
 * The file `/sitemap.xml` (part undefined) or `/sitemap-PART.xml` answers with: up to SITEMAP_MAX_URLS addresses the
 * sitemap itself, past that an index of parts of SITEMAP_MAX_URLS each. Undefined for a part there is not.
 */
export function sitemapFile(base: string, urls: readonly string[], part?: number): string | undefined {
  const parts = Math.ceil(urls.length / SITEMAP_MAX_URLS);
  if (part === undefined) return parts <= 1 ? urlSet(urls) : sitemapIndex(base, parts);
  if (parts <= 1 || !Number.isInteger(part) || part < 1 || part > parts) return undefined;
  return urlSet(urls.slice((part - 1) * SITEMAP_MAX_URLS, part * SITEMAP_MAX_URLS));
}

/** robots.txt: the record is open to crawlers; staff pages, sign-in, search results and made-on-request PDFs are not. */
export function robotsTxt(sitemap: string): string {
  const closed = ['/staff', '/login', '/search'];
  const lines = ['User-agent: *', ...closed.flatMap((p) => [p, ...LOCALES.map((l) => `/${l}${p}`)]).map((p) => `Disallow: ${p}`), 'Disallow: /*.pdf$', '', `Sitemap: ${sitemap}`];
  return `${lines.join('\n')}\n`;
}
