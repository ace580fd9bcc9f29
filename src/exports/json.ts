import { toKoryuDocument } from '../domain/koryu-format.js';
import type { Exporter } from './exporter.js';

/** koryu/1, the lossless interchange format (docs/format.md); with a licence, it is named after `format`. */
export const jsonExporter: Exporter<string> = {
  format: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  label: 'JSON (koryu/1)',
  write: (partnerships, context) => {
    const { format, ...rest } = toKoryuDocument(partnerships, [], context?.decisions);
    const doc = context?.licence ? { format, licence: context.licence, ...rest } : { format, ...rest };
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
};
