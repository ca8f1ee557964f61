// Charts drawn as plain SVG: a stacked bar trend of contacts by outcome and a line chart of waits. Each
// has a text summary for screen readers and the figures in a <title> per bar or point.
import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 36;
const BOTTOM = 24;

function frame(summary: string, max: number, unit: string): SVGSVGElement {
  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': summary,
    class: 'chart',
  });
  for (const fraction of [0, 0.5, 1]) {
    const y = (HEIGHT - BOTTOM) * (1 - fraction) + 4;
    chart.append(
      svg('line', { x1: LEFT, x2: WIDTH, y1: y, y2: y, class: 'grid-line' }),
      svg(
        'text',
        { x: LEFT - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' },
        `${Math.round(max * fraction)}${unit}`,
      ),
    );
  }
  return chart;
}

/** Bars per period, one segment per series, with the period label under every few bars. */
export function stackedBars(
  periods: readonly { label: string; values: Record<string, number> }[],
  series: readonly Series[],
  summary: string,
): HTMLElement {
  const max = Math.max(1, ...periods.map((p) => series.reduce((sum, s) => sum + (p.values[s.key] ?? 0), 0)));
  const chart = frame(summary, max, '');
  const slot = (WIDTH - LEFT) / Math.max(1, periods.length);
  const labelEvery = Math.ceil(periods.length / 8);
  const plot = HEIGHT - BOTTOM;
  periods.forEach((period, index) => {
    let top = plot + 4;
    const x = LEFT + index * slot + slot * 0.15;
    for (const s of series) {
      const value = period.values[s.key] ?? 0;
      if (value === 0) continue;
      const height = (value / max) * plot;
      top -= height;
      chart.append(
        svg(
          'rect',
          { x, y: top, width: slot * 0.7, height, fill: s.colour, 'data-series': s.key },
          svg('title', {}, `${period.label}: ${value} ${s.label.toLowerCase()}`),
        ),
      );
    }
    if (index % labelEvery === 0)
      chart.append(
        svg(
          'text',
          { x: x + slot * 0.35, y: HEIGHT - 6, 'text-anchor': 'middle', class: 'axis' },
          period.label,
        ),
      );
  });
  return h('figure', {}, chart, legend(series));
}

/** Lines over periods, a dot per value with its figure in a tooltip. */
export function lines(
  periods: readonly { label: string; values: Record<string, number | null> }[],
  series: readonly Series[],
  summary: string,
  unit: string,
): HTMLElement {
  const all = periods
    .flatMap((p) => series.map((s) => p.values[s.key] ?? null))
    .filter((v): v is number => v !== null);
  const max = Math.max(1, ...all);
  const chart = frame(summary, max, unit);
  const step = (WIDTH - LEFT) / Math.max(1, periods.length);
  const plot = HEIGHT - BOTTOM;
  for (const s of series) {
    // A period without a value lifts the pen, so the line breaks instead of dropping to zero.
    let pen = 'M';
    const segments: string[] = [];
    periods.forEach((period, index) => {
      const value = period.values[s.key];
      if (value === null || value === undefined) {
        pen = 'M';
        return;
      }
      const x = LEFT + index * step + step / 2;
      const y = plot * (1 - value / max) + 4;
      segments.push(`${pen}${x.toFixed(1)},${y.toFixed(1)}`);
      pen = 'L';
      chart.append(
        svg(
          'circle',
          { cx: x, cy: y, r: 3, fill: s.colour },
          svg('title', {}, `${period.label}: ${s.label.toLowerCase()} ${Math.round(value)}${unit}`),
        ),
      );
    });
    if (segments.length)
      chart.append(svg('path', { d: segments.join(' '), stroke: s.colour, fill: 'none', 'stroke-width': 2 }));
  }
  return h('figure', {}, chart, legend(series));
}

function legend(series: readonly Series[]): HTMLElement {
  return h(
    'figcaption',
    { class: 'legend' },
    series.map((s) =>
      h('span', {}, h('span', { class: 'swatch', style: `background:${s.colour}` }), ` ${s.label}`),
    ),
  );
}
