/**
 * Lines of Koryu's text export (the document layout) that the city's documents do not have, written by
 * exports/text.ts and read back by importer/table.layout.ts, so that an export re-imports to the same record.
 */

/** The line naming the home municipality of the partnership below it (自治体：金沢市). */
export function homeLine(home: string): string {
  return `自治体：${oneLine(home)}`;
}

/** The home a home line names, or undefined when the line is none. */
export function readHomeLine(text: string): string | undefined {
  return /^自治体[:：][ \u3000]*(\S(?:.*\S)?)[ \u3000]*$/.exec(text)?.[1];
}

/** The text without what would end its line or its cell. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\t\n\r\f\v]/g, ' ');
}
