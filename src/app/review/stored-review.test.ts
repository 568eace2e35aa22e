import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEYS } from '../preferences';
import { parseStoredReview, readStoredReview, storedReview, writeStoredReview } from './stored-review';
import type { ReviewResult } from './use-review-run';

const TEXT = 'This Agreement is between Acme Inc. and Beta LLC. Either party may terminate at any time.';

function review(): ReviewResult {
  const clause = TEXT.indexOf('Either');
  return {
    id: 3,
    text: TEXT,
    name: 'contract.txt',
    kind: 'contract',
    model: {
      id: 'lexlet-cuad',
      name: 'CUAD',
      task: 'contract-clauses',
      labels: ['Termination For Convenience'],
    } as ReviewResult['model'],
    tags: {
      spans: [
        {
          label: 'Termination For Convenience',
          start: clause,
          end: TEXT.length,
          score: 0.91,
          text: TEXT.slice(clause),
        },
      ],
      candidates: [{ label: 'Termination For Convenience', start: 0, end: clause - 1, score: 0.2 }],
      thresholds: { 'Termination For Convenience': 0.5 },
      facts: { parties: [{ text: 'Acme Inc.', start: 26, end: 35 }] },
    },
    seconds: 0.25,
  };
}

/** A localStorage stand-in that can refuse writes, as a full or disabled one does. */
function fakeStorage(refuseWrites: boolean) {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuseWrites) throw new DOMException('quota', 'QuotaExceededError');
      values.set(key, value);
    },
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('stored review', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('round-trips a finished review: text, model, spans, candidates, thresholds and facts', () => {
    expect(parseStoredReview(storedReview(review()))).toEqual(review());
  });

  it('reads nothing, damaged, foreign or out-of-range values as no review', () => {
    for (const value of [null, '', '{"id":', 'null', '"text"', '{"id":1}'])
      expect(parseStoredReview(value)).toBeNull();
    const outside = review();
    outside.tags.spans[0] = {
      ...(outside.tags.spans[0] as ReviewResult['tags']['spans'][number]),
      end: TEXT.length + 5,
    };
    expect(parseStoredReview(storedReview(outside))).toBeNull();
    const badFact = review();
    badFact.tags.facts.parties = [{ text: 'Acme', start: -1, end: 3 }];
    expect(parseStoredReview(storedReview(badFact))).toBeNull();
    const badKind = { ...review(), kind: 'poem' } as unknown as ReviewResult;
    expect(parseStoredReview(storedReview(badKind))).toBeNull();
  });

  it('keeps the review in localStorage, and leaves no older one behind when it cannot be kept', () => {
    const storage = fakeStorage(false);
    vi.stubGlobal('localStorage', storage);
    writeStoredReview(review());
    expect(readStoredReview()).toEqual(review());

    const full = fakeStorage(true);
    full.values.set(STORAGE_KEYS.reviewResult, storedReview({ ...review(), id: 1 }));
    vi.stubGlobal('localStorage', full);
    writeStoredReview(review());
    expect(full.values.has(STORAGE_KEYS.reviewResult)).toBe(false);
    expect(readStoredReview()).toBeNull();
  });
});
