// The bench's `addresses` part: every public address of the site, asked once and then again, on the 1M-event store,
// with the server's peak RSS after them. What a citizen, a partner city or a researcher waits for the first time
// after a change (nothing cached), and then; the whole record's downloads included.
import { get as httpGet } from 'node:http';

export interface AddressFigures {
  path: string;
  status: number;
  bytes: number;
  /** The first request's time to the last byte, in ms. */
  firstMs: number;
  /** The same request again, in ms. */
  againMs: number;
}

/** The public addresses measured: pages, the read API, the feeds and every download. */
export function publicAddresses(partnershipId: number, eventId: number, query: string): string[] {
  const q = encodeURIComponent(query);
  const p = `/partnerships/${partnershipId}`;
  return [
    '/',
    p,
    `${p}/agreements`,
    `${p}/insights`,
    `${p}/print`,
    `/events/${eventId}`,
    '/organizations',
    `/search?q=${q}`,
    `/search?q=${q}&field=education`,
    // An organisation the corpus names in some 8,000 events: its first request reads the whole record's names.
    `/search?q=${q}&org=${encodeURIComponent('国際交流協会')}`,
    '/api/partnerships',
    `/api/partnerships/${partnershipId}`,
    `/api/partnerships/${partnershipId}/events`,
    `/api/search?q=${q}`,
    `${p}/downloads/csv`,
    `${p}/downloads/xlsx`,
    '/feed.atom',
    '/anniversaries.ics',
    '/downloads/text',
    '/downloads/csv',
    '/downloads/jsonld',
    '/downloads/json',
    '/downloads/xlsx',
    '/export.json',
  ];
}

/** One GET to its last byte, counting the bytes without keeping them (a download of the record is hundreds of MB). */
function timedGet(url: string): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    httpGet(url, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Each address asked twice in a row, one after another. */
export async function measureAddresses(base: string, paths: readonly string[], log: (line: string) => void): Promise<AddressFigures[]> {
  const figures: AddressFigures[] = [];
  for (const path of paths) {
    const first = await timedGet(base + path);
    const again = await timedGet(base + path);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    figures.push({ path, status: first.status, bytes: first.bytes, firstMs: round(first.ms), againMs: round(again.ms) });
    log(`addresses: ${path} ${first.status} ${first.bytes} bytes, first ${first.ms.toFixed(0)} ms, again ${again.ms.toFixed(0)} ms`);
  }
  return figures;
}
