import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Partnership } from './partnership.js';
import { LINK_THRESHOLD, captionFit, proposePhotoLinks, type PhotoLink } from './photo-link.js';

type Items = Pick<Partnership, 'events' | 'records'>;

/** Texts from the genre's words, so that captions and events share bigrams, concepts and generic endings. */
const words = ['市長', 'が', '大連', '訪問', '派遣', 'マスク', '医療物資', '調印', '署名', '友好', '交流', '大学', '代表団', 'を', '来訪', ' ', 'コロナ'];
const text = fc.array(fc.constantFrom(...words), { maxLength: 8 }).map((ws) => ws.join(''));

const items: fc.Arbitrary<Items> = fc.record({
  events: fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2002 }), text }), { maxLength: 8 }),
  records: fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2002 }), caption: text, linked: fc.boolean() }), { maxLength: 6 }),
}).map(({ events, records }) => ({
  events: events.map((e, i) => ({ year: e.year, date: null, direction: 'dispatch' as const, text: e.text, translations: {}, line: i + 1 })),
  records: records.map((r, i) => ({
    year: r.year,
    caption: r.caption,
    event: r.linked && events.length > 0 ? i % events.length : null,
    line: 100 + i,
    photo: null,
    translations: {},
  })),
})) as fc.Arbitrary<Items>;

/** The proposal spelt out with captionFit on every caption and event of the same year. */
function byCaptionFit(p: Items): PhotoLink[] {
  return p.records.map((r, record) => {
    if (r.event !== null) return { record, event: r.event, confidence: 1 };
    let best: PhotoLink = { record, event: null, confidence: 0 };
    p.events.forEach((e, index) => {
      const fit = e.year === r.year ? captionFit(r.caption, e.text) : 0;
      if (fit > best.confidence) best = { record, event: index, confidence: fit };
    });
    return best.confidence >= LINK_THRESHOLD ? best : { record, event: null, confidence: best.confidence };
  });
}

describe('photo link proposals', () => {
  it('are what captionFit gives for every caption and event of the same year, each prepared once', () => {
    fc.assert(fc.property(items, (p) => assert.deepEqual(proposePhotoLinks(p), byCaptionFit(p))));
  });

  it('fit a caption the event text holds fully, and one of the same concept in other words', () => {
    assert.equal(captionFit('山野市長が訪問', '山野市長が訪問し、友好交流について協議'), 1);
    assert.ok(captionFit('医療物資を寄贈', 'マスクを寄贈') >= LINK_THRESHOLD);
    assert.equal(captionFit('', '市長が訪問'), 0);
  });
});
