/**
 * Organisations and office holders named in event texts, recognised by their shape: a run of kanji that ends in
 * what organisations are called (大学, 学院, 高専, 委員会, 協会, 局 …), and a surname before an office (市長, 副市長,
 * 教育長). These are suggestions; editors confirm them, add aliases and reject what is wrong (organization.ts).
 */

/** Endings that make a run of kanji an organisation's name, longest first. Bare 大 only in these abbreviations. */
const ORGANIZATION_ENDINGS = [
  '高等学校', '常務委員会', '委員会', '弁公室', '大学', '学院', '高専', '高校', '学校', '協会', '分会', '集団', '議会',
  '工業大', '美大', '局',
] as const;

/** Offices whose holders the record names, longest first so that 副市長 is not read as 市長. */
export const OFFICES = ['副市長', '教育長', '市長', '学長'] as const;
export type Office = (typeof OFFICES)[number];

/** A name must be at least this long (a lone 局 or 大学 names nothing). */
const MIN_NAME_LENGTH = 3;
/** The longest surname written before an office (山出, 新保; three-character surnames are rare). */
const MAX_SURNAME_LENGTH = 2;

const KANJI_RUN = /[\p{Script=Han}々〆ヶ]+/gu;

/** The runs of kanji in a text, with where each starts. */
export function kanjiRuns(text: string): { run: string; at: number }[] {
  return [...text.matchAll(KANJI_RUN)].map((m) => ({ run: m[0], at: m.index ?? 0 }));
}

/** The runs of kanji in a text, one after another, without building a list (a record's texts hold millions). */
function* eachKanjiRun(text: string): Generator<string> {
  const runs = new RegExp(KANJI_RUN.source, KANJI_RUN.flags);
  for (let m = runs.exec(text); m !== null; m = runs.exec(text)) yield m[0];
}

/** The last code unit of each ending: a prefix ending in none of them cannot be a name, whatever else it is. */
const ENDING_LAST_UNITS = new Set<string>(ORGANIZATION_ENDINGS.map((e) => e[e.length - 1]!));
/** Every office ends in this; a run without it names no office holder. */
const OFFICE_MARK = '長';

/** True when the text ends in what an organisation or a city is called: the parties of an agreement look like this. */
export function endsLikeOrganization(text: string): boolean {
  return ORGANIZATION_ENDINGS.some((e) => text.endsWith(e)) || /[市町村県都府省庁]$/u.test(text);
}

/**
 * The longest start of a kanji run that is an organisation's name, or undefined. 大 followed by 会 is a
 * convention (大会), never the end of a university's name.
 */
function organizationPrefix(run: string): string | undefined {
  for (let end = run.length; end >= MIN_NAME_LENGTH; end--) {
    if (!ENDING_LAST_UNITS.has(run[end - 1]!)) continue;
    const prefix = run.slice(0, end);
    if (!ORGANIZATION_ENDINGS.some((e) => prefix.endsWith(e) && prefix.length > e.length)) continue;
    if (prefix.endsWith('大') && run[end] === '会') continue;
    if (OFFICES.some((o) => prefix.endsWith(o))) continue;
    return prefix;
  }
  return undefined;
}

/** The organisation names written in a text, in order of appearance, each once. */
export function recognizeOrganizations(text: string): string[] {
  const names = new Set<string>();
  for (const run of eachKanjiRun(text)) {
    const name = organizationPrefix(run);
    if (name) names.add(name);
  }
  return [...names];
}

/** An office holder as written: 山出市長 is the office 市長 held by 山出. `person` is null when only the office is named. */
export interface OfficeHolder {
  written: string;
  office: Office;
  person: string | null;
}

/** The office holders named in a text (夏市長, 森副市長, 野口教育長 …), in order. */
export function recognizeOfficeHolders(text: string): OfficeHolder[] {
  const found: OfficeHolder[] = [];
  for (const run of eachKanjiRun(text)) {
    const holder = officeHolderIn(run);
    if (holder && !found.some((f) => f.written === holder.written)) found.push(holder);
  }
  return found;
}

/** The office holder a run of kanji names, by the first office of OFFICES it holds. */
function officeHolderIn(run: string): OfficeHolder | undefined {
  if (!run.includes(OFFICE_MARK)) return undefined;
  for (const office of OFFICES) {
    const at = run.indexOf(office);
    if (at < 0) continue;
    const before = run.slice(0, at);
    // A run such as 県立大学学長 names an organisation's head, not a person: keep the office only.
    const person = before.length >= 1 && before.length <= MAX_SURNAME_LENGTH ? before : null;
    const written = person === null ? (organizationPrefix(before) ?? '') + office : person + office;
    return { written, office, person };
  }
  return undefined;
}

/**
 * The organisation names and the written names of the office holders with a person (山出市長, not 市長) in a text,
 * in one reading of its kanji runs: what the record's list of names is made of. The same names as
 * recognizeOrganizations and recognizeOfficeHolders give, added to `organizations` and `offices`.
 */
export function collectNames(text: string, organizations: Set<string>, offices: Set<string>): void {
  for (const run of eachKanjiRun(text)) {
    const name = organizationPrefix(run);
    if (name) organizations.add(name);
    const holder = officeHolderIn(run);
    if (holder && holder.person !== null) offices.add(holder.written);
  }
}

/**
 * True when `variant` is `name` with one character left out: an abbreviation (大連工業大 for 大連工業大学) or a
 * slip of the pen (the document's 大連工大学). Names shorter than four characters are never matched this way.
 */
export function isShortenedForm(variant: string, name: string): boolean {
  if (variant.length < MIN_NAME_LENGTH + 1 || name.length !== variant.length + 1) return false;
  for (let i = 0; i < name.length; i++) {
    if (name.slice(0, i) + name.slice(i + 1) === variant) return true;
  }
  return false;
}

/**
 * Groups recognised names: each name that is a shortened form of a longer recognised name becomes that name's
 * alias. Longer names are settled first, so a name is an alias of a canonical name, never of another alias.
 */
export function suggestAliases(names: readonly string[]): Map<string, string[]> {
  const ordered = [...new Set(names)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const groups = new Map<string, string[]>();
  for (const name of ordered) {
    const canonical = [...groups.keys()].find((c) => isShortenedForm(name, c));
    if (canonical) groups.get(canonical)!.push(name);
    else groups.set(name, []);
  }
  return groups;
}
