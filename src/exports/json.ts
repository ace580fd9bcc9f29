import { toKoryuDocument } from '../domain/koryu-format.js';
import type { Exporter } from './exporter.js';

/** koryu/1, the lossless interchange format (docs/format.md). */
export const jsonExporter: Exporter = {
  format: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  write: (partnerships, decisions) => `${JSON.stringify(toKoryuDocument(partnerships, [], decisions), null, 2)}\n`,
};
