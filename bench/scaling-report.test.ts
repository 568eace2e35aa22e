import { describe, expect, it } from 'vitest';
import { axisTop, lineChart, scalingSvg, scalingTable, type ScalingRow } from './scaling-report';

const spreadOf = (median: number) => ({ median, min: median - 1, max: median + 1 });

function row(
  targetTokens: number,
  batch: number,
  sentencesPerSecond: number,
  peakRssMiB: number,
): ScalingRow {
  return {
    targetTokens,
    meanSourceTokens: targetTokens + 0.5,
    batch,
    sentencesPerSecond: spreadOf(sentencesPerSecond),
    targetTokensPerSecond: spreadOf(sentencesPerSecond * targetTokens),
    loadedRssMiB: 230,
    peakRssMiB,
  };
}

const rows = [row(5, 1, 60, 250), row(5, 4, 120, 260), row(100, 1, 4, 270), row(100, 4, 10, 300)];

describe('scaling table', () => {
  it('has one Markdown row per configuration with median (min–max)', () => {
    const lines = scalingTable(rows).split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[2]).toBe('| 5 (5.5) | 1 | 60.0 (59.0–61.0) | 300 (299–301) | 230 | 250 |');
    expect(lines[5]).toBe('| 100 (100.5) | 4 | 10.0 (9.0–11.0) | 1000 (999–1001) | 230 | 300 |');
  });
});

describe('axis top', () => {
  it('rounds the largest value up to a whole step of at most five ticks', () => {
    expect(axisTop(123)).toEqual({ top: 125, step: 25 });
    expect(axisTop(4.2)).toEqual({ top: 5, step: 1 });
    expect(axisTop(0)).toEqual({ top: 1, step: 0.2 });
  });
});

describe('scaling plot', () => {
  const svg = scalingSvg(rows, 'lexlet-en-es <greedy> & 2 cores');

  it('draws one line per batch size and one per sentence length, with a point for each configuration', () => {
    expect(svg.match(/<polyline /gu)).toHaveLength(4);
    expect(svg.match(/<circle /gu)).toHaveLength(2 * rows.length);
    for (const name of ['batch 1', 'batch 4', '~5 tokens', '~100 tokens'])
      expect(svg).toContain(`>${name}</text>`);
  });

  it('places the fastest configuration at the top of the speed chart', () => {
    const speed = lineChart({
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          name: 'a',
          points: [
            [0, 0],
            [10, 125],
          ],
        },
      ],
      left: 0,
      top: 0,
      width: 300,
      height: 200,
    });
    // The plot area runs from y = 28 to y = 154; 125 is the axis top.
    expect(speed).toContain('points="56.0,154.0 190.0,28.0"');
  });

  it('is a well-formed SVG document with the caption escaped', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('lexlet-en-es &lt;greedy&gt; &amp; 2 cores');
  });

  it('refuses to draw nothing or a point that is not a number', () => {
    expect(() => scalingSvg([], '')).toThrow(/No scaling rows/u);
    expect(() => scalingSvg([row(5, 1, Number.NaN, 250)], '')).toThrow(/not a number/u);
  });
});
