import '../route-docs.js';
import type { FastifyInstance } from 'fastify';
import type { ImportPreviews } from '../../services/import-preview.service.js';
import { storePhoto } from '../../services/photo.service.js';
import type { Store } from '../../storage/database.js';
import type { PhotoFiles } from '../../storage/photo.files.js';
import { requirePermission } from '../auth/guard.js';
import { formFields, isFileTooLarge, malformedUpload, registerMultipartForms, requireDocuments, requireFile } from './multipart-form.js';
import { actorOf, answerApiError } from './staff-api.route.js';
import * as S from './staff.schemas.js';
import { isTooManyFiles, limitOf, MAX_FILES, refuseOversizedUploads, TooManyFilesError, uploadKindOf, UploadTooLargeError } from './upload-limit.js';

export interface StaffUploadDeps {
  store: Store;
  home: string;
  photos: PhotoFiles;
  previews: ImportPreviews;
  maxPhotoBytes: number;
  maxDocumentBytes: number;
}

const uploadBody = {
  type: 'object',
  description: 'multipart/form-data with one file field `file`, and the CSRF token in the `_csrf` field or the x-csrf-token header.',
} as const;
const documentsBody = {
  type: 'object',
  description: `multipart/form-data with up to ${MAX_FILES.document} file fields \`file\` (read together, as \`koryu import\` reads its files: FILE.csv with FILE.photos.csv), each within KORYU_MAX_DOCUMENT_BYTES, and the CSRF token in the \`_csrf\` field or the x-csrf-token header.`,
} as const;
const errors = { 400: S.errorBody, 401: S.errorBody, 403: S.errorBody, 404: S.errorBody, 409: S.errorBody, 413: S.errorBody, 422: S.errorBody };
// Checked after the CSRF check like every route; the multipart limits bound what is read before.
const editRecord = { preHandler: requirePermission('record:edit') };

export async function registerStaffUploads(app: FastifyInstance, deps: StaffUploadDeps): Promise<void> {
  await app.register(async (api) => {
    api.setErrorHandler((error, request, reply) => {
      const kind = uploadKindOf(request);
      if (isFileTooLarge(error) && kind) return answerApiError(new UploadTooLargeError(kind, limitOf(kind, deps)), request, reply);
      if (isTooManyFiles(error) && kind) return answerApiError(new TooManyFilesError(kind, MAX_FILES[kind]), request, reply);
      return answerApiError(malformedUpload(error, request) ?? (error as Error), request, reply);
    });
    refuseOversizedUploads(api, deps);
    await registerMultipartForms(api, Math.max(deps.maxPhotoBytes, deps.maxDocumentBytes) + 1);

    api.post('/api/staff/photos', {
      ...editRecord,
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
      const upload = requireFile(request);
      if (upload.bytes.length > deps.maxPhotoBytes) throw new UploadTooLargeError('photo', deps.maxPhotoBytes);
      const photo = await storePhoto(deps.photos, upload.bytes, deps.maxPhotoBytes);
      return reply.status(201).send({ photo });
    });

    api.post('/api/staff/imports/preview', {
      ...editRecord,
      schema: {
        summary: 'Preview what documents would import: partnerships, events, records and diagnostics with line numbers',
        description: 'Writes nothing: the import is run and rolled back to tell what it would change. The token confirms exactly these documents with POST /api/staff/imports.',
        tags: ['staff'],
        consumes: ['multipart/form-data'],
        body: documentsBody,
        response: {
          200: {
            type: 'object',
            properties: {
              token: { type: 'string' },
              documents: { type: 'array', items: { type: 'object', additionalProperties: true } },
              changes: { type: 'array', items: S.changeSummary, description: 'What confirming would add, change and remove; absent when a document has errors or the import would be refused.' },
              refusal: {
                type: 'object',
                additionalProperties: true,
                description: 'Why the documents together would be refused though each reads without error: kind samePartnership (first, second, home, partner) or tooManyEvents (documents, events, limit).',
              },
              similar: {
                type: 'array',
                description: 'Partnerships the import would create whose partner is probably a stored partner of the same home written differently (大連 beside 大連市); absent when none.',
                items: {
                  type: 'object',
                  properties: { home: { type: 'string' }, partner: { type: 'string' }, stored: { type: 'array', items: { type: 'string' } } },
                  required: ['home', 'partner', 'stored'],
                },
              },
            },
            required: ['token', 'documents'],
          },
          ...errors,
        },
      },
      validatorCompiler: () => () => true,
    }, async (request) => {
      const docs = requireDocuments(request, deps.maxDocumentBytes);
      return deps.previews.preview(deps.store, docs, { home: deps.home, maxDocumentBytes: deps.maxDocumentBytes }, actorOf(request).name);
    });

    api.post<{ Body: { token: string } }>('/api/staff/imports', {
      preHandler: requirePermission('record:edit'),
      schema: {
        summary: 'Import previewed documents in one transaction; returns what was added, changed and removed',
        tags: ['staff'],
        body: { type: 'object', properties: { token: { type: 'string', minLength: 1 } }, required: ['token'] },
        response: { 200: { type: 'object', properties: { changes: { type: 'array', items: S.changeSummary } } }, ...errors },
      },
    }, async (request) => {
      const token = formFields(request).token ?? '';
      const report = await deps.previews.confirm(deps.store, token, { home: deps.home, maxDocumentBytes: deps.maxDocumentBytes }, actorOf(request).name);
      return { changes: report.changes };
    });
  });
}
