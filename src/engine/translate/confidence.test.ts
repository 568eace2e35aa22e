import { describe, expect, it } from 'vitest';
import { confidenceOf, UNSURE_BELOW } from './confidence';

describe('confidenceOf', () => {
  it('marks a translation unsure only below the threshold', () => {
    expect(confidenceOf(UNSURE_BELOW - 0.01)).toEqual({ confidence: UNSURE_BELOW - 0.01, unsure: true });
    expect(confidenceOf(UNSURE_BELOW)).toEqual({ confidence: UNSURE_BELOW, unsure: false });
    expect(confidenceOf(-0.1)).toEqual({ confidence: -0.1, unsure: false });
  });

  it('says nothing when the decoder gave no usable score', () => {
    expect(confidenceOf(undefined)).toEqual({});
    expect(confidenceOf(-Infinity)).toEqual({});
    expect(confidenceOf(Number.NaN)).toEqual({});
  });
});
