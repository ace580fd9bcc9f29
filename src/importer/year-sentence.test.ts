import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseText } from './parse-document.js';

const TITLE = '姉妹都市ゲント市との交流';
const read = (lines: string[]) => parseText([TITLE, '', ...lines].join('\n'), { home: '金沢市' });
const events = (result: ReturnType<typeof read>) => result.partnerships.flatMap((p) => p.events.map((e) => [e.year, e.date, e.text]));

describe('sentences led by a year', () => {
  it('are exchanges of that year when they tell of one, whether the year is followed by 、, に、, には or a month', () => {
    const result = read(['2015年に、市長がゲント市を訪問しました。', '2017年5月、市民交流団がゲント市を訪問した。', '2019年には工芸品展を両市で開催しました。', '2020年、ゲント市の高校生が来訪した。', '2021年6月に、オンラインで意見交換会を開催した。']);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(events(result), [
      [2015, null, '市長がゲント市を訪問しました。'],
      [2017, '2017-05', '市民交流団がゲント市を訪問した。'],
      [2019, null, '工芸品展を両市で開催しました。'],
      [2020, null, 'ゲント市の高校生が来訪した。'],
      [2021, '2021-06', 'オンラインで意見交換会を開催した。'],
    ]);
  });

  it('stay background, with the warning that says how to import them, when they tell of a history, a state or a plan', () => {
    const result = read(['2006年に姉妹都市提携を結んで以来、様々な交流を続けています。', '2014年', '・市長が訪問', '2018年は新型コロナの影響で交流を見送った。', '2026年に市長が訪問する予定です。']);
    assert.deepEqual(events(result), [[2014, null, '市長が訪問']]);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code, d.severity, d.params?.reason]), [
      [3, 'NotAnExchange', 'warning', 'yearSentence'],
      [6, 'NotAnExchange', 'warning', 'yearSentence'],
      [7, 'NotAnExchange', 'warning', 'yearSentence'],
    ]);
  });
});
