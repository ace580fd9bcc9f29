import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAgreements, partyBeforeTitle } from './agreement.js';
import type { ExchangeEvent } from './partnership.js';

const event = (text: string, direction: ExchangeEvent['direction'] = 'reception'): ExchangeEvent => ({ year: 2010, date: null, direction, text, line: 1 });
const partiesOf = (text: string, direction: ExchangeEvent['direction'], named: string[] = []) =>
  findAgreements({ home: '金沢市', partner: '大連市', events: [event(text, direction)] }, () => named).map((a) => a.parties);

describe('the party named before an agreement with と', () => {
  it('reads the name back from と, over 、 and the opening bracket of a quoted title', () => {
    assert.equal(partyBeforeTitle('訪問団が来訪、教育プラザ富樫と、教育友好交流合意書を調印', '教育友好交流合意書'), '教育プラザ富樫');
    assert.equal(partyBeforeTitle('訪問団が来訪、市立工と「教育友好交流に関する合意書」に調印', '教育友好交流に関する合意書'), '市立工');
    assert.equal(partyBeforeTitle('ＡＢＣ商事と技術協力協定を締結', '技術協力協定'), 'ＡＢＣ商事');
  });

  it('finds none when the title does not follow と, or when a person or an office stands before it', () => {
    assert.equal(partyBeforeTitle('夏市長が来訪し友好交流と協力に関する合意書に署名', '友好交流と協力に関する合意書'), undefined);
    assert.equal(partyBeforeTitle('山野市長と友好交流協定に署名', '友好交流協定'), undefined);
    assert.equal(partyBeforeTitle('趙氏と覚書に署名', '覚書'), undefined);
    assert.equal(partyBeforeTitle('と協定書に調印', '協定書'), undefined);
    assert.equal(partyBeforeTitle('協定書に調印', 'ない協定書'), undefined);
  });
});

describe('the parties of an agreement', () => {
  it('adds the と party to one organisation named elsewhere in the event, in the order of the text', () => {
    assert.deepEqual(partiesOf('大連教育学院訪問団が来訪、教育プラザ富樫と、教育友好交流合意書を調印', 'reception', ['大連教育学院']), [['大連教育学院', '教育プラザ富樫']]);
  });

  it('does not add the と party twice when it is a named organisation written shorter', () => {
    assert.deepEqual(partiesOf('県立大学学長が訪問、大連工業大と友好交流協定締結', 'dispatch', ['県立大学', '大連工業大学']), [['県立大学', '大連工業大学']]);
  });

  it('pairs a と party alone with the city on the other side of the visit', () => {
    assert.deepEqual(partiesOf('訪問団が来訪、市立工と「教育友好交流に関する合意書」に調印', 'reception'), [['市立工', '大連市']]);
    assert.deepEqual(partiesOf('訪問団が訪問、大連外国語大学と友好交流協定締結', 'dispatch'), [['大連外国語大学', '金沢市']]);
  });

  it('keeps the earlier rules when there is no と party: one organisation and the other city, or the two cities', () => {
    assert.deepEqual(partiesOf('大連教育学院訪問団が来訪し教育友好交流合意書を調印', 'reception', ['大連教育学院']), [['大連教育学院', '金沢市']]);
    assert.deepEqual(partiesOf('市長が訪問し友好交流協定に署名', 'dispatch'), [['金沢市', '大連市']]);
  });
});
