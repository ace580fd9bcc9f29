import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropNonXmlCharacters, flattenCellText, replaceControlCharacters } from './control-characters.js';

describe('control characters in a text', () => {
  it('replaceControlCharacters makes each C0 control a space and keeps tab, line feed and carriage return', () => {
    assert.equal(replaceControlCharacters('市長が訪問\x0c会談\u0001\u0000\u000b\u001f。\t\n\r\u007f'), '市長が訪問 会談    。\t\n\r\u007f');
  });

  it('dropNonXmlCharacters drops what XML 1.0 forbids and keeps every other character', () => {
    assert.equal(dropNonXmlCharacters('a\x0cb\u0001c\u0000\t\n\rd\ufffe\uffffe\ud800f\udc00'), 'abc\t\n\rdef');
    const allowed = 'Ω漢字\u{20b9f}😀\ufffd\ue000\u0085';
    assert.equal(dropNonXmlCharacters(allowed), allowed);
  });

  it('flattenCellText makes control characters, line breaks (CRLF once) and tabs spaces, and trims the text', () => {
    assert.equal(flattenCellText('\u0001 市長が訪問\r\n会談\t調印\n\n交流\u2028終了\x0c\u3000'), '市長が訪問 会談 調印  交流 終了');
    assert.equal(flattenCellText('\r\n\t\u0000 '), '');
    assert.equal(flattenCellText('Kanazawa Night 「金沢　ナイト」'), 'Kanazawa Night 「金沢　ナイト」', 'spaces inside are kept');
  });
});
