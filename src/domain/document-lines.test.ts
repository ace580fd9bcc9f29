import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { homeLine, readHomeLine } from './document-lines.js';
import { isLicenceNotice, LICENCE_PRESETS, licenceNotice } from './licence.js';

describe('the lines of the text export that the city documents do not have', () => {
  it('reads back the home a home line names, and nothing from other lines', () => {
    for (const home of ['金沢市', '石川県', 'Kanazawa City']) assert.equal(readHomeLine(homeLine(home)), home);
    assert.equal(readHomeLine('自治体:　富山市 '), '富山市', 'a half-width colon and spaces around');
    assert.equal(homeLine('金沢\n市'), '自治体：金沢 市', 'on one line');
    for (const line of ['自治体：', '友好交流都市大連市との歩み 交流年表', '2019年\t派遣\t自治体：訪問']) assert.equal(readHomeLine(line), undefined, line);
  });

  it('knows every licence notice, whatever its credit, and no event or title', () => {
    for (const preset of Object.values(LICENCE_PRESETS)) {
      for (const attribution of ['金沢市 国際交流の記録', '富山市国際課']) assert.ok(isLicenceNotice(licenceNotice({ ...preset, attribution })));
    }
    for (const line of ['出典：金沢市統計書', '2019年\t派遣\t出典：…／利用条件：…', '友好交流都市大連市との歩み 交流年表']) assert.equal(isLicenceNotice(line), false, line);
  });
});
