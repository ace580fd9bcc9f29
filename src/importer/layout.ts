import type { PlaceNames } from '../domain/place-name.js';
import type { Diagnostic } from '../domain/diagnostic.js';
import type { Partnership } from '../domain/partnership.js';
import type { SourceLine } from './source-line.js';

export interface ParseOptions {
  /** The home municipality: documents of the genre name only the partner. */
  home: string;
}

export interface ParseResult {
  partnerships: Partnership[];
  diagnostics: Diagnostic[];
  /** Names of places in the readers' languages the document carries (koryu/1 `names`); an import stores them. */
  names?: PlaceNames;
}

/**
 * One layout the genre is published in. `score` says how well the lines fit (0 = not at all), so the
 * importer can pick a layout without the user naming it; `parse` never throws on bad input: problems are
 * diagnostics.
 */
export interface Layout {
  name: string;
  score(lines: readonly SourceLine[]): number;
  /** The highest score this layout ever gives, when below 1: the importer skips it when another layout already scored as high. */
  maxScore?: number;
  parse(lines: readonly SourceLine[], options: ParseOptions): ParseResult;
}
