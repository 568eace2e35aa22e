import { describe, expect, it } from 'vitest';
import type { TranslateSentences } from '../document';
import { RETRY, type SentencePass } from './pass';
import { translateWithPasses } from './run-passes';

/** Upper-cases what it is sent, except words it is told to drop; records each run. */
function model(drop: readonly string[] = []) {
  const calls: string[][] = [];
  const translateSentences: TranslateSentences = async (sentences) => {
    calls.push([...sentences]);
    return sentences.map((sentence) => ({
      text: sentence
        .split(' ')
        .filter((word) => !drop.includes(word))
        .join(' ')
        .toUpperCase(),
      tokens: 1,
    }));
  };
  return { calls, translateSentences };
}

/** Wraps "secret" in a marker the model must copy; the marker changes with each attempt. */
const marker: SentencePass = {
  name: 'marker',
  runs: 'always',
  prepare(source, { attempt }) {
    if (!source.includes('secret') || attempt > 1) return undefined;
    const mark = attempt === 0 ? 'X1' : 'X2';
    return {
      text: source.replace('secret', mark),
      restore: (translation) => (translation.includes(mark) ? translation.replace(mark, 'secret') : RETRY),
    };
  },
  cut: (source) =>
    source.includes('secret')
      ? [
          { kind: 'sentence', text: source.replace(/ ?secret.*/u, ''), clause: 'first' },
          { kind: 'space', text: ' ' },
          { kind: 'keep', text: 'secret' },
        ]
      : undefined,
};

describe('translateWithPasses', () => {
  it('retries an `always` pass with the next attempt when restore asks to, then falls back on its cut', async () => {
    const dropsFirst = model(['X1']);
    const retried = await translateWithPasses(['a secret', 'plain'], {
      passes: [marker],
      translateSentences: dropsFirst.translateSentences,
    });
    expect(dropsFirst.calls).toEqual([['a X1', 'plain'], ['a X2']]);
    expect(retried.translations).toEqual(['A secret', 'PLAIN']);
    expect(retried.tokens).toBe(3);

    const dropsBoth = model(['X1', 'X2']);
    const cut = await translateWithPasses(['a secret'], {
      passes: [marker],
      translateSentences: dropsBoth.translateSentences,
    });
    expect(dropsBoth.calls).toEqual([['a X1'], ['a X2'], ['a']]);
    expect(cut.translations).toEqual(['A secret']);
  });

  it('runs an `on-loss` pass only on translations that lost what it keeps', async () => {
    const keepsBang: SentencePass = {
      name: 'bang',
      runs: 'on-loss',
      keeps: (source, translation) => !source.includes('!') || translation.includes('!'),
      prepare: (source, { attempt }) =>
        attempt === 0
          ? {
              text: source.replace('!', ' bang'),
              restore: (translation) => translation.replace(' BANG', '!'),
            }
          : undefined,
    };
    const { calls, translateSentences } = model(['!']);
    const result = await translateWithPasses(['hi !', 'calm'], { passes: [keepsBang], translateSentences });
    expect(calls).toEqual([['hi !', 'calm'], ['hi  bang']]);
    expect(result.translations).toEqual(['HI !', 'CALM']);
  });

  it("gives each sentence the decoder's confidence in the try it kept, and none to a cut sentence", async () => {
    const confidence: Record<string, number> = { 'a X1': -0.1, 'a X2': -1.5, plain: -0.3, a: -0.2 };
    const scored = (drop: readonly string[]): TranslateSentences => {
      const { translateSentences } = model(drop);
      return async (sentences, onPartial) =>
        (await translateSentences(sentences, onPartial)).map((result, i) => ({
          ...result,
          confidence: confidence[sentences[i] as string],
        }));
    };
    const retried = await translateWithPasses(['a secret', 'plain'], {
      passes: [marker],
      translateSentences: scored(['X1']),
    });
    expect(retried.confidences).toEqual([-1.5, -0.3]);
    const cut = await translateWithPasses(['a secret'], {
      passes: [marker],
      translateSentences: scored(['X1', 'X2']),
    });
    expect(cut.confidences).toEqual([undefined]);
  });

  it('spaces the pieces of a Chinese sentence it cut apart when their translations go into a spaced language', async () => {
    const known: Record<string, string> = { 他有: 'He has', '个孩子。': 'children.' };
    const translateSentences: TranslateSentences = async (sentences) =>
      sentences.map((sentence) => ({ text: known[sentence] ?? 'He has two children.', tokens: 1 }));
    const cut: SentencePass = {
      name: 'cut',
      runs: 'always',
      prepare: () => undefined,
      cut: () => [
        { kind: 'sentence', text: '他有', clause: 'first' },
        { kind: 'keep', text: '2' },
        { kind: 'sentence', text: '个孩子。', clause: 'next' },
      ],
    };
    const english = await translateWithPasses(['他有2个孩子。'], {
      passes: [cut],
      translateSentences,
      targetLocale: 'en',
    });
    expect(english.translations).toEqual(['He has 2 children.']);
    const japanese = await translateWithPasses(['他有2个孩子。'], {
      passes: [cut],
      translateSentences,
      targetLocale: 'ja',
    });
    expect(japanese.translations).toEqual(['He has2children.']);
  });
});
