/**
 * The scaling benchmark's table (Markdown) and plot (SVG, written by hand from the numbers so that it needs no
 * plotting library): sentences/s against sentence length per batch size, and peak memory against batch size per
 * sentence length.
 */
import type { Spread } from './rounds';
import { range } from './machine';

export interface ScalingRow {
  /** Source tokens aimed at. */
  targetTokens: number;
  /** Mean source tokens of the texts actually used. */
  meanSourceTokens: number;
  /** Sentences decoded together. */
  batch: number;
  sentencesPerSecond: Spread;
  targetTokensPerSecond: Spread;
  /** Resident memory of a fresh process with the model loaded, before translating (MiB). */
  loadedRssMiB: number;
  /** That process's resident high-water mark after translating this configuration's texts once (MiB). */
  peakRssMiB: number;
}

export interface Series {
  name: string;
  points: (readonly [number, number])[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** A round upper bound for an axis from 0 to `max`, and its step for 5 ticks or fewer. */
export function axisTop(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.2 };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

const format = (value: number) => String(Number(value.toPrecision(4)));

/** One line chart as an SVG group at (`left`, `top`), `width` × `height` pixels in all. */
export function lineChart(options: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  left: number;
  top: number;
  width: number;
  height: number;
}): string {
  const { title, xLabel, yLabel, series, left, top, width, height } = options;
  const points = series.flatMap((line) => line.points);
  if (points.length === 0) throw new Error(`Chart "${title}" has no points to draw`);
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw new Error(`Chart "${title}" has a point that is not a number`);
  }
  const xs = [...new Set(points.map(([x]) => x))].sort((a, b) => a - b);
  const xMin = Math.min(0, xs[0] as number);
  const xMax = xs[xs.length - 1] as number;
  const y = axisTop(Math.max(...points.map(([, value]) => value)));
  // Room for the title above, tick labels and axis titles below and to the left, the legend on the right.
  const plot = { left: left + 56, top: top + 28, width: width - 56 - 110, height: height - 28 - 46 };
  const px = (value: number) => plot.left + ((value - xMin) / (xMax - xMin || 1)) * plot.width;
  const py = (value: number) => plot.top + plot.height - (value / y.top) * plot.height;
  const parts: string[] = [
    `<g font-family="sans-serif" font-size="11">`,
    `<text x="${left + width / 2}" y="${top + 14}" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#999"/>`,
  ];
  for (let tick = 0; tick <= y.top + y.step / 2; tick += y.step) {
    const at = py(tick).toFixed(1);
    parts.push(
      `<line x1="${plot.left}" y1="${at}" x2="${plot.left + plot.width}" y2="${at}" stroke="#eee"/>`,
      `<text x="${plot.left - 4}" y="${at}" text-anchor="end" dominant-baseline="middle">${format(tick)}</text>`,
    );
  }
  for (const x of xs) {
    parts.push(
      `<text x="${px(x).toFixed(1)}" y="${plot.top + plot.height + 14}" text-anchor="middle">${format(x)}</text>`,
    );
  }
  parts.push(
    `<text x="${plot.left + plot.width / 2}" y="${plot.top + plot.height + 34}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(${left + 14} ${plot.top + plot.height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
  );
  series.forEach((line, index) => {
    const colour = COLOURS[index % COLOURS.length] as string;
    const sorted = [...line.points].sort((a, b) => a[0] - b[0]);
    const path = sorted.map(([x, value]) => `${px(x).toFixed(1)},${py(value).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const [x, value] of sorted) {
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(value).toFixed(1)}" r="3" fill="${colour}"/>`);
    }
    const legendY = plot.top + 8 + index * 16;
    parts.push(
      `<line x1="${plot.left + plot.width + 10}" y1="${legendY}" x2="${plot.left + plot.width + 28}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${plot.left + plot.width + 32}" y="${legendY}" dominant-baseline="middle">${escapeXml(line.name)}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('\n');
}

function groupBy<T>(rows: readonly ScalingRow[], key: (row: ScalingRow) => T): Map<T, ScalingRow[]> {
  const groups = new Map<T, ScalingRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Both charts side by side, as one SVG document. */
export function scalingSvg(rows: readonly ScalingRow[], caption: string): string {
  if (rows.length === 0) throw new Error('No scaling rows to plot');
  const width = 880;
  const height = 320;
  const speed = [...groupBy(rows, (row) => row.batch)].map(([batch, group]) => ({
    name: `batch ${batch}`,
    points: group.map((row) => [row.targetTokens, row.sentencesPerSecond.median] as const),
  }));
  const memory = [...groupBy(rows, (row) => row.targetTokens)].map(([target, group]) => ({
    name: `~${target} tokens`,
    points: group.map((row) => [row.batch, row.peakRssMiB] as const),
  }));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 20}" viewBox="0 0 ${width} ${height + 20}">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    lineChart({
      title: 'Sentences/s against sentence length',
      xLabel: 'source tokens per sentence (target; means in the table)',
      yLabel: 'sentences/s (median of rounds)',
      series: speed,
      left: 0,
      top: 0,
      width: width / 2,
      height,
    }),
    lineChart({
      title: 'Peak memory against batch size',
      xLabel: 'sentences decoded together',
      yLabel: 'peak RSS (MiB)',
      series: memory,
      left: width / 2,
      top: 0,
      width: width / 2,
      height,
    }),
    `<text x="${width / 2}" y="${height + 12}" text-anchor="middle" font-family="sans-serif" font-size="10" fill="#555">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** The rows as a Markdown table: median (min–max) over the rounds. */
export function scalingTable(rows: readonly ScalingRow[]): string {
  return [
    '| source tokens: target (mean) | batch | sentences/s | target tokens/s | RSS with model loaded MiB | peak RSS MiB |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.targetTokens} (${row.meanSourceTokens.toFixed(1)}) | ${row.batch} | ${range(row.sentencesPerSecond, 1)} | ` +
        `${range(row.targetTokensPerSecond, 0)} | ${row.loadedRssMiB.toFixed(0)} | ${row.peakRssMiB.toFixed(0)} |`,
    ),
  ].join('\n');
}
