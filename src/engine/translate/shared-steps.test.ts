import { describe, expect, it } from 'vitest';
import type { Hypothesis } from './search';
import { SharedSteps, type MemberStep } from './shared-steps';

const hypothesis = (token: number): Hypothesis<number> => ({ tokens: [0, token], state: null });

describe('SharedSteps', () => {
  it('waits for every running member, then advances them in one run, in member order', async () => {
    const runs: MemberStep<number>[][] = [];
    const shared = new SharedSteps<number>(
      3,
      async (steps) => {
        runs.push([...steps]);
        return steps.map((step) =>
          step.hypotheses.map((h) => ({ logits: new Float32Array([h.tokens[1] ?? 0]), state: step.member })),
        );
      },
      () => {},
    );
    const second = shared.member(2).step([hypothesis(20), hypothesis(21)]);
    const first = shared.member(0).step([hypothesis(0)]);
    expect(runs).toHaveLength(0);
    const middle = shared.member(1).step([hypothesis(10)]);
    const [a, b, c] = await Promise.all([first, middle, second]);
    expect(runs).toHaveLength(1);
    expect(runs[0]?.map((step) => step.member)).toEqual([0, 1, 2]);
    expect(a?.map((step) => step.state)).toEqual([0]);
    expect(b?.map((step) => step.logits[0])).toEqual([10]);
    expect(c?.map((step) => step.logits[0])).toEqual([20, 21]);
  });

  it('stops waiting for a member that left, and fails every waiting member when the run fails', async () => {
    let calls = 0;
    const shared = new SharedSteps<number>(
      2,
      async (steps) => {
        calls++;
        if (calls === 2) throw new Error('run failed');
        return steps.map((step) => step.hypotheses.map(() => ({ logits: new Float32Array(1), state: 0 })));
      },
      () => {},
    );
    const waiting = shared.member(0).step([hypothesis(1)]);
    shared.leave(1);
    await expect(waiting).resolves.toHaveLength(1);
    await expect(shared.member(0).step([hypothesis(1)])).rejects.toThrow('run failed');
  });
});
