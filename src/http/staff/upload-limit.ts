import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UploadKind } from '../../domain/upload.js';
import { KoryuError } from '../../errors.js';

export interface UploadLimits {
  maxPhotoBytes: number;
  maxDocumentBytes: number;
}

/** Room for the multipart framing and a form's text fields around its one file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

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

/** The kind of file a route takes, by its pattern (with or without a language prefix); undefined for other routes. */
export function uploadKindOf(request: FastifyRequest): UploadKind | undefined {
  if (request.method !== 'POST') return undefined;
  const route = request.routeOptions.url ?? '';
  if (route === '/api/staff/photos' || /\/staff\/records(\/:id)?$/.test(route)) return 'photo';
  if (route === '/api/staff/imports/preview' || route.endsWith('/staff/import/preview')) return 'document';
  return undefined;
}

export function limitOf(kind: UploadKind, limits: UploadLimits): number {
  return kind === 'photo' ? limits.maxPhotoBytes : limits.maxDocumentBytes;
}

/**
 * Refuses an upload whose declared length is over its route's limit (plus the form around the file) as soon as
 * the headers arrive: before the body is read, the session looked up or the CSRF token checked. Bodies without a
 * declared length are cut by the multipart file limit instead.
 */
export function refuseOversizedUploads(scope: FastifyInstance, limits: UploadLimits): void {
  scope.addHook('onRequest', async (request) => {
    const kind = uploadKindOf(request);
    const declared = Number(request.headers['content-length']);
    if (kind !== undefined && Number.isFinite(declared) && declared > limitOf(kind, limits) + FORM_OVERHEAD_BYTES) {
      throw new UploadTooLargeError(kind, limitOf(kind, limits));
    }
  });
}
