import { describe, expect, it } from 'vitest';
import { isAbortError } from '../errors';
import {
  logSoftmax,
  repeatedNgramTokens,
  repetitionCut,
  search,
  topK,
  topLogProbs,
  type StepModel,
} from './search';

const EOS = 0;
const START = 9;
const [A, B, C] = [1, 2, 3];
const VOCAB = 4;

/**
 * A toy decoder whose next-token probabilities depend only on the generated prefix; unknown prefixes end.
 * Each step's state is a fresh object so the test can check that every one is released exactly once.
 */
function toyModel(table: Record<string, Partial<Record<number, number>>>) {
  const live = new Set<object>();
  let released = 0;
  let steps = 0;
  const model: StepModel<object> & { live: Set<object>; released: () => number; steps: () => number } = {
    live,
    released: () => released,
    steps: () => steps,
    async step(hypotheses) {
      return Promise.all(hypotheses.map((hypothesis) => stepOne(hypothesis.tokens)));
    },
    release(state) {
      if (!live.delete(state)) throw new Error('state released twice or never issued');
      released++;
    },
  };
  async function stepOne(tokens: readonly number[]) {
    steps++;
    const probabilities = table[tokens.slice(1).join(' ')] ?? { [EOS]: 1 };
    const logits = new Float32Array(VOCAB).fill(Math.log(1e-9));
    for (const [token, p] of Object.entries(probabilities)) logits[Number(token)] = Math.log(p as number);
    const state = {};
    live.add(state);
    return { logits, state };
  }
  return model;
}

const base = { startTokenId: START, eosTokenIds: [EOS], earlyStopping: false, maxNewTokens: 20 };

// Greedy takes `a` (0.5) then `c` (0.4): p = 0.2. Beam search keeps `b` (0.4) whose `c` has 0.9: p = 0.36.
const gardenPath = {
  '': { [A]: 0.5, [B]: 0.4, [C]: 0.1 },
  [`${A}`]: { [C]: 0.4, [B]: 0.3, [A]: 0.3 },
  [`${B}`]: { [C]: 0.9, [A]: 0.1 },
};

// Short "a" (p 0.275 over 2 tokens with EOS) against long "b c c" (p 0.2592 over 4): the length penalty decides.
const shortOrLong = {
  '': { [A]: 0.55, [B]: 0.45 },
  [`${A}`]: { [EOS]: 0.5, [C]: 0.25, [B]: 0.25 },
  [`${B}`]: { [C]: 0.8, [B]: 0.1, [A]: 0.1 },
  [`${B} ${C}`]: { [C]: 0.8, [A]: 0.2 },
  [`${B} ${C} ${C}`]: { [EOS]: 0.9, [A]: 0.1 },
};

describe('search', () => {
  it('greedy follows the locally best token', async () => {
    const model = toyModel(gardenPath);
    const result = await search(model, { ...base, numBeams: 1, lengthPenalty: 1 });
    expect(result.tokens).toEqual([A, C]);
    expect(result.score).toBeCloseTo(Math.log(0.5 * 0.4 * 1) / 3, 4);
  });

  it('beam search finds the more probable sequence greedy misses', async () => {
    const model = toyModel(gardenPath);
    const result = await search(model, { ...base, numBeams: 2, lengthPenalty: 1 });
    expect(result.tokens).toEqual([B, C]);
    expect(result.score).toBeCloseTo(Math.log(0.4 * 0.9 * 1) / 3, 4);
  });

  it('length penalty 1 prefers the longer hypothesis, 0 the more probable short one', async () => {
    const long = await search(toyModel(shortOrLong), { ...base, numBeams: 2, lengthPenalty: 1 });
    expect(long.tokens).toEqual([B, C, C]);
    const short = await search(toyModel(shortOrLong), { ...base, numBeams: 2, lengthPenalty: 0 });
    expect(short.tokens).toEqual([A]);
    expect(short.score).toBeCloseTo(Math.log(0.55 * 0.5), 4);
  });

  it('reports the mean log-probability of the chosen tokens whatever the length penalty', async () => {
    const short = await search(toyModel(shortOrLong), { ...base, numBeams: 2, lengthPenalty: 0 });
    expect(short.meanLogProb).toBeCloseTo(Math.log(0.55 * 0.5) / 2, 4);
    const long = await search(toyModel(shortOrLong), { ...base, numBeams: 2, lengthPenalty: 1 });
    expect(long.meanLogProb).toBeCloseTo(Math.log(0.45 * 0.8 * 0.8 * 0.9) / 4, 4);
  });

  it('releases every decoder state exactly once', async () => {
    for (const numBeams of [1, 2, 3]) {
      const model = toyModel(shortOrLong);
      await search(model, { ...base, numBeams, lengthPenalty: 1 });
      expect(model.live.size).toBe(0);
      expect(model.released()).toBe(model.steps());
    }
  });

  it('stops between steps when cancelled and frees its states', async () => {
    const controller = new AbortController();
    const model = toyModel({});
    const looping: StepModel<object> = {
      step: (hypotheses) => Promise.all(hypotheses.map(({ tokens }) => stepOne(tokens))),
      release: (state) => model.release(state),
    };
    async function stepOne(tokens: readonly number[]) {
      if (tokens.length === 3) controller.abort();
      const [step] = await model.step([{ tokens: [START], state: null }]);
      if (!step) throw new Error('no step');
      // Never ends on its own: always `a` or `b`, alternating so no loop guard fires.
      step.logits.fill(Math.log(1e-9));
      step.logits[tokens.length % 2 ? A : B] = 0;
      step.logits[tokens.length % 3 ? C : A] = Math.log(0.5);
      return step;
    }
    const error = await search(looping, {
      ...base,
      numBeams: 2,
      lengthPenalty: 1,
      maxNewTokens: 100,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(model.steps()).toBeLessThanOrEqual(6);
    expect(model.live.size).toBe(0);
  });

  it('hears an abort sent as a message while every model run resolves as a microtask', async () => {
    // On WASM a model run never returns to the event loop, so an abort posted by the page (a macrotask) is only
    // seen if the search yields between steps.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    const busy: StepModel<object> = {
      async step(hypotheses) {
        const end = performance.now() + 10;
        while (performance.now() < end) {
          // A synchronous 10 ms model run.
        }
        return hypotheses.map(({ tokens }) => {
          const logits = new Float32Array(VOCAB).fill(Math.log(1e-9));
          logits[tokens.length % 2 ? A : B] = 0;
          return { logits, state: {} };
        });
      },
      release: () => undefined,
    };
    const error = await search(busy, {
      ...base,
      numBeams: 1,
      lengthPenalty: 1,
      maxNewTokens: 400,
      signal: controller.signal,
    }).catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
  });

  it('never emits banned tokens such as pad', async () => {
    const result = await search(toyModel({ '': { [A]: 0.9, [B]: 0.1 } }), {
      ...base,
      numBeams: 1,
      lengthPenalty: 1,
      bannedTokenIds: [A],
    });
    expect(result.tokens).toEqual([B]);
  });

  it('renormalises after banning when asked, which changes beam scores', async () => {
    const table = { '': { [A]: 0.5, [B]: 0.25, [C]: 0.25 } };
    const options = { ...base, numBeams: 1, lengthPenalty: 0, bannedTokenIds: [A] };
    const plain = await search(toyModel(table), options);
    const renormalised = await search(toyModel(table), { ...options, renormalize: true });
    expect(plain.tokens).toEqual(renormalised.tokens);
    expect(plain.score).toBeCloseTo(Math.log(0.25), 4);
    expect(renormalised.score).toBeCloseTo(Math.log(0.5), 4);
  });

  it('cuts a degenerate loop down to one copy', async () => {
    const stuck = toyModel({});
    const model: StepModel<object> = {
      step: (hypotheses) => Promise.all(hypotheses.map(({ tokens }) => stepOne(tokens))),
      release: (state) => stuck.release(state),
    };
    async function stepOne(tokens: readonly number[]) {
      const [step] = await stuck.step([{ tokens: [START], state: null }]);
      if (!step) throw new Error('no step');
      step.logits.fill(Math.log(1e-9));
      step.logits[A] = Math.log(0.9);
      step.logits[tokens.length === 1 ? B : A] = Math.log(0.95);
      return step;
    }
    const result = await search(model, { ...base, numBeams: 1, lengthPenalty: 1, maxNewTokens: 200 });
    expect(result.tokens).toEqual([B, A]);
    expect(stuck.steps()).toBeLessThan(20);
    expect(stuck.live.size).toBe(0);
  });

  it('stops at the token budget', async () => {
    const model = toyModel({ '': { [A]: 1 }, [`${A}`]: { [B]: 1 }, [`${A} ${B}`]: { [C]: 1 } });
    const result = await search(model, { ...base, numBeams: 1, lengthPenalty: 1, maxNewTokens: 2 });
    expect(result.tokens).toEqual([A, B]);
    expect(model.live.size).toBe(0);
  });
});

describe('search helpers', () => {
  it('log-softmax normalises', () => {
    const scores = logSoftmax(new Float32Array([1, 2, 3]));
    expect(scores.reduce((sum, value) => sum + Math.exp(value), 0)).toBeCloseTo(1, 6);
    expect((scores[2] ?? 0) - (scores[1] ?? 0)).toBeCloseTo(1, 6);
  });

  it('top-k returns the best indices in order and skips -Infinity', () => {
    expect(topK(new Float32Array([0.1, 0.7, -Infinity, 0.5, 0.9]), 3)).toEqual([4, 1, 3]);
    expect(topK(new Float32Array([-Infinity, 0.2]), 3)).toEqual([1]);
  });

  it('top log-probabilities equal top-k of the log-softmax, ties and bans included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 20 - 10;
    for (let trial = 0; trial < 50; trial++) {
      // Coarse values make float32 ties common.
      const logits = Float32Array.from({ length: 300 }, () => Math.round(random() * 4) / 4);
      const banned = new Set([0, 3, Math.floor(Math.abs(random()) * 29)]);
      for (const renormalize of [false, true]) {
        const reference = Float32Array.from(logits);
        if (renormalize) for (const token of banned) reference[token] = -Infinity;
        const scores = logSoftmax(reference);
        for (const token of banned) scores[token] = -Infinity;
        const expected = topK(scores, 8).map((token) => ({ token, score: scores[token] }));
        expect(topLogProbs(Float32Array.from(logits), 8, banned, renormalize)).toEqual(expected);
      }
    }
  });

  it('counts a banned token holding the largest logit in the softmax unless renormalising', () => {
    const logits = Float32Array.from([5, 1, 2, 0.5, 2]);
    const banned = new Set([0]);
    const all = logSoftmax(logits);
    expect(topLogProbs(logits, 2, banned, false)).toEqual([
      { token: 2, score: all[2] },
      { token: 4, score: all[4] },
    ]);
    const allowed = logSoftmax(Float32Array.from([-Infinity, 1, 2, 0.5, 2]));
    expect(topLogProbs(logits, 1, banned, true)).toEqual([{ token: 2, score: allowed[2] }]);
  });

  it('bans tokens that would repeat an n-gram', () => {
    expect(repeatedNgramTokens([5, 6, 7, 5, 6], 3)).toEqual([7]);
    expect(repeatedNgramTokens([5, 6, 7], 3)).toEqual([]);
  });

  it('detects loops only when they are long', () => {
    expect(repetitionCut([1, 2, 3, 4])).toBeNull();
    expect(repetitionCut([7, 7, 7, 7])).toBeNull();
    expect(repetitionCut([9, 7, 7, 7, 7, 7, 7, 7, 7])).toBe(2);
    expect(repetitionCut([9, 1, 2, 1, 2, 1, 2, 1, 2])).toBe(3);
  });
});
