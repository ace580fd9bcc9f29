import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UploadKind } from '../../domain/upload.js';
import { KoryuError } from '../../errors.js';

export interface UploadLimits {
  maxPhotoBytes: number;
  maxDocumentBytes: number;
}

/** Room for the multipart framing and a form's text fields around its files. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Files one upload may carry: one photo; the documents of one web import (the CSV export's FILE.csv and
 * FILE.photos.csv, or several timelines), each within the document limit.
 */
export const MAX_FILES: Readonly<Record<UploadKind, number>> = { photo: 1, document: 10 };

const VARIABLE: Readonly<Record<UploadKind, string>> = { photo: 'KORYU_MAX_PHOTO_BYTES', document: 'KORYU_MAX_DOCUMENT_BYTES' };

export function megabytes(n: number): string {
  return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}

/** An upload over its limit (HTTP 413); `kind` and `limit` let the pages say it in the reader's language. */
export class UploadTooLargeError extends KoryuError {
  constructor(
    readonly kind: UploadKind,
    readonly limit: number,
  ) {
    super('UploadTooLarge', `The ${kind} is larger than the limit of ${megabytes(limit)} (${VARIABLE[kind]}). Nothing was stored.`);
  }
}

/** An upload of more files than its route takes (HTTP 413, like a file over its limit). */
export class TooManyFilesError extends KoryuError {
  constructor(
    readonly kind: UploadKind,
    readonly max: number,
  ) {
    super('UploadTooLarge', `At most ${max} ${kind === 'photo' ? 'photo' : 'documents'} can be sent at once. Nothing was stored.`);
  }
}

/** The multipart parser's refusal of a file past the route's MAX_FILES. */
export function isTooManyFiles(error: unknown): boolean {
  return (error as { code?: string }).code === 'FST_FILES_LIMIT';
}

/** The kind of file a route takes, by its pattern (with or without a language prefix); undefined for other routes. */
export function uploadKindOf(request: FastifyRequest): UploadKind | undefined {
  return uploadKindOfRoute(request.method, request.routeOptions.url ?? '');
}

/** uploadKindOf for a route's method(s) and pattern, as a route is declared. */
export function uploadKindOfRoute(method: string | readonly string[], route: string): UploadKind | undefined {
  if (!(typeof method === 'string' ? [method] : method).includes('POST')) return undefined;
  if (route === '/api/staff/photos' || /\/staff\/records(\/:id)?$/.test(route)) return 'photo';
  if (route === '/api/staff/imports/preview' || route.endsWith('/staff/import/preview')) return 'document';
  return undefined;
}

export function limitOf(kind: UploadKind, limits: UploadLimits): number {
  return kind === 'photo' ? limits.maxPhotoBytes : limits.maxDocumentBytes;
}

/**
 * Refuses an upload whose declared length is over what its route can take (its files, each at its limit, and the
 * form around them) as soon as the headers arrive: before the body is read, the session looked up or the CSRF
 * token checked. Bodies without a declared length are cut by the multipart file limits instead; each file is held
 * to its limit by the route.
 */
export function refuseOversizedUploads(scope: FastifyInstance, limits: UploadLimits): void {
  scope.addHook('onRequest', async (request) => {
    const kind = uploadKindOf(request);
    const declared = Number(request.headers['content-length']);
    if (kind !== undefined && Number.isFinite(declared) && declared > limitOf(kind, limits) * MAX_FILES[kind] + FORM_OVERHEAD_BYTES) {
      throw new UploadTooLargeError(kind, limitOf(kind, limits));
    }
  });
}
