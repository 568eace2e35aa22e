import { describe, expect, it } from 'vitest';
import { startsWithClauseOpener } from './conjunctions';

describe('startsWithClauseOpener', () => {
  it('tells a clause that leans on another by its first word, in any case', () => {
    expect(startsWithClauseOpener('and I make a lot of mistakes.', 'en')).toBe(true);
    expect(startsWithClauseOpener(' But no one will explain.', 'en')).toBe(true);
    expect(startsWithClauseOpener('pero no quiero.', 'es')).toBe(true);
    expect(startsWithClauseOpener('parce que je suis fatigué.', 'fr')).toBe(true);
    expect(startsWithClauseOpener('weil ich müde bin.', 'de-AT')).toBe(true);
  });

  it('leaves a clause of its own, a word that only begins like an opener, and languages without a list', () => {
    expect(startsWithClauseOpener('how are you?', 'en')).toBe(false);
    expect(startsWithClauseOpener('Andrew is here.', 'en')).toBe(false);
    expect(startsWithClauseOpener('and', 'en')).toBe(false);
    expect(startsWithClauseOpener('而且我很累。', 'zh')).toBe(false);
  });
});
