import { describe, expect, it } from 'vitest';
import { isAbortError } from '../errors';
import type { TranslateEvent } from '../types';
import { translateDocument, type TranslateSentence } from './document';
import { LruCache } from './lru-cache';

/** Upper-cases each sentence so the test can see what was translated and what was kept. */
function upperCaser() {
  const calls: string[] = [];
  const translate: TranslateSentence = async (sentence, onPartial) => {
    calls.push(sentence);
    onPartial(sentence.slice(0, 1).toUpperCase());
    return { text: sentence.toUpperCase(), tokens: sentence.length };
  };
  return { calls, translate };
}

describe('translateDocument', () => {
  it('keeps paragraph breaks, blank lines, indentation, URLs and numbers', async () => {
    const { translate } = upperCaser();
    const text = '  Hello there.  Bye now.\n\n\nNext paragraph.\nhttps://example.com/x\n1,234\n\t';
    const result = await translateDocument(text, { locale: 'en', translateSentence: translate });
    expect(result.text).toBe(
      '  HELLO THERE.  BYE NOW.\n\n\nNEXT PARAGRAPH.\nhttps://example.com/x\n1,234\n\t',
    );
  });

  it('emits token and segment events in order and counts tokens', async () => {
    const { translate } = upperCaser();
    const events: TranslateEvent[] = [];
    const result = await translateDocument('One. 2\nThree.', {
      locale: 'en',
      translateSentence: translate,
      onEvent: (event) => events.push(event),
    });
    expect(events).toEqual([
      { type: 'token', segment: 0, text: 'O' },
      { type: 'segment', segment: 0, source: 'One.', translation: 'ONE.', done: 1, total: 3 },
      { type: 'segment', segment: 1, source: '2', translation: '2', done: 2, total: 3 },
      { type: 'token', segment: 2, text: 'T' },
      { type: 'segment', segment: 2, source: 'Three.', translation: 'THREE.', done: 3, total: 3 },
    ]);
    expect(result.tokens).toBe('One.'.length + 'Three.'.length);
  });

  it('translates a repeated sentence once', async () => {
    const { calls, translate } = upperCaser();
    const memo = new LruCache<string, string>(10);
    const result = await translateDocument('Yes.\nNo.\nYes.', { translateSentence: translate, memo });
    expect(result.text).toBe('YES.\nNO.\nYES.');
    expect(calls).toEqual(['Yes.', 'No.']);
  });

  it('never lets a translation add a line break', async () => {
    const result = await translateDocument('A.\nB.', {
      translateSentence: async (sentence) => ({ text: `${sentence}\nextra`, tokens: 1 }),
    });
    expect(result.text).toBe('A. extra\nB. extra');
  });

  it('stops before the next sentence when cancelled', async () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const error = await translateDocument('One.\nTwo.\nThree.', {
      signal: controller.signal,
      translateSentence: async (sentence) => {
        calls.push(sentence);
        controller.abort();
        return { text: sentence, tokens: 1 };
      },
    }).catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(calls).toEqual(['One.']);
  });
});

describe('LruCache', () => {
  it('forgets the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });
});
