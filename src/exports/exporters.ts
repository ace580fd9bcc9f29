import { atomExporter } from './atom.js';
import { csvExporter, photosCsvExporter } from './csv.js';
import type { Exporter } from './exporter.js';
import { jsonExporter } from './json.js';
import { jsonLdExporter } from './jsonld.js';
import { textExporter } from './text.js';
import { xlsxExporter } from './xlsx.js';

export const EXPORTERS: readonly Exporter[] = [jsonExporter, textExporter, csvExporter, photosCsvExporter, xlsxExporter, jsonLdExporter, atomExporter];

export function findExporter(format: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.format === format);
}
