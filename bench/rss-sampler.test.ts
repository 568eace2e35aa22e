import { describe, expect, it } from 'vitest';
import { maxRssMiB, rssMiB, withPeakRss } from './rss-sampler';

describe('peak resident memory', () => {
  it('catches memory held only while the work runs, and gives back its result', async () => {
    const before = rssMiB();
    const { result, peakMiB } = await withPeakRss(async () => {
      const held = Buffer.alloc(96 * 1024 * 1024, 1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return held.length;
    });
    expect(result).toBe(96 * 1024 * 1024);
    expect(peakMiB).toBeGreaterThan(before + 64);
    expect(maxRssMiB()).toBeGreaterThanOrEqual(peakMiB - 1);
  });
});
