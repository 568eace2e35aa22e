import { describe, expect, it } from 'vitest';
import { blockIndexAt, runsIn, splitIntoBlocks } from './text-blocks';

describe('splitIntoBlocks', () => {
  it('makes one block per paragraph, keeping offsets into the text', () => {
    const text = '\nTITLE\r\n\r\n1. First line\n   indented line\n\n\n2. Second.\n';
    const blocks = splitIntoBlocks(text);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'TITLE',
      '1. First line\n   indented line',
      '2. Second.',
    ]);
    expect(blocks.every((b) => !b.continues)).toBe(true);
  });

  it('cuts a long paragraph after a sentence, then at a space, and covers every word once', () => {
    const sentence = 'The Supplier shall deliver the goods on time. ';
    const text = `${sentence.repeat(40)}${'word '.repeat(400)}`;
    const blocks = splitIntoBlocks(text, 300);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) expect(block.end - block.start).toBeLessThanOrEqual(300);
    expect(blocks[0]?.continues).toBe(false);
    expect(blocks.slice(1).every((b) => b.continues)).toBe(true);
    expect(text.slice(blocks[0]?.start, blocks[0]?.end)).toMatch(/time\. $/);
    expect(blocks.map((b) => text.slice(b.start, b.end)).join('')).toBe(text.trimEnd());
  });

  it('finds the block of an offset', () => {
    const text = 'One.\n\nTwo.\n\nThree.';
    const blocks = splitIntoBlocks(text);
    expect(blockIndexAt(blocks, 0)).toBe(0);
    expect(blockIndexAt(blocks, text.indexOf('Two'))).toBe(1);
    expect(blockIndexAt(blocks, text.indexOf('Three') + 2)).toBe(2);
    expect(blockIndexAt(blocks, text.indexOf('Two') - 1)).toBe(1);
  });
});

describe('runsIn', () => {
  const clauses = [
    { start: 0, end: 10 },
    { start: 12, end: 30 },
    { start: 40, end: 50 },
  ];

  it('cuts a block at clause boundaries and tiles it exactly', () => {
    const runs = runsIn(5, 45, clauses);
    expect(runs.map((r) => [r.start, r.end, r.clauses])).toEqual([
      [5, 10, [0]],
      [10, 12, []],
      [12, 30, [1]],
      [30, 40, []],
      [40, 45, [2]],
    ]);
  });

  it('returns one plain run for a block without clauses', () => {
    expect(runsIn(31, 39, clauses)).toEqual([{ start: 31, end: 39, clauses: [], marks: [] }]);
  });

  it('layers marks (key facts) over clauses', () => {
    const runs = runsIn(0, 20, clauses, [
      { start: 2, end: 5 },
      { start: 2, end: 5 },
      { start: 8, end: 14 },
    ]);
    expect(runs.map((r) => [r.start, r.end, r.clauses, r.marks])).toEqual([
      [0, 2, [0], []],
      [2, 5, [0], [0, 1]],
      [5, 8, [0], []],
      [8, 10, [0], [2]],
      [10, 12, [], [2]],
      [12, 14, [1], [2]],
      [14, 20, [1], []],
    ]);
  });
});
