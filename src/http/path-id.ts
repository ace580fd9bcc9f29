/**
 * The id in a page's address (`/partnerships/12`), read in its one written form: digits without leading zeros.
 * Anything else (`01`, `1.0`, `12abc`, a number past 15 digits) is NaN, which the stores find nothing for, so
 * every record has one address and `/partnerships/01` is not a second copy of `/partnerships/1`.
 */
export function pathId(raw: string | undefined): number {
  return raw !== undefined && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : NaN;
}
