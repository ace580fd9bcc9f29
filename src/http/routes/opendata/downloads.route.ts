import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StoredPartnership } from '../../../domain/partnership.js';
import { KoryuError } from '../../../errors.js';
import type { ExportBody, Exporter } from '../../../exports/exporter.js';
import { EXPORTERS } from '../../../exports/exporters.js';
import type { RecordDownloads } from '../../../services/downloads.service.js';
import { exportOne, exportPartnerships, type ExportSettings } from '../../../services/export.service.js';
import { findPublishedPartnership } from '../../../services/record.service.js';
import type { Store } from '../../../storage/database.js';
import { parseByteRange } from '../../byte-range.js';
import type { DownloadLink } from '../../../views/downloads.js';
import { pathId } from '../../path-id.js';

/**
 * Content-Disposition for a download: an ASCII `filename` for old clients and the real (Japanese) name as
 * RFC 5987 `filename*`, which every current browser prefers.
 */
export function contentDisposition(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** The download links of the whole record (`base` /downloads) or of one partnership (/partnerships/ID/downloads). */
export function downloadLinks(base: string): DownloadLink[] {
  return EXPORTERS.map((e) => ({ href: `${base}/${e.format}`, format: e.format, label: e.label ?? e.format, type: e.contentType.split(';')[0]! }));
}

/**
 * A whole-record download from its file, streamed: whole, or the one byte range asked for (a download resumed after
 * a broken connection; a country's JSON-LD is 632 MB), with the file's ETag. A harvester asking again with that ETag
 * gets a 304 with no body while the server keeps the file; a range asked `If-Range` another file is answered with
 * the whole of this one, so a resumed download never joins two files.
 */
export async function sendRecordFile(request: FastifyRequest, reply: FastifyReply, downloads: RecordDownloads, format: string, names?: { ascii: string; name: string }) {
  const { file, handle } = await downloads.read(format);
  void reply.header('etag', file.etag).header('cache-control', 'public, max-age=0, must-revalidate').header('accept-ranges', 'bytes');
  if (names) void reply.header('content-disposition', contentDisposition(`${names.ascii}.${file.exporter.extension}`, `${names.name}.${file.exporter.extension}`));
  if (noneMatch(request.headers['if-none-match'], file.etag)) {
    await handle.close();
    return reply.code(304).send();
  }
  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === file.etag ? parseByteRange(request.headers.range, file.bytes) : undefined;
  if (range === 'unsatisfiable') {
    await handle.close();
    return reply.code(416).header('content-range', `bytes */${file.bytes}`).send();
  }
  void reply.type(file.exporter.contentType);
  if (request.method === 'HEAD') {
    // Fastify would read a stream to its end to answer HEAD: the file is not read at all.
    await handle.close();
    const length = range === undefined ? file.bytes : range.end - range.start + 1;
    if (range !== undefined) void reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.bytes}`);
    return reply.header('content-length', length).send(Readable.from([]));
  }
  if (range === undefined) return reply.header('content-length', file.bytes).send(handle.createReadStream());
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${file.bytes}`)
    .header('content-length', range.end - range.start + 1)
    .send(handle.createReadStream({ start: range.start, end: range.end }));
}

/** Whether an If-None-Match header names `etag` (compared weakly, as RFC 9110 has it for this header) or is `*`. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** An export made for this request. */
function answer(reply: FastifyReply, exporter: Exporter, body: ExportBody, names: { ascii: string; name: string }) {
  return reply
    .type(exporter.contentType)
    .header('content-disposition', contentDisposition(`${names.ascii}.${exporter.extension}`, `${names.name}.${exporter.extension}`))
    .send(typeof body === 'string' ? body : Buffer.from(body));
}

/** The format if there is a download in it; the refusal names the formats there are, never echoes the address. */
function knownFormat(format: string): string {
  if (!EXPORTERS.some((e) => e.format === format)) {
    throw new KoryuError('DocumentNotFound', `There is no download in that format; the formats are ${EXPORTERS.map((e) => e.format).join(', ')}.`);
  }
  return format;
}

/** The published partnership of the address, read alone. */
function partnershipById(store: Store, raw: string): Promise<StoredPartnership> {
  return findPublishedPartnership(store, pathId(raw));
}

/**
 * Downloads of the whole record (files made once per generation of the store: RecordDownloads) and of each
 * partnership in every export format, and the Atom feed at /feed.atom.
 */
export function registerDownloadRoutes(app: FastifyInstance, store: Store, home: string, settings: ExportSettings, downloads: RecordDownloads): void {
  const whole = { ascii: 'koryu-record', name: `${home}_国際交流の記録` };
  app.get<{ Params: { format: string } }>('/downloads/:format', async (request, reply) => sendRecordFile(request, reply, downloads, knownFormat(request.params.format), whole));
  // The feed (exportFeed, kept while the store is unchanged) and a partnership's downloads are each read from one
  // snapshot of the store, so that an edit saved while one is read is wholly in it or not at all.
  app.get('/feed.atom', async (_request, reply) => {
    const { exporter, body } = await exportOne(store, 'atom', {}, settings);
    return answer(reply, exporter, body, whole);
  });
  app.get<{ Params: { id: string; format: string } }>('/partnerships/:id/downloads/:format', async (request, reply) => {
    const format = knownFormat(request.params.format);
    const { p, exported } = await store.snapshot(async (reader) => {
      const p = await partnershipById(reader, request.params.id);
      return { p, exported: await exportPartnerships(reader, format, [p], { ...settings, partnershipId: p.id }) };
    });
    return answer(reply, exported.exporter, exported.body, { ascii: `partnership-${p.id}`, name: `${p.home}_${p.partner}_交流の記録` });
  });
}
