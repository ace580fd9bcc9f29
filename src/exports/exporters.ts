import type { Exporter } from './exporter.js';
import { jsonExporter } from './json.js';
import { textExporter } from './text.js';

export const EXPORTERS: readonly Exporter[] = [jsonExporter, textExporter];

export function findExporter(format: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.format === format);
}
