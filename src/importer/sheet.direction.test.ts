import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvSheet } from './csv.read.js';
import { readSheets } from './sheet.read.js';

const HEAD = '相手都市,年（西暦）,区分コード,区分,交流内容';
const read = (rows: string[]) => readSheets([csvSheet('koryu.csv', [HEAD, ...rows].join('\r\n'))], { home: '金沢市' });

describe('the direction of a sheet row', () => {
  it('is what 区分 says when it and 区分コード disagree, with a warning on that row naming both', () => {
    const result = read(['ゲント市,2017,reception,派遣,市民交流団がゲント市を訪問', ',2018,mutual,相互,工芸品展を両市で開催']);
    assert.deepEqual(result.partnerships[0]!.events.map((e) => e.direction), ['dispatch', 'mutual']);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.line, d.params]), [['DirectionMismatch', 2, { label: '派遣', code: 'reception', sheet: 'koryu.csv' }]]);
  });

  it('is the code when 区分 is blank or a label Koryu does not know, and the label when the code is blank', () => {
    const result = read(['ゲント市,2017,reception,,来訪した', ',2018,dispatch,視察,訪問した', ',2019,,受入,来訪した']);
    assert.deepEqual(result.partnerships[0]!.events.map((e) => e.direction), ['reception', 'dispatch', 'reception']);
    assert.deepEqual(result.diagnostics, []);
  });
});
