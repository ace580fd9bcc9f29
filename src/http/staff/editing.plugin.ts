import type { FastifyInstance } from 'fastify';
import { ImportPreviews } from '../../services/import-preview.service.js';
import type { Store } from '../../storage/database.js';
import type { PhotoFiles } from '../../storage/photo.files.js';
import type { PageSite } from '../page-route.js';
import { registerPhotoRoutes } from '../routes/photo.route.js';
import { registerStaffApi } from './staff-api.route.js';
import { registerStaffUploads } from './staff-upload.route.js';
import { registerStaffPages } from './staff-pages.route.js';

export interface EditingOptions {
  photos: PhotoFiles;
  maxPhotoBytes: number;
  maxDocumentBytes: number;
}

/** The staff area: the editing API, uploads, the web import, and the stored photos. */
export async function registerEditing(app: FastifyInstance, store: Store, site: PageSite, options: EditingOptions): Promise<void> {
  const previews = new ImportPreviews();
  registerPhotoRoutes(app, options.photos, store);
  await registerStaffApi(app, { store, home: site.home });
  await registerStaffPages(app, site, { store, photos: options.photos, previews, maxPhotoBytes: options.maxPhotoBytes, maxDocumentBytes: options.maxDocumentBytes });
  await registerStaffUploads(app, { store, home: site.home, photos: options.photos, previews, maxPhotoBytes: options.maxPhotoBytes, maxDocumentBytes: options.maxDocumentBytes });
}
