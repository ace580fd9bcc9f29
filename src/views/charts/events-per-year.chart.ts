// @ts-expect-error -- echarts' index.d.ts (`export =` of an extensionless import) does not resolve under NodeNext; the same API is typed below.
import * as echartsModule from 'echarts';
import type * as Echarts from 'echarts/types/dist/echarts';

const echarts = echartsModule as unknown as typeof Echarts;

export interface ChartSeries {
  /** A fixed label from the page's messages (a direction name); never data from the record. */
  label: string;
  /** A colour such as #1f5fa8. */
  color: string;
  /** One count per year, in the order of `years`. */
  counts: readonly number[];
}

export interface EventsPerYearInput {
  years: readonly number[];
  series: readonly ChartSeries[];
  width?: number;
  height?: number;
  /** The labels' font-family: CHART_FONT unless given (chartFont gives the page language's). */
  fontFamily?: string;
}

export const CHART_FONT = 'Noto Sans CJK JP';
/** Simplified Chinese glyphs for a Chinese page's labels (fonts-noto-cjk has both), the Japanese face after them. */
export const CHART_FONT_ZH = 'Noto Sans CJK SC, Noto Sans CJK JP';

/** The font of a chart on a page in `locale`: the Chinese forms on a Chinese page, else the Japanese. */
export function chartFont(locale: string): string {
  return locale === 'zh' ? CHART_FONT_ZH : CHART_FONT;
}
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';

/**
 * Events per year stacked by direction, as SVG markup rendered on the server by echarts (no script, no
 * animation). The markup holds only numbers, the given labels and colours. Inline `style` attributes and the
 * `<style>` element echarts writes are turned into presentation attributes or dropped, since the site's CSP
 * allows no inline style.
 */
export function eventsPerYearSvg(input: EventsPerYearInput): string {
  // echarts takes milliseconds per chart: the same numbers give the same markup, so it is drawn once for them.
  const key = JSON.stringify([input.years, input.series, input.width, input.height, input.fontFamily]);
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const svg = drawSvg(input);
  if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, svg);
  return svg;
}

/** Charts kept by their input (some 14 KB each), oldest out first. */
const DRAWN_MAX = 256;
const drawn = new Map<string, string>();

function drawSvg(input: EventsPerYearInput): string {
  const width = input.width ?? 640;
  const height = input.height ?? 320;
  const font = input.fontFamily ?? CHART_FONT;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: font, color: INK },
      legend: { top: 0, selectedMode: false, textStyle: { fontFamily: font, color: INK } },
      grid: { left: 40, right: 16, top: 40, bottom: 32 },
      xAxis: {
        type: 'category',
        data: input.years.map((y) => String(Math.trunc(y))),
        axisLabel: { color: MUTED, fontFamily: font },
        axisLine: { lineStyle: { color: MUTED } },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: MUTED, fontFamily: font } },
      series: input.series.map((s) => ({
        type: 'bar',
        name: s.label,
        stack: 'events',
        silent: true,
        emphasis: { disabled: true },
        itemStyle: { color: s.color },
        data: s.counts.map((n) => (Number.isFinite(n) ? n : 0)),
      })),
    });
    return compact(withoutInlineStyle(chart.renderToSVGString({ useViewBox: true })));
  } finally {
    chart.dispose();
  }
}

const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity']);
const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Drops `<style>` elements and turns `style="a:b;…"` into presentation attributes (a="b"), keeping only those SVG knows. */
export function withoutInlineStyle(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_whole, declarations: string) =>
      declarations
        .split(';')
        .map((d) => {
          const i = d.indexOf(':');
          const name = d.slice(0, i).trim().toLowerCase();
          const value = d.slice(i + 1).trim();
          return i > 0 && PRESENTATION.has(name) && value ? ` ${name}="${attr(value)}"` : '';
        })
        .join(''),
    );
}

/**
 * Leaves out what a static chart does not use: the class names of echarts' dropped `<style>`, pointer events, its
 * metadata for bringing the chart to life in a browser, and closing tags of empty shapes. The chart of a 40-year
 * partnership went from 29,736 to 13,924 characters, from a quarter of its page's bytes to a seventh.
 */
export function compact(svg: string): string {
  return svg
    .replace(/ class="zr\d+-cls-\d+"| pointer-events="[^"]*"| ecmeta_\w+="[^"]*"/g, '')
    .replace(/><\/(path|rect)>/g, '/>')
    .replace(/>\n</g, '><');
}
