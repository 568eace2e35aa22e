import { describe, expect, it } from 'vitest';
import { readyGroups } from './ready-groups';

async function collect<T>(groups: AsyncIterable<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const group of groups) all.push(group);
  return all;
}

describe('readyGroups', () => {
  it('groups what is already there, up to the maximum', async () => {
    async function* burst() {
      yield* [1, 2, 3, 4, 5];
    }
    expect(await collect(readyGroups(burst(), 2))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('does not wait for items that are still to come', async () => {
    async function* typed() {
      yield 'a';
      yield 'b';
      await new Promise((resolve) => setTimeout(resolve, 30));
      yield 'c';
    }
    expect(await collect(readyGroups(typed(), 8))).toEqual([['a', 'b'], ['c']]);
  });

  it('passes a failure of the source on', async () => {
    async function* broken() {
      yield 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('bad input');
    }
    await expect(collect(readyGroups(broken(), 4))).rejects.toThrow('bad input');
  });
});
