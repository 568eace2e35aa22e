import { describe, expect, it } from 'vitest';
import { pageRounds, rotation } from './rounds';

describe('rotation', () => {
  it('starts each round one runner later', () => {
    expect(rotation(3, 0)).toEqual([0, 1, 2]);
    expect(rotation(3, 1)).toEqual([1, 2, 0]);
    expect(rotation(3, 4)).toEqual([1, 2, 0]);
  });
});

describe('pageRounds', () => {
  it('keeps the warm-up outputs, times each later pass and rotates the order', async () => {
    let time = 0;
    const calls: string[] = [];
    const runner = (name: string, cost: number) => ({
      name,
      pass: () => {
        calls.push(name);
        time += cost;
        return Promise.resolve([`${name}${calls.length}`]);
      },
    });
    const heard: string[] = [];
    const records = await pageRounds(
      [runner('a', 10), runner('b', 30)],
      2,
      (name, round, ms) => heard.push(`${name}:${round}:${ms}`),
      () => time,
    );
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'b', 'a']);
    expect(records).toEqual([
      { name: 'a', wallMs: [10, 10], outputs: ['a1'], warmUpMs: 10 },
      { name: 'b', wallMs: [30, 30], outputs: ['b2'], warmUpMs: 30 },
    ]);
    expect(heard).toEqual(['a:0:10', 'b:0:30', 'b:1:30', 'a:1:10']);
  });
});
