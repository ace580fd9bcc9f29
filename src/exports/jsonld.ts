import type { Direction } from '../domain/direction.js';
import { yearSpan, type ExchangeEvent, type Partnership } from '../domain/partnership.js';
import { writeInParts, type ExportContext, type Exporter, type PartWriter } from './exporter.js';
import { datasetIdentifier, eventIdentifier, partnershipIdentifier, placeIdentifier, scopeOf } from './identifiers.js';

type Node = Record<string, unknown>;

const SCHEMA_CONTEXT = 'https://schema.org';

/** A text with its translations as a JSON-LD language map (ja is the text as recorded). */
function languages(text: string, t: ExchangeEvent['translations']): Node[] {
  const values: Node[] = [{ '@value': text, '@language': 'ja' }];
  if (t?.en) values.push({ '@value': t.en, '@language': 'en' });
  if (t?.zh) values.push({ '@value': t.zh, '@language': 'zh-Hans' });
  return values;
}

const place = (id: string, name: string): Node => ({ '@id': id, '@type': 'Place', name });

/** Where an exchange took place, seen from the home municipality: its people went there, or the partner's came here. */
function locations(direction: Direction, home: Node, partner: Node): Node[] {
  if (direction === 'dispatch') return [{ '@id': partner['@id'] }];
  if (direction === 'reception') return [{ '@id': home['@id'] }];
  return [{ '@id': home['@id'] }, { '@id': partner['@id'] }];
}

/** The identifiers of one export: the same as the Atom feed's (identifiers.ts), absolute with or without the site's URL. */
function idsFor(context: ExportContext) {
  const site = context.siteUrl;
  return {
    city: (name: string) => placeIdentifier(name, site),
    // Named by what stays when partnerships or events are added before them: the two cities, and the stored event's
    // id (an event of a document, which has none, by its own values).
    partnership: (p: Pick<Partnership, 'home' | 'partner'>) => partnershipIdentifier(p, site),
    event: (p: Pick<Partnership, 'home' | 'partner'>, e: ExchangeEvent) => eventIdentifier(p, e, context.events?.get(e)?.id, site),
  };
}

/** A node of the graph as JSON.stringify(document, null, 2) writes an element of `@graph`. */
const graphNode = (node: Node) => `    ${JSON.stringify(node, null, 2).replace(/\n/g, '\n    ')}`;

/**
 * schema.org as JSON-LD: each partnership is a CreativeWork (its timeline) about two Places, the cities, and each
 * exchange is an Event with its date (or its year alone), its location and the home municipality as organizer.
 * The dataset names the licence and the credit. Written in parts: the dataset first (it lists every
 * partnership), then each partnership with the cities it names first, then its events.
 */
function jsonLdParts(context: ExportContext): PartWriter {
  const ids = idsFor(context);
  const cities = new Map<string, Node>();
  return {
    head: (partnerships) => {
      const dataset: Node = {
        '@id': datasetIdentifier(context.siteUrl, scopeOf(partnerships, context)),
        '@type': 'Dataset',
        name: partnerships.length === 1 ? `${partnerships[0]!.home}と${partnerships[0]!.partner}の交流の記録` : '国際交流の記録',
        inLanguage: 'ja',
        ...(context.licence ? { license: context.licence.url, creditText: context.licence.attribution, usageInfo: context.licence.name } : {}),
        hasPart: partnerships.map((p) => ({ '@id': ids.partnership(p) })),
      };
      return `{\n  "@context": ${JSON.stringify(SCHEMA_CONTEXT)},\n  "@graph": [\n${graphNode(dataset)}`;
    },
    part: (p, _pi, partContext) => {
      const graph: Node[] = [];
      const city = (name: string): Node => {
        let node = cities.get(name);
        if (!node) {
          node = place(ids.city(name), name);
          cities.set(name, node);
          graph.push(node);
        }
        return node;
      };
      const home = city(p.home);
      const partner = city(p.partner);
      const organizer = { '@type': 'GovernmentOrganization', name: p.home, location: { '@id': home['@id'] } };
      const span = yearSpan(p);
      const partnershipId = ids.partnership(p);
      graph.push({
        '@id': partnershipId,
        '@type': 'CreativeWork',
        name: `${p.home}と${p.partner}の交流の歩み（${p.kind}）`,
        genre: p.kind,
        about: [{ '@id': home['@id'] }, { '@id': partner['@id'] }],
        ...(p.affiliatedOn ? { dateCreated: p.affiliatedOn } : {}),
        // The years the partnership's page shows (yearSpan), its photo records and no-exchange years included.
        ...(span ? { temporalCoverage: `${span.first}/${span.last}` } : {}),
        ...(context.licence ? { license: context.licence.url } : {}),
      });
      const eventId = idsFor({ ...context, ...(partContext.events ? { events: partContext.events } : {}) }).event;
      p.events.forEach((e) => {
        graph.push({
          '@id': eventId(p, e),
          '@type': 'Event',
          name: languages(e.text, e.translations),
          startDate: e.date ?? String(e.year),
          location: locations(e.direction, home, partner),
          organizer,
          about: { '@id': partnershipId },
          keywords: e.direction,
        });
      });
      return graph.map((node) => `,\n${graphNode(node)}`).join('');
    },
    tail: () => '\n  ]\n}\n',
  };
}

export function writeJsonLd(partnerships: readonly Partnership[], context: ExportContext = {}): string {
  return writeInParts(jsonLdParts(context), partnerships, context);
}

export const jsonLdExporter: Exporter<string> = {
  format: 'jsonld',
  contentType: 'application/ld+json; charset=utf-8',
  extension: 'jsonld',
  label: 'JSON-LD (schema.org)',
  publications: true,
  write: writeJsonLd,
  parts: jsonLdParts,
};
