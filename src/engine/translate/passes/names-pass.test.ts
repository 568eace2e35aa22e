import { describe, expect, it } from 'vitest';
import type { CountPieces } from '../names';
import { translateWithPhrasebook } from './phrasebook-model.test-support';

/** A vocabulary that knows every word whole: no name is rare by its pieces. */
const countPieces: CountPieces = async (words) => words.map(() => 1);

describe('the names pass', () => {
  it('gives a Chinese sentence that lost its Latin name a stand-in the model knows, and puts the name back', async () => {
    const { calls, text } = await translateWithPhrasebook(
      '我叫Andrea。',
      { locale: 'zh', targetLocale: 'en', countPieces },
      { '我叫Andrea。': "I'm called.", '我叫汤姆。': 'My name is Tom.' },
    );
    expect(calls).toEqual([['我叫Andrea。'], ['我叫汤姆。']]);
    expect(text).toBe('My name is Andrea.');
  });

  it('leaves a Chinese sentence whose translation kept the name as it is', async () => {
    const { calls, text } = await translateWithPhrasebook(
      'Ken的书。',
      { locale: 'zh', targetLocale: 'en', countPieces },
      { 'Ken的书。': "Ken's book." },
    );
    expect(calls).toEqual([['Ken的书。']]);
    expect(text).toBe("Ken's book.");
  });
});
