import '../route-docs.js';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KoryuError } from '../../errors.js';
import type { ImportPreviews } from '../../services/import-preview.service.js';
import { PhotoRejectedError, storePhoto } from '../../services/photo.service.js';
import type { Store } from '../../storage/database.js';
import type { PhotoFiles } from '../../storage/photo.files.js';
import { answerApiError, authorizeChange, csrfHeader } from './staff-api.route.js';
import type { StaffAccess } from './staff-access.js';
import * as S from './staff.schemas.js';

export interface StaffUploadDeps {
  store: Store;
  home: string;
  access: StaffAccess;
  photos: PhotoFiles;
  previews: ImportPreviews;
  maxPhotoBytes: number;
  maxDocumentBytes: number;
}

/** One uploaded file of a multipart form and its text fields. */
export interface Upload {
  name: string;
  bytes: Buffer;
  /** True when the file was longer than the limit (bytes holds only the start). */
  truncated: boolean;
  fields: Record<string, string>;
}

/** Reads a multipart form that must hold a file. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const form = await readMultipart(request, maxBytes);
  if (!form.file) throw new KoryuError('UsageError', 'No file was sent.');
  return form.file;
}

/** Reads a multipart form with at most one file (an empty file input counts as none), up to `maxBytes` of it (+1 to know it was longer). */
export async function readMultipart(request: FastifyRequest, maxBytes: number): Promise<{ fields: Record<string, string>; file: Upload | undefined }> {
  if (!request.isMultipart()) throw new KoryuError('UsageError', 'Send the file as multipart/form-data.');
  const fields: Record<string, string> = {};
  let file: Upload | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 20, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        const bytes = Buffer.concat(chunks);
        if (bytes.length === 0 && !part.filename) continue;
        file = { name: part.filename || 'upload', bytes, truncated: part.file.truncated || bytes.length > maxBytes, fields };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    // The multipart parser stops at the limit; the caller says what the limit means.
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    return { fields, file: { name: file?.name ?? 'upload', bytes: Buffer.alloc(0), truncated: true, fields } };
  }
  return { fields, file: file ? { ...file, fields } : undefined };
}

/** Uploads are checked before their body is read, so a form's token comes in the query (`?_csrf=`) or the header. */
function uploadToken(request: FastifyRequest): string | undefined {
  const q = (request.query as Record<string, unknown> | undefined)?._csrf;
  return csrfHeader(request) ?? (typeof q === 'string' ? q : undefined);
}

const uploadBody = {
  type: 'object',
  description: 'multipart/form-data with one file field `file`; the CSRF token in the x-csrf-token header or the `_csrf` query parameter.',
} as const;
const errors = { 400: S.errorBody, 401: S.errorBody, 403: S.errorBody, 404: S.errorBody, 413: S.errorBody, 422: S.errorBody };

export async function registerStaffUploads(app: FastifyInstance, deps: StaffUploadDeps): Promise<void> {
  const { access } = deps;
  await app.register(async (api) => {
    api.setErrorHandler(answerApiError);
    await api.register(multipart, { limits: { fileSize: Math.max(deps.maxPhotoBytes, deps.maxDocumentBytes) + 1, files: 1 } });

    api.post('/api/staff/photos', {
      schema: {
        summary: 'Upload a photo (JPEG, PNG or WebP by content); returns the name to give a photo record',
        description: 'EXIF and GPS are removed; the photo is re-encoded in display and thumbnail sizes.',
        tags: ['staff'],
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { 201: { type: 'object', properties: { photo: { type: 'string' } }, required: ['photo'] }, ...errors },
      },
      validatorCompiler: () => () => true,
    }, async (request, reply) => {
      // Authorization before reading the body: nobody may make the server read a large file first.
      await authorizeChange(access, request, reply, 'record:edit', uploadToken(request));
      const upload = await readUpload(request, deps.maxPhotoBytes);
      if (upload.truncated) throw new PhotoRejectedError('tooLarge', `The file is larger than the limit of ${Math.round(deps.maxPhotoBytes / 1048576)} MB.`);
      const photo = await storePhoto(deps.photos, upload.bytes, deps.maxPhotoBytes);
      return reply.status(201).send({ photo });
    });

    api.post('/api/staff/imports/preview', {
      schema: {
        summary: 'Preview what a document would import: partnerships, events, records and diagnostics with line numbers',
        description: 'Writes nothing. The token confirms exactly this document with POST /api/staff/imports.',
        tags: ['staff'],
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: {
          200: {
            type: 'object',
            properties: {
              token: { type: 'string' },
              documents: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
            required: ['token', 'documents'],
          },
          ...errors,
        },
      },
      validatorCompiler: () => () => true,
    }, async (request, reply) => {
      const user = await authorizeChange(access, request, reply, 'record:edit', uploadToken(request));
      const upload = await readUpload(request, deps.maxDocumentBytes);
      if (upload.truncated) throw new KoryuError('NotADocument', `${upload.name}: The document is larger than ${deps.maxDocumentBytes} bytes.`);
      return deps.previews.preview([{ name: upload.name, bytes: upload.bytes }], { home: deps.home, maxDocumentBytes: deps.maxDocumentBytes }, user.name);
    });

    api.post<{ Body: { token: string } }>('/api/staff/imports', {
      schema: {
        summary: 'Import a previewed document in one transaction; returns what was added, changed and removed',
        tags: ['staff'],
        body: { type: 'object', properties: { token: { type: 'string', minLength: 1 } }, required: ['token'], additionalProperties: false },
        response: { 200: { type: 'object', properties: { changes: { type: 'array', items: S.changeSummary } } }, ...errors },
      },
    }, async (request, reply) => {
      const user = await authorizeChange(access, request, reply, 'record:edit', csrfHeader(request));
      const report = await deps.previews.confirm(deps.store, request.body.token, { home: deps.home, maxDocumentBytes: deps.maxDocumentBytes }, user.name);
      return { changes: report.changes };
    });
  });
}
