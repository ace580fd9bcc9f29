import type { OrganizationDecisions } from '../domain/organization.js';
import type { Partnership } from '../domain/partnership.js';

/** One output format of the record. Every format module implements this and nothing else. */
export interface Exporter {
  format: string;
  /** Media type of the output, with its charset. */
  contentType: string;
  extension: string;
  /** `decisions` are the editors' decisions about organisations, for formats that carry them. */
  write(partnerships: readonly Partnership[], decisions?: OrganizationDecisions): string;
}
