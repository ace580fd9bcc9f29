import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EXCHANGE_FIELDS, fieldWords, isExchangeField, suggestFields } from './exchange-field.js';
import { isShortenedForm, recognizeOfficeHolders, recognizeOrganizations } from './organization.recognize.js';

describe('suggestFields', () => {
  it('suggests the fields an event text speaks of, in their fixed order', () => {
    assert.deepEqual(suggestFields('地震局訪問団が市民局と防災に関する友好交流覚書に調印'), ['government', 'disaster']);
    assert.deepEqual(suggestFields('新型コロナウイルスへの支援として相互にマスクを送付'), ['health']);
    assert.deepEqual(suggestFields('大連国際マラソン大会に選手団を派遣'), ['sports']);
    assert.deepEqual(suggestFields('大連経済貿易代表団来訪、大連一金沢ビジネス商談会に参加'), ['economy']);
  });
  it('suggests nothing for a text without any field word', () => {
    assert.deepEqual(suggestFields('市環境視察訪問団が来訪'), []);
  });
  it('suggests exactly the fields one of whose words the text contains, full-width or not', () => {
    const words = EXCHANGE_FIELDS.flatMap((f) => fieldWords(f));
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => w.slice(0, -1)), fc.constantFrom('が', '訪問', 'ＡＲＴ', '大', '校'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        const normalized = text.normalize('NFKC');
        assert.deepEqual(suggestFields(text), EXCHANGE_FIELDS.filter((f) => fieldWords(f).some((w) => normalized.includes(w))));
      }),
    );
  });
  it('knows its field names only', () => {
    assert.ok(isExchangeField('youth'));
    assert.ok(!isExchangeField('Youth'));
  });
});

describe('recognising names', () => {
  it('reads organisations from runs of kanji, and not a convention (大会) or a delegation', () => {
    assert.deepEqual(recognizeOrganizations('伝統芸能交流まつりに大連大学生芸術代表団が参加'), ['大連大学']);
    assert.deepEqual(recognizeOrganizations('大連日中韓友好都市市民卓球交流大会に参加'), []);
    assert.deepEqual(recognizeOrganizations('大連経済貿易代表団来訪'), []);
  });
  it('reads office holders with the surname, and 副市長 not as 市長', () => {
    assert.deepEqual(recognizeOfficeHolders('森副市長が大連大学「金沢館」開館記念式典に参加'), [{ written: '森副市長', office: '副市長', person: '森' }]);
    assert.deepEqual(recognizeOfficeHolders('県立大学学長が訪問'), [{ written: '県立大学学長', office: '学長', person: null }]);
  });
  it('takes a name with one character left out as a shortened form, never a longer one', () => {
    assert.ok(isShortenedForm('大連工大学', '大連工業大学'));
    assert.ok(isShortenedForm('大連工業大', '大連工業大学'));
    assert.ok(!isShortenedForm('大連工大学', '大連大学'));
    assert.ok(!isShortenedForm('大学', '大学院'));
  });
});
