import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { findAgreements } from '../domain/agreement.js';
import { organizationReader } from '../domain/knowledge.js';
import { KORYU_FORMAT, koryuNames, koryuOrganization, koryuPartnership, toKoryuDocument } from '../domain/koryu-format.js';
import { NO_DECISIONS, OrganizationMentions, OrganizationNameReader } from '../domain/organization.js';
import type { Partnership } from '../domain/partnership.js';
import type { ExportContext, Exporter, PartnershipHeading } from './exporter.js';

/** koryu/1, the lossless interchange format (docs/format.md); with a licence, it is named after `format`. */
export const jsonExporter: Exporter<string> = {
  format: 'json',
  contentType: 'application/json; charset=utf-8',
  extension: 'json',
  label: 'JSON (koryu/1)',
  write: (partnerships, context) => {
    const { format, ...rest } = toKoryuDocument(partnerships, [], context?.decisions, context?.names);
    const doc = context?.licence ? { format, licence: context.licence, ...rest } : { format, ...rest };
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
  stream: streamKoryu,
};

/** `value` as JSON.stringify(…, null, 2) writes it `depth` levels down. */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * The same document written to `out` in three passes over the record, a batch of partnerships at a time, holding
 * neither the record nor its texts: the names of organisations are recognised in every event text (first pass),
 * then every event is read for them (second), which tells which organisations the record names and so the
 * agreements' parties; the third writes the partnerships, and the organisations follow. For a country's record
 * (a million events) that the server could not hold whole with its export.
 */
async function streamKoryu(out: Writable, _headings: readonly PartnershipHeading[], read: () => AsyncIterable<readonly Partnership[]>, context: ExportContext = {}): Promise<void> {
  const decisions = context.decisions ?? NO_DECISIONS;
  const reader = new OrganizationNameReader();
  const places: { home: string; partner: string }[] = [];
  for await (const batch of read()) {
    for (const p of batch) {
      places.push({ home: p.home, partner: p.partner });
      for (const e of p.events) reader.read(e.text);
    }
  }
  const mentions = new OrganizationMentions(reader.names(decisions), (p, e, index) => ({ partner: p.partner, year: e.year, event: index, eventId: e.id ?? null }));
  for await (const batch of read()) for (const p of batch) mentions.add(p);
  const organizations = mentions.organizations();
  const organizationsIn = organizationReader(organizations);

  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  /** A property holding an array, its items written as they come (a property follows it). */
  const array = async (name: string, items: AsyncIterable<unknown> | Iterable<unknown>) => {
    let any = false;
    await write(`  ${JSON.stringify(name)}: [`);
    for await (const item of items) {
      await write(`${any ? ',' : ''}\n    ${nested(item, 2)}`);
      any = true;
    }
    await write(`${any ? '\n  ' : ''}],\n`);
  };
  await write(`{\n  "format": ${JSON.stringify(KORYU_FORMAT)},\n`);
  if (context.licence) await write(`  "licence": ${nested(context.licence, 1)},\n`);
  await array(
    'partnerships',
    (async function* () {
      for await (const batch of read()) for (const p of batch) yield koryuPartnership(p, findAgreements(p, organizationsIn));
    })(),
  );
  await array('organizations', organizations.filter((o) => o.kind === 'organization').map(koryuOrganization));
  const names = koryuNames(context.names, places);
  if (names) await write(`  "names": ${nested(names, 1)},\n`);
  await write('  "diagnostics": []\n}\n');
  out.end();
}
