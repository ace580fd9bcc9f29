/** Cells of PDF-extracted photo sections carry HTML fragments: keep the text, drop the markup. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** True when the text holds at least one HTML tag. */
export function hasMarkup(text: string): boolean {
  return /<\/?[a-z][^<>]*>/i.test(text);
}

/** The text of an HTML fragment: tags removed (block tags become spaces), entities decoded, spaces folded. */
export function stripMarkup(text: string): string {
  // Most cells hold neither a tag nor an entity: looking for the two characters first is what a cell costs then.
  if (!text.includes('<') && !text.includes('&')) return text.trim();
  if (!hasMarkup(text) && !text.includes('&')) return text.trim();
  const withoutTags = text
    .replace(/<\s*br\s*\/?>/gi, ' ')
    .replace(/<\/?(p|div|li|td|th|tr|h[1-6])\b[^<>]*>/gi, ' ')
    .replace(/<\/?[a-z][^<>]*>/gi, '');
  return decodeEntities(withoutTags).replace(/[ \t]+/g, ' ').trim();
}
