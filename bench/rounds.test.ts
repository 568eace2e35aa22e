import { describe, expect, it } from 'vitest';
import {
  alternatedRounds,
  identicalCount,
  roundOrder,
  roundRatios,
  spread,
  type PassTiming,
  type Runner,
} from './rounds';
import { median } from './measure';

const timing = (wallMs: number): PassTiming => ({ wallMs, cpuMs: 0, tokens: 0 });

describe('alternated rounds', () => {
  it('rotate the order of the runners by one each round', () => {
    expect([0, 1, 2, 3].map((round) => roundOrder(3, round))).toEqual([
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 1, 2],
    ]);
  });

  it('warm every runner up once, then time one pass each per round, prepared untimed', async () => {
    const calls: string[] = [];
    const runner = (name: string): Runner => ({
      name,
      prepare: async () => {
        calls.push(`prepare ${name}`);
      },
      pass: async () => {
        calls.push(name);
        return { texts: [`${name} ${calls.length}`], tokens: 3 };
      },
    });
    const heard: string[] = [];
    const records = await alternatedRounds([runner('a'), runner('b')], 2, (name, round) =>
      heard.push(`${round}:${name}`),
    );
    expect(calls.filter((call) => !call.startsWith('prepare'))).toEqual(['a', 'b', 'a', 'b', 'b', 'a']);
    expect(calls.filter((call) => call.startsWith('prepare'))).toHaveLength(6);
    expect(heard).toEqual(['0:a', '0:b', '1:b', '1:a']);
    // Passes are stored in round order whatever order the runners ran in; texts are the warm-up's.
    expect(records.map((record) => [record.name, record.passes.length, record.texts])).toEqual([
      ['a', 2, ['a 2']],
      ['b', 2, ['b 4']],
    ]);
    expect(records[0]?.passes.every((pass) => pass.tokens === 3 && pass.wallMs >= 0)).toBe(true);
  });
});

describe('summaries', () => {
  it('take the median of odd and even counts, and the range', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(spread([2, 9, 4])).toEqual({ median: 4, min: 2, max: 9 });
  });

  it('give the speed-up of a over b within each round', () => {
    expect(roundRatios([timing(100), timing(200)], [timing(150), timing(100)])).toEqual([1.5, 0.5]);
  });

  it('count outputs identical at the same position', () => {
    expect(identicalCount(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(2);
    expect(identicalCount(['a', 'b'], ['a'])).toBe(1);
  });
});
