import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../engine/errors';
import { translateParagraphs, type TranslateParagraph } from './translate-paragraphs';

const upperCase: TranslateParagraph = async (paragraph, onPartial, onFraction) => {
  onPartial(paragraph.slice(0, 1).toUpperCase());
  onFraction(1);
  return { text: paragraph.toUpperCase(), tokens: paragraph.length, seconds: 1, backend: 'wasm' };
};

describe('translateParagraphs', () => {
  it('translates only paragraphs without a translation, in order, reporting each', async () => {
    const events: string[] = [];
    const summary = await translateParagraphs(['one', 'two', 'three'], [undefined, 'DOS'], upperCase, {
      onStart: (index) => events.push(`start ${index}`),
      onPartial: (index, text) => events.push(`partial ${index} ${text}`),
      onFraction: (index, fraction) => events.push(`fraction ${index} ${fraction}`),
      onDone: (index, translation) => events.push(`done ${index} ${translation}`),
    });
    expect(events).toEqual([
      'start 0',
      'partial 0 O',
      'fraction 0 1',
      'done 0 ONE',
      'start 2',
      'partial 2 T',
      'fraction 2 1',
      'done 2 THREE',
    ]);
    expect(summary).toEqual({ translated: 2, tokens: 8, seconds: 2, backend: 'wasm' });
  });

  it('has nothing to do when every paragraph is translated', async () => {
    const summary = await translateParagraphs(['one'], ['UNO'], upperCase, { onDone: () => undefined });
    expect(summary).toEqual({ translated: 0, tokens: 0, seconds: 0, backend: null });
  });

  it('stops between paragraphs when cancelled, keeping what is done', async () => {
    const controller = new AbortController();
    const done: string[] = [];
    const run = translateParagraphs(
      ['one', 'two'],
      [],
      upperCase,
      {
        onDone: (_, translation) => {
          done.push(translation);
          controller.abort();
        },
      },
      controller.signal,
    );
    await expect(run).rejects.toSatisfy(isAbortError);
    expect(done).toEqual(['ONE']);
  });
});
