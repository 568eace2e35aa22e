import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../engine/types';
import { progressReporter } from './stderr-progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream,
  };
}

const progress = (loaded: number, total: number): LoadProgress => ({
  status: 'progress',
  modelId: 'm',
  file: 'f',
  fileLoaded: loaded,
  fileTotal: total,
  loaded,
  total,
  rate: 0,
  etaSeconds: null,
});

describe('progressReporter', () => {
  it('reports quarters of a known total on a plain stream', () => {
    const { written, stream: out } = stream(false);
    const report = progressReporter(out, false);
    for (let loaded = 0; loaded <= 10_000_000; loaded += 1_000_000) report(progress(loaded, 10_000_000));
    expect(written).toEqual([
      'Downloading m: 0% of 10.0 MB\n',
      'Downloading m: 30% of 10.0 MB\n',
      'Downloading m: 60% of 10.0 MB\n',
      'Downloading m: 90% of 10.0 MB\n',
    ]);
  });

  it('reports bytes received, never a percentage, while the total is unknown', () => {
    const { written, stream: out } = stream(false);
    const report = progressReporter(out, false);
    for (let loaded = 0; loaded <= 25_000_000; loaded += 5_000_000) report(progress(loaded, 0));
    expect(written).toEqual([
      'Downloading m: 0.0 MB so far\n',
      'Downloading m: 10.0 MB so far\n',
      'Downloading m: 20.0 MB so far\n',
    ]);
    expect(written.join('')).not.toMatch(/%|NaN|Infinity/u);
  });
});
