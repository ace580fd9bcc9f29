import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Direction } from '../domain/direction.js';
import { directionFromWords } from './direction-words.js';

const home = { home: '金沢市' };

function expectAll(cases: readonly string[], expected: Direction, context = home): void {
  for (const text of cases) assert.equal(directionFromWords(text, context), expected, text);
}

describe('directionFromWords', () => {
  it('reads arrivals as reception', () => {
    expectAll(
      ['ナンシー市長が来訪', '合唱団が来日', '市長一行が来沢し懇談', '高校生が来市', '副市長が来庁', '訪日団を歓迎', '来訪した代表団と懇談'],
      'reception',
    );
  });

  it('reads sending out as dispatch', () => {
    expectAll(['青少年交流団を派遣', '市代表団を派遣', '訪中団を編成', '訪韓団が出発'], 'dispatch');
  });

  it('reads a visit by the home side to another place as dispatch', () => {
    expectAll(['市長が大連市を訪問', '市議会議員団がナンシー市を訪問', '金沢美大訪問団が大連工業大学を表敬訪問', 'ゲント市へ訪問'], 'dispatch');
  });

  it('reads a visit to the home city by others as reception', () => {
    expectAll(['大連市長が本市を訪問', 'ナンシー市長一行が金沢市を訪問', '代表団が来訪し、市長を表敬訪問'], 'reception');
  });

  it('reads the subject of a long clause, and each of many visits in one line', () => {
    // A partner's group visiting a third city: not the home side's trip, which it would seem without its subject.
    const long = `大連市少年少女合唱団が${'伝統工芸と文化を学ぶ研修旅行の一環として'.repeat(8)}ナンシー市を訪問`;
    assert.ok(long.length > 150 && long.length < 200, `${long.length} characters`);
    assert.equal(directionFromWords(long, home), 'unknown');
    assert.equal(directionFromWords(`市長が${'大連市を訪問'.repeat(3000)}`, home), 'dispatch');
  });

  it('reads 相互 and 相互訪問 as mutual', () => {
    expectAll(['相互訪問を実施', 'マスクを相互に送付', '両市の高校生が相互にホームステイ'], 'mutual');
  });

  it('gives unknown for a bare 訪問 and for a visit by a side it cannot tell', () => {
    expectAll(['市長が訪問', '訪問団と懇談', '青少年交流団がナンシー市を訪問', '大連市訪問'], 'unknown');
  });

  it('gives unknown when words of both directions appear', () => {
    expectAll(['市長が来訪、青少年交流団を派遣', '大連市派遣団が来訪'], 'unknown');
  });

  it('gives unknown for text without direction words', () => {
    expectAll(['物産展を開催', '書簡が届く', ''], 'unknown');
  });

  it('does not take 来 inside other words for an arrival', () => {
    expectAll(['将来市民の交流を目指す', '提携以来日本文化を紹介', '未来市場の開拓'], 'unknown');
  });

  it('does not take 来訪中 for a trip to China', () => {
    assert.equal(directionFromWords('来訪中の大連市長と懇談', home), 'reception');
  });

  it('does not take 相互理解 or 相互協力 for a mutual visit', () => {
    expectAll(['相互理解を深める講演会を開催', '相互協力の覚書に署名'], 'unknown');
    assert.equal(directionFromWords('相互理解のため市長が来訪', home), 'reception');
  });

  it('tells the home side by 市 even without the home name', () => {
    assert.equal(directionFromWords('市長がナンシー市を訪問'), 'dispatch');
    assert.equal(directionFromWords('金沢美大訪問団が大連工業大学を訪問'), 'unknown');
  });
});
