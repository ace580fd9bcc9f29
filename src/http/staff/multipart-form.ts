import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KoryuError } from '../../errors.js';
import { MAX_FILES, uploadKindOfRoute, UploadTooLargeError } from './upload-limit.js';

/** One uploaded file of a multipart form. */
export interface Upload {
  name: string;
  bytes: Buffer;
}

/** Multipart requests whose body was read to its end (the plugin's hook, registered first, returned). */
const readWhole = new WeakSet<FastifyRequest>();

/**
 * Multipart forms in this scope are read whole before the handlers (attachFieldsToBody), so the global CSRF check
 * finds their `_csrf` field; files are kept in memory up to `maxFileBytes` each, beyond which the request fails with
 * FST_REQ_FILE_TOO_LARGE. A route takes one file, or as many as MAX_FILES allows its kind of upload (the documents of
 * a web import); one more fails with FST_FILES_LIMIT. Call before declaring the scope's routes.
 */
export async function registerMultipartForms(scope: FastifyInstance, maxFileBytes: number): Promise<void> {
  scope.addHook('onRoute', (route) => {
    const kind = uploadKindOfRoute(route.method, route.url);
    if (kind !== undefined && MAX_FILES[kind] > 1) route.config = { ...route.config, multipartOptions: { limits: { files: MAX_FILES[kind] } } };
  });
  await scope.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: maxFileBytes, files: 1, fields: 30, fieldSize: 64 * 1024 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as MultipartFile & { value: unknown }).value = { name: part.filename, bytes } satisfies Upload;
    },
  });
  scope.addHook('preValidation', async (request) => {
    if (request.isMultipart()) readWhole.add(request);
  });
}

/** The text fields of a form body (urlencoded, or multipart as registered above). */
export function formFields(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(body)) {
    const v = raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
    if (typeof v === 'string') out[key] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[key] = v[0];
  }
  return out;
}

/** The file of the form field `field`, or undefined when none was chosen (an empty file input). */
export function formFile(request: FastifyRequest, field = 'file'): Upload | undefined {
  return formFiles(request, field)[0];
}

/** Every file of the form field `field` (an input with `multiple`), in the order sent; empty when none was chosen. */
export function formFiles(request: FastifyRequest, field = 'file'): Upload[] {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const parts = ([] as unknown[]).concat(body[field] ?? []) as ({ value?: Upload } | undefined)[];
  return parts
    .map((part) => (part && typeof part === 'object' ? part.value : undefined))
    .filter((upload): upload is Upload => upload !== undefined && Buffer.isBuffer(upload.bytes) && !(upload.bytes.length === 0 && !upload.name));
}

export function requireFile(request: FastifyRequest): Upload {
  return requireFiles(request)[0]!;
}

/**
 * The documents of a web import: every file of the field `file`, read together as `koryu import` reads its files;
 * UploadTooLarge when one is over `maxDocumentBytes`, UsageError when none was sent.
 */
export function requireDocuments(request: FastifyRequest, maxDocumentBytes: number): Upload[] {
  const files = requireFiles(request);
  if (files.some((f) => f.bytes.length > maxDocumentBytes)) throw new UploadTooLargeError('document', maxDocumentBytes);
  return files;
}

/** The files of the field `file`: at least one, else UsageError. */
export function requireFiles(request: FastifyRequest): Upload[] {
  if (!request.isMultipart()) throw new KoryuError('UsageError', 'Send the file as multipart/form-data.');
  const files = formFiles(request);
  if (files.length === 0) throw new KoryuError('UsageError', 'No file was sent.');
  return files;
}

/**
 * A multipart body the parser could not read (no boundary, cut short, malformed part headers): its errors carry no
 * status and arrive before the body was read to its end. The sender's fault, so UsageError (400), not 500.
 */
export function malformedUpload(error: unknown, request: FastifyRequest): KoryuError | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (error instanceof KoryuError || typeof status === 'number' || !request.isMultipart() || readWhole.has(request)) return undefined;
  return new KoryuError('UsageError', 'The upload is not a readable multipart/form-data body. Nothing was stored.');
}

export function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}
