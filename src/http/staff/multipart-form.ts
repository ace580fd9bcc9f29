import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KoryuError } from '../../errors.js';

/** One uploaded file of a multipart form. */
export interface Upload {
  name: string;
  bytes: Buffer;
}

/**
 * Multipart forms in this scope are read whole before the handlers (attachFieldsToBody), so the global CSRF check
 * finds their `_csrf` field; files are kept in memory up to `maxFileBytes`, beyond which the request fails with
 * FST_REQ_FILE_TOO_LARGE.
 */
/** Multipart requests whose body was read to its end (the plugin's hook, registered first, returned). */
const readWhole = new WeakSet<FastifyRequest>();

export async function registerMultipartForms(scope: FastifyInstance, maxFileBytes: number): Promise<void> {
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
  const body = (request.body ?? {}) as Record<string, unknown>;
  const part = body[field] as { value?: Upload; filename?: string } | undefined;
  const upload = part && typeof part === 'object' ? part.value : undefined;
  if (!upload || !Buffer.isBuffer(upload.bytes)) return undefined;
  if (upload.bytes.length === 0 && !upload.name) return undefined;
  return upload;
}

export function requireFile(request: FastifyRequest): Upload {
  if (!request.isMultipart()) throw new KoryuError('UsageError', 'Send the file as multipart/form-data.');
  const file = formFile(request);
  if (!file) throw new KoryuError('UsageError', 'No file was sent.');
  return file;
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
