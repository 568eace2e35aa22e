import { describe, expect, it } from 'vitest';
import { estimateSecondsLeft, measureProgress, progressText } from './document-progress';

const PARAGRAPHS = ['a'.repeat(100), 'b'.repeat(300), 'c'.repeat(600)];

describe('measureProgress', () => {
  it('counts finished paragraphs and a share of the running one', () => {
    expect(measureProgress(PARAGRAPHS, ['A', undefined, undefined], { index: 1, fraction: 0.5 })).toEqual({
      paragraphsDone: 1,
      paragraphsTotal: 3,
      charactersDone: 250,
      charactersTotal: 1000,
    });
    expect(measureProgress(PARAGRAPHS, [])).toMatchObject({ paragraphsDone: 0, charactersDone: 0 });
  });
});

describe('estimateSecondsLeft', () => {
  it('extrapolates the rate observed in this run only', () => {
    // 100 characters were done before the run; 300 more in 6 s is 50 per second; 600 remain.
    const progress = measureProgress(PARAGRAPHS, ['A', 'B']);
    expect(estimateSecondsLeft(progress, { startedAt: 1_000, charactersAtStart: 100 }, 7_000)).toBe(12);
  });

  it('gives no estimate before there is a rate to go on', () => {
    const progress = measureProgress(PARAGRAPHS, ['A']);
    expect(estimateSecondsLeft(progress, { startedAt: 0, charactersAtStart: 100 }, 5_000)).toBeNull();
    expect(estimateSecondsLeft(progress, { startedAt: 0, charactersAtStart: 0 }, 500)).toBeNull();
  });
});

describe('progressText', () => {
  it('states paragraphs, characters and the time left', () => {
    const progress = { paragraphsDone: 3, paragraphsTotal: 10, charactersDone: 1234, charactersTotal: 5678 };
    expect(progressText(progress, 125)).toBe(
      '3 of 10 paragraphs · 1,234 of 5,678 characters · about 2 min 5 s left',
    );
    expect(progressText(progress, null)).toBe(
      '3 of 10 paragraphs · 1,234 of 5,678 characters · estimating time left…',
    );
    expect(progressText({ ...progress, paragraphsTotal: 1, paragraphsDone: 1 })).toBe(
      '1 of 1 paragraph · 1,234 of 5,678 characters',
    );
  });
});
