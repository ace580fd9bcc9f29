import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/policies.js';
import { KoryuError } from '../../errors.js';
import { isPhotoPublic, readPhoto, type PhotoSize } from '../../services/photo.service.js';
import type { Store } from '../../storage/database.js';
import type { PhotoFiles } from '../../storage/photo.files.js';

/*
 * A photo a reader may see now may be replaced or removed tomorrow: a shared cache keeps it an hour at most (not a
 * year as an immutable asset), and asks again with its ETag (the name: a name's bytes never change).
 */
const PUBLIC_CACHE = 'public, max-age=3600';

/**
 * Stored photos at /photos/display/NAME and /photos/thumb/NAME, with their content type; names are unguessable.
 * Everyone gets the photos that published records of published partnerships show; staff (`draft:read`) get any stored
 * photo, for drafts and for the old versions their history shows and may restore, never kept by a cache.
 */
export function registerPhotoRoutes(app: FastifyInstance, photos: PhotoFiles, store: Store): void {
  app.get<{ Params: { size: string; name: string } }>('/photos/:size/:name', async (request, reply) => {
    const { size, name } = request.params;
    const photo = size === 'display' || size === 'thumb' ? await readPhoto(photos, name, size as PhotoSize) : undefined;
    if (!photo) throw new KoryuError('ItemNotFound', 'No such photo.');
    const shown = await isPhotoPublic(store, name);
    if (!shown && !can(request.user, 'draft:read')) throw new KoryuError('ItemNotFound', 'No such photo.');
    void reply.type(photo.contentType).header('x-content-type-options', 'nosniff');
    if (!shown) return reply.header('cache-control', 'private, no-store').send(photo.bytes);
    const etag = `"${name}"`;
    void reply.header('cache-control', PUBLIC_CACHE).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.send(photo.bytes);
  });
}
