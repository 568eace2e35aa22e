import { describe, expect, it } from 'vitest';
import { textsOfLength } from './scaling-inputs';

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;

describe('texts of a target length', () => {
  it('join consecutive lines until the target is reached, skipping lines longer than it', () => {
    const lines = ['a b', 'c d e', 'f g h i j k l', 'm', 'n o p', 'q r s t'];
    const inputs = textsOfLength(lines, 4, 2, words);
    expect(inputs.texts).toEqual(['a b c d e', 'm n o p']);
    expect(inputs.tokens).toEqual([5, 4]);
  });

  it('say how many texts could be made when the lines run out', () => {
    expect(() => textsOfLength(['a b', 'c'], 3, 2, words)).toThrow(
      /Only 1 texts of 3 tokens .* 2 were asked for/u,
    );
  });

  it('reject a target that is not a positive integer', () => {
    expect(() => textsOfLength(['a'], 0, 1, words)).toThrow(/positive integer: 0/u);
  });
});
