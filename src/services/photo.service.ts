import { randomUUID } from 'node:crypto';
import type Sharp from 'sharp';
import type { PhotoProblem } from '../domain/upload.js';
import { KoryuError } from '../errors.js';
import type { Store } from '../storage/database.js';
import type { PhotoFiles } from '../storage/photo.files.js';
import { isPhotoPublished } from '../storage/photo-use.repository.js';

export type PhotoFormat = 'jpeg' | 'png' | 'webp';
export type { PhotoProblem };

/** The sizes a photo is kept in: the longest side in pixels. Originals are never kept (they may carry EXIF and GPS). */
export const PHOTO_SIZES = { display: 1280, thumb: 320 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;

const EXTENSION: Readonly<Record<PhotoFormat, string>> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
export const PHOTO_CONTENT_TYPE: Readonly<Record<string, string>> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export class PhotoRejectedError extends KoryuError {
  constructor(
    readonly problem: PhotoProblem,
    message: string,
  ) {
    super('PhotoRejected', `${message} Nothing was stored.`);
  }
}

/** The format the bytes start with, by their magic numbers; undefined for anything else. */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

/**
 * True when the file ends where its format says it ends and holds no markup: data after the image's end, or
 * HTML, SVG, script or PHP inside it, makes a file that other programs would read as something else.
 */
export function isSingleFormat(bytes: Uint8Array, format: PhotoFormat): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = b.toString('latin1').toLowerCase();
  if (['<script', '<html', '<?php', '<svg', '<!doctype', '<iframe', '<body'].some((marker) => text.includes(marker))) return false;
  if (format === 'jpeg') return b.length >= 4 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
  if (format === 'png') return b.length >= 12 && b.toString('latin1', b.length - 8, b.length - 4) === 'IEND';
  const declared = b.readUInt32LE(4) + 8;
  return declared === b.length || declared + 1 === b.length;
}

/** sharp and libvips take some 25 MiB resident: loaded with the first photo, not when the server starts. */
async function loadSharp(): Promise<typeof Sharp> {
  return (await import('sharp')).default;
}

/** Checks the upload by its content (never its name) and returns its format; PhotoRejected with the reason otherwise. */
export async function checkPhoto(bytes: Uint8Array, maxBytes: number): Promise<PhotoFormat> {
  if (bytes.length === 0) throw new PhotoRejectedError('empty', 'The file is empty.');
  if (bytes.length > maxBytes) {
    throw new PhotoRejectedError('tooLarge', `The file is larger than the limit of ${formatMegabytes(maxBytes)}.`);
  }
  const format = sniffPhotoFormat(bytes);
  if (!format) throw new PhotoRejectedError('notAnImage', 'The file is not a JPEG, PNG or WebP image (judged by its content, not its name).');
  let decoded: string | undefined;
  const sharp = await loadSharp();
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    decoded = meta.format;
    await sharp(bytes, { failOn: 'error' }).stats();
  } catch {
    throw new PhotoRejectedError('unreadable', `The file starts like a ${format.toUpperCase()} image but cannot be read as one.`);
  }
  if (decoded !== format) throw new PhotoRejectedError('unreadable', `The file starts like a ${format.toUpperCase()} image but is not one.`);
  if (!isSingleFormat(bytes, format)) {
    throw new PhotoRejectedError('polyglot', 'The file holds more than an image (data after its end, or markup inside it).');
  }
  return format;
}

/**
 * Checks a photo, re-encodes it in the display sizes in its own format (turned upright, with no EXIF, GPS or other
 * metadata), stores the files under a generated name and returns that name (`UUID.ext`), for PhotoRecord.photo.
 */
export async function storePhoto(files: PhotoFiles, bytes: Uint8Array, maxBytes: number): Promise<string> {
  const format = await checkPhoto(bytes, maxBytes);
  const base = randomUUID();
  const ext = EXTENSION[format];
  const sharp = await loadSharp();
  for (const [size, longest] of Object.entries(PHOTO_SIZES)) {
    // sharp writes no metadata unless asked to (withMetadata/keepExif), so EXIF and GPS do not survive.
    const pipeline = sharp(bytes).rotate().resize({ width: longest, height: longest, fit: 'inside', withoutEnlargement: true });
    const out = await (format === 'jpeg' ? pipeline.jpeg({ quality: 85 }) : format === 'png' ? pipeline.png() : pipeline.webp({ quality: 85 })).toBuffer();
    await files.write(`${base}-${size}.${ext}`, out);
  }
  return `${base}.${ext}`;
}

/** Whether everyone may see the stored photo: a published record of a published partnership shows it. */
export async function isPhotoPublic(store: Store, name: string): Promise<boolean> {
  return isPhotoPublished(store.db, name);
}

/** The file of a stored photo in one size, with its content type; undefined when there is none. */
export async function readPhoto(files: PhotoFiles, name: string, size: PhotoSize): Promise<{ bytes: Buffer; contentType: string } | undefined> {
  const m = /^([0-9a-f-]{36})\.(jpg|png|webp)$/.exec(name);
  if (!m) return undefined;
  const bytes = await files.read(`${m[1]}-${size}.${m[2]}`);
  return bytes ? { bytes, contentType: PHOTO_CONTENT_TYPE[m[2]!]! } : undefined;
}

function formatMegabytes(n: number): string {
  return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}
