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

  it('count a caption bigram as the event’s when the event text contains it, as comparing the two texts’ bigram sets does', () => {
    const pairs = (s: string) => {
      const chars = Array.from(s.normalize('NFKC').replace(/\s+/gu, '').replace(/\p{Surrogate}/gu, '\uFFFD'));
      return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
    };
    const text = fc.array(fc.constantFrom('市', '長', 'a', 'b', '𠮷', '\ud800', '\udc00', ' '), { maxLength: 10 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (caption, event) => {
        const mine = pairs(caption);
        const theirs = pairs(event);
        const shared = [...mine].filter((g) => theirs.has(g)).length;
        if (mine.size === 0 || [...mine].some((g) => /[\uE000-\uF8FF]/u.test(g))) return;
        const fit = captionFit(caption, event);
        // Without containment (fit 1) or a shared concept, the fit is the share of shared bigrams.
        if (fit < 0.99) assert.equal(fit, Math.round((shared / mine.size) * 100) / 100);
      }),
    );
  });
});
