/** Which way people travelled in an exchange, seen from the home municipality. */
export const DIRECTIONS = ['dispatch', 'reception', 'mutual', 'unknown'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The labels the genre's documents use in their direction column. */
export const DIRECTION_LABELS_JA: Readonly<Record<Direction, string>> = {
  dispatch: '派遣',
  reception: '受入',
  mutual: '相互',
  unknown: '—',
};

/**
 * The directions as the site names them to readers (区分なし, as the pages say, not the documents' blank mark —):
 * the 区分 of the spreadsheets and the Atom feed's categories, which people read beside the pages. The importer
 * reads 区分なし back as `unknown`.
 */
export const DIRECTION_NAMES_JA: Readonly<Record<Direction, string>> = { ...DIRECTION_LABELS_JA, unknown: '区分なし' };

export function isDirection(value: unknown): value is Direction {
  return typeof value === 'string' && (DIRECTIONS as readonly string[]).includes(value);
}

/** Order in which a year's rows are shown: dispatch, reception, mutual, then unknown. */
export function directionRank(d: Direction): number {
  return DIRECTIONS.indexOf(d);
}
