/**
 * True for an address of the read API: `/api/…`, and `/api` itself (with or without a query), so `/api` and `/api/`
 * are answered alike (JSON, CORS) rather than one as a page and the other as the API.
 */
export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
