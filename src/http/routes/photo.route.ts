import type { FastifyInstance } from 'fastify';
import { KoryuError } from '../../errors.js';
import { readPhoto, type PhotoSize } from '../../services/photo.service.js';
import type { PhotoFiles } from '../../storage/photo.files.js';

/** Stored photos at /photos/display/NAME and /photos/thumb/NAME, with their content type; names are unguessable. */
export function registerPhotoRoutes(app: FastifyInstance, photos: PhotoFiles): void {
  app.get<{ Params: { size: string; name: string } }>('/photos/:size/:name', async (request, reply) => {
    const { size, name } = request.params;
    const photo = size === 'display' || size === 'thumb' ? await readPhoto(photos, name, size as PhotoSize) : undefined;
    if (!photo) throw new KoryuError('ItemNotFound', 'No such photo.');
    return reply.type(photo.contentType).header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').send(photo.bytes);
  });
}
