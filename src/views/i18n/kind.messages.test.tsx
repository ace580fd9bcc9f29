import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { PartnershipSummary, StoredPartnership } from '../../domain/partnership.js';
import { EventPage } from '../event.page.js';
import { HomePage } from '../home.page.js';
import type { PageContext } from '../page-context.js';
import { kindText, PartnershipKind } from '../parts.js';
import { PrintPage } from '../print.page.js';
import { TimelinePage } from '../timeline.page.js';
import { YearbookPage } from '../yearbook.page.js';
import { isKnownKind, kindGloss } from './kind.messages.js';

const ctx = (locale: PageContext['locale']): PageContext => ({ locale, explicitLocale: true, path: '/partnerships/4', query: '', home: '旭川市', assetVersion: 'test' });
const partnership = (kind: string): StoredPartnership => ({
  id: 4, home: '旭川市', partner: 'ブリストル市', kind, affiliatedOn: '1982-05-06', noExchangeYears: [], updatedAt: '2026-01-01T00:00:00.000Z',
  events: [{ id: 11, year: 1990, date: null, direction: 'reception', text: '市長が来訪', line: 3 }],
  records: [],
});

describe('the gloss of a kind of partnership', () => {
  it('tells sister, friendship, friendship-exchange, friendship-cooperation and exchange cities apart, in English and Chinese', () => {
    assert.equal(kindGloss('en', '姉妹都市'), 'sister city');
    assert.equal(kindGloss('zh', '姉妹都市'), '姐妹城市');
    assert.equal(kindGloss('en', '友好都市'), 'friendship city');
    assert.equal(kindGloss('zh', '友好都市'), '友好城市');
    assert.equal(kindGloss('en', '友好交流都市'), 'friendship-exchange city');
    assert.equal(kindGloss('zh', '友好交流都市'), '友好交流城市');
    assert.equal(kindGloss('en', '友好協力都市'), 'friendship-cooperation city');
    assert.equal(kindGloss('zh', '友好協力都市'), '友好合作城市');
    assert.equal(kindGloss('en', '交流都市'), 'exchange city');
    assert.equal(kindGloss('zh', '交流都市'), '交流城市');
  });

  it('reads a kind written with spaces or the older form 姊 as the table’s', () => {
    assert.equal(kindGloss('en', ' 姉妹 都市　'), 'sister city');
    assert.equal(kindGloss('zh', '姊妹都市'), '姐妹城市');
  });

  it('falls back to the general words for a kind it does not know, or none', () => {
    assert.equal(isKnownKind('友好学術都市'), false);
    assert.equal(kindGloss('en', '友好学術都市'), 'partner city');
    assert.equal(kindGloss('zh', '友好学術都市'), '友好城市');
    assert.equal(kindGloss('en', ''), 'partner city');
  });

  it('follows the kind as recorded on English and Chinese pages and adds nothing on Japanese ones', () => {
    assert.equal(render(h(PartnershipKind, { ctx: ctx('en'), kind: '姉妹都市' })), '<span lang="ja">姉妹都市</span> (sister city)');
    assert.equal(render(h(PartnershipKind, { ctx: ctx('zh'), kind: '姉妹都市' })), '<span lang="ja">姉妹都市</span>（姐妹城市）');
    assert.equal(render(h(PartnershipKind, { ctx: ctx('ja'), kind: '姉妹都市' })), '姉妹都市');
    assert.equal(kindText('en', '友好都市'), '友好都市 (friendship city)');
    assert.equal(kindText('ja', '友好都市'), '友好都市');
  });

  it('is given on every page that shows the kind: home, timeline, event, print view and yearbook', () => {
    const p = partnership('姉妹都市');
    const card: PartnershipSummary = { id: 4, home: '旭川市', partner: 'ブリストル市', kind: '姉妹都市', affiliatedOn: '1982-05-06', activeYears: [1990], eventCounts: { reception: 1 } };
    const pages = {
      timeline: render(h(TimelinePage, { ctx: ctx('en'), partnership: p })),
      event: render(h(EventPage, { ctx: ctx('en'), partnership: p, index: 0 })),
      print: render(h(PrintPage, { ctx: ctx('en'), partnership: p, pdfHref: '', timelineHref: '' })),
      yearbook: render(h(YearbookPage, { ctx: ctx('en'), partnership: p, madeOn: '2026-11-28' })),
      home: render(h(HomePage, { ctx: ctx('en'), partnerships: [card], today: new Date('2026-11-27T12:00:00+09:00') })),
    };
    for (const [name, html] of Object.entries(pages)) {
      assert.match(html, /sister city/, name);
      assert.doesNotMatch(html, /partner city\)/, name);
    }
  });
});
