import type { Partnership } from '../domain/partnership.js';

/** One output format of the record. Every format module implements this and nothing else. */
export interface Exporter {
  format: string;
  /** Media type of the output, with its charset. */
  contentType: string;
  extension: string;
  write(partnerships: readonly Partnership[]): string;
}
