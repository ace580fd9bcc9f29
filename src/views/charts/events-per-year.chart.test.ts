import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compact, eventsPerYearSvg } from './events-per-year.chart.js';

/** The bars of a chart: [x, height, colour], in the order drawn. */
function bars(svg: string): [number, number, string][] {
  return [...svg.matchAll(/<path d="M([\d.]+) [\d.]+l[\d.]+ 0l0 (-?[\d.]+)l-[\d.]+ 0Z" fill="(#[0-9a-f]{6})"\/>/g)].map((m) => [Number(m[1]), -Number(m[2]), m[3]!]);
}

describe('the events-per-year chart', () => {
  const svg = eventsPerYearSvg({
    years: [2006, 2007, 2008],
    series: [
      { label: '派遣', color: '#1f5fa8', counts: [1, 2, 0] },
      { label: '受入', color: '#b5431f', counts: [0, 3, 1] },
    ],
  });

  it('draws one bar per year and series, as tall as its count', () => {
    const drawn = bars(svg);
    assert.equal(drawn.length, 6);
    const unit = drawn[0]![1];
    assert.ok(unit > 0);
    assert.deepEqual(
      drawn.map(([, height, colour]) => [Math.round(height / unit) + 0, colour]),
      [[1, '#1f5fa8'], [2, '#1f5fa8'], [0, '#1f5fa8'], [0, '#b5431f'], [3, '#b5431f'], [1, '#b5431f']],
    );
    for (const label of ['派遣', '受入', '2006', '2008']) assert.match(svg, new RegExp(`font-family="Noto Sans CJK JP"[^>]*>${label}</text>`));
  });

  it('holds nothing a static chart does not use, and no inline style', () => {
    assert.doesNotMatch(svg, /class=|pointer-events|ecmeta_|style=|<style|><\/path>|><\/rect>/);
  });

  it('compacts echarts markup without touching the shapes', () => {
    const before =
      '<svg>\n<path d="M40 288.5L624 288.5" fill="none" pointer-events="visible" stroke="#E0E6F1" class="zr0-cls-0"></path>\n' +
      '<path d="M1 2l3 0Z" fill="#1f5fa8" ecmeta_series_index="0" ecmeta_data_index="1" ecmeta_ssr_type="chart"></path>\n<text x="3">派遣</text>\n</svg>';
    assert.equal(
      compact(before),
      '<svg><path d="M40 288.5L624 288.5" fill="none" stroke="#E0E6F1"/><path d="M1 2l3 0Z" fill="#1f5fa8"/><text x="3">派遣</text></svg>',
    );
  });
});
