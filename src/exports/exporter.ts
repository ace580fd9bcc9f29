import type { OrganizationDecisions } from '../domain/organization.js';
import type { Licence } from '../domain/licence.js';
import type { Writable } from 'node:stream';
import type { ExchangeEvent, Partnership } from '../domain/partnership.js';
import type { PlaceNames } from '../domain/place-name.js';

/** What an export may say about where and when it was made; every field is optional so pure callers can omit it. */
export interface ExportContext {
  /** The terms of use; formats that have a place for them carry them. */
  licence?: Licence;
  /** When the export was made (ISO timestamp); the Atom feed's times for events the store gave none. Defaults to now. */
  generatedAt?: string;
  /** The public site's absolute URL (ending in /), for links and identifiers in JSON-LD and Atom. */
  siteUrl?: string;
  /**
   * The site's own home municipality (KORYU_HOME): without `siteUrl`, the whole record's dataset and feed are named
   * by it (urn:koryu:dataset:HOME), so their ids stay when homes are added to the store (identifiers.ts).
   */
  siteHome?: string;
  /** What the store knows of each event (by the object the store returned): its id and when it was published. */
  events?: ReadonlyMap<ExchangeEvent, EventPublication>;
  /**
   * The home municipalities of the whole record in order, when the partnerships given are only the part of it a
   * format needs (the Atom feed reads the partnerships of its newest events) or a reader asked for (a format with
   * `recordHomes`); otherwise those of the partnerships.
   */
  homes?: readonly string[];
  /**
   * The stored id of the one partnership exported, when the export is of that partnership rather than of the whole
   * record (its download): the feed's and the dataset's identifiers are then its own.
   */
  partnershipId?: number;
  /** The editors' decisions about organisations, for formats that carry them (koryu/1). */
  decisions?: OrganizationDecisions;
  /** Names of places in the readers' languages, for formats that carry them (koryu/1's `names`). */
  names?: PlaceNames;
}

export interface EventPublication {
  id: number;
  /** When the event became public (ISO timestamp); see storage/publication.repository.ts. */
  publishedAt: string;
  /** When the event last changed (ISO timestamp): an edit, or a re-import changing it; absent or earlier: publishedAt. */
  updatedAt?: string;
}

/** An export's bytes: text formats give a string (UTF-8), binary formats bytes. */
export type ExportBody = string | Uint8Array;

/** One output format of the record. Every format module implements this and nothing else. */
export interface Exporter<Out extends ExportBody | Promise<ExportBody> = ExportBody | Promise<ExportBody>> {
  format: string;
  /** Media type of the output, with its charset. */
  contentType: string;
  extension: string;
  /** The format's name (not translated); a download link whose label has words takes them from views/i18n/opendata.messages.ts. */
  label?: string;
  write(partnerships: readonly Partnership[], context?: ExportContext): Out;
  /**
   * The same text written partnership by partnership, for a record too large to hold at once (a country's: a
   * million events). Formats whose output needs the whole record at once (koryu/1's organisations, the workbook)
   * have none.
   */
  parts?(context: ExportContext): PartWriter;
  /**
   * For a format that cannot be written in one pass of parts: the same output written to `out`, reading the
   * partnerships a batch at a time in the record's order, in as many passes of `read` as it needs (`partnerships`
   * names them all first).
   */
  stream?(out: Writable, partnerships: readonly PartnershipHeading[], read: () => AsyncIterable<readonly Partnership[]>, context: ExportContext): Promise<void>;
  /** Whether the format reads the events' ids and publication times (`ExportContext.events`); others are not given them. */
  publications?: boolean;
  /**
   * Whether the format is given the home municipalities of the whole record (`ExportContext.homes`) when it writes
   * a part of it (one partnership's download, `koryu export --partner`), so that the part says what the whole
   * record's file says of it (the text layout names a partnership's home when the record holds several).
   */
  recordHomes?: boolean;
  /** Formats written beside this one by `koryu export --out` (the photo-record CSV beside the event CSV). */
  companions?: readonly string[];
}

/** What a format's head needs of every partnership before any is written: its names, not its events. */
export type PartnershipHeading = Pick<Partnership, 'home' | 'partner' | 'kind'>;

/**
 * A format written in parts: the head (knowing every partnership's heading), each partnership in the record's
 * order (with the context of its own events), and the tail. Made for one export: it may remember what it wrote.
 */
export interface PartWriter {
  head(partnerships: readonly PartnershipHeading[]): string;
  part(p: Partnership, index: number, context: ExportContext): string;
  tail(): string;
}

/** The whole output of a format written in parts: what its `write` gives. */
export function writeInParts(writer: PartWriter, partnerships: readonly Partnership[], context: ExportContext): string {
  let out = writer.head(partnerships);
  partnerships.forEach((p, i) => (out += writer.part(p, i, context)));
  return out + writer.tail();
}
