/**
 * Whether two partner names written differently probably name the same place: equal once widths, spaces, case, a
 * bracketed note (`大連（中国）`) and a final administrative word (市, 区, 県, 省, 州, City …) are set aside.
 * An import that would start a new partnership for `大連` beside a stored `大連市` says so before it is confirmed.
 */
export function probablySamePlace(a: string, b: string): boolean {
  if (a === b) return false;
  const x = placeKey(a);
  return x !== '' && x === placeKey(b);
}

/** Endings set aside, longest first (特別市 before 市). */
const ENDINGS = ['特別行政区', '自治区', '特別市', '直轄市', '市', '区', '町', '村', '県', '省', '州', '郡', '府', '都'];
const LATIN_ENDINGS = [' city', ' prefecture', ' province', ' county', ' state'];

function placeKey(name: string): string {
  let key = name.normalize('NFKC').replace(/[(（][^)）]*[)）]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  for (const ending of LATIN_ENDINGS) if (key.endsWith(ending)) key = key.slice(0, -ending.length);
  key = key.replace(/^city of /, '');
  for (const ending of ENDINGS) {
    if (key.length > ending.length && key.endsWith(ending)) {
      key = key.slice(0, -ending.length);
      break;
    }
  }
  return key.replace(/[\s・·.\-]/g, '');
}

/** The stored names `name` probably duplicates (see probablySamePlace), in their order. */
export function similarPartnerNames(name: string, stored: readonly string[]): string[] {
  return stored.filter((s) => probablySamePlace(name, s));
}
