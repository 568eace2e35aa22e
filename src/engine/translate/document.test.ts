import { describe, expect, it } from 'vitest';
import { isAbortError } from '../errors';
import type { TranslateEvent } from '../types';
import { translateDocument, type RememberedTranslation, type TranslateSentences } from './document';
import { UNSURE_BELOW } from './confidence';
import { LruCache } from './lru-cache';

/** Upper-cases each sentence so the test can see what was translated, in which groups, and what was kept. */
function upperCaser() {
  const groups: string[][] = [];
  const translate: TranslateSentences = async (sentences, onPartial) => {
    groups.push([...sentences]);
    sentences.forEach((sentence, index) => onPartial(index, sentence.slice(0, 1).toUpperCase()));
    return sentences.map((sentence) => ({ text: sentence.toUpperCase(), tokens: sentence.length }));
  };
  return { groups, translate };
}

describe('translateDocument', () => {
  it('keeps paragraph breaks, blank lines, indentation, URLs and numbers', async () => {
    const { translate } = upperCaser();
    const text = '  Hello there.  Bye now.\n\n\nNext paragraph.\nhttps://example.com/x\n1,234\n\t';
    const result = await translateDocument(text, { locale: 'en', translateSentences: translate });
    expect(result.text).toBe(
      '  HELLO THERE.  BYE NOW.\n\n\nNEXT PARAGRAPH.\nhttps://example.com/x\n1,234\n\t',
    );
  });

  it('emits token and segment events in order and counts tokens, one sentence at a time', async () => {
    const { translate } = upperCaser();
    const events: TranslateEvent[] = [];
    const result = await translateDocument('One. 2\nThree.', {
      locale: 'en',
      translateSentences: translate,
      groupSize: 1,
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

  it('sends consecutive sentences in groups, streams them side by side, then reports each in order', async () => {
    const { groups, translate } = upperCaser();
    const events: TranslateEvent[] = [];
    const result = await translateDocument('A. B.\n42\nC. D. E.', {
      locale: 'en',
      translateSentences: translate,
      groupSize: 3,
      onEvent: (event) => events.push(event),
    });
    expect(result.text).toBe('A. B.\n42\nC. D. E.');
    expect(groups).toEqual([
      ['A.', 'B.', 'C.'],
      ['D.', 'E.'],
    ]);
    expect(events.slice(0, 7)).toEqual([
      { type: 'token', segment: 0, text: 'A' },
      { type: 'token', segment: 1, text: 'B' },
      { type: 'token', segment: 3, text: 'C' },
      { type: 'segment', segment: 0, source: 'A.', translation: 'A.', done: 1, total: 6 },
      { type: 'segment', segment: 1, source: 'B.', translation: 'B.', done: 2, total: 6 },
      { type: 'segment', segment: 2, source: '42', translation: '42', done: 3, total: 6 },
      { type: 'segment', segment: 3, source: 'C.', translation: 'C.', done: 4, total: 6 },
    ]);
    expect(events.filter((event) => event.type === 'segment').map((event) => event.segment)).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it('translates a repeated sentence once, within a group and across groups', async () => {
    const { groups, translate } = upperCaser();
    const memo = new LruCache<string, RememberedTranslation>(10);
    const result = await translateDocument('Yes.\nNo.\nYes.\nMaybe.\nNo.', {
      translateSentences: translate,
      memo,
      groupSize: 2,
    });
    expect(result.text).toBe('YES.\nNO.\nYES.\nMAYBE.\nNO.');
    expect(groups).toEqual([['Yes.', 'No.'], ['Maybe.']]);
  });

  it('marks the sentences the decoder was unsure of, also when the memo supplies them', async () => {
    const translate: TranslateSentences = async (sentences) =>
      sentences.map((sentence) => ({
        text: sentence.toUpperCase(),
        tokens: 1,
        confidence: sentence.startsWith('Odd') ? UNSURE_BELOW - 0.5 : UNSURE_BELOW + 0.5,
      }));
    const memo = new LruCache<string, RememberedTranslation>(10);
    const marks = async () => {
      const events: TranslateEvent[] = [];
      await translateDocument('Plain. Odd one.', {
        translateSentences: translate,
        memo,
        onEvent: (e) => events.push(e),
      });
      return events.flatMap((event) => (event.type === 'segment' ? [[event.translation, event.unsure]] : []));
    };
    const expected = [
      ['PLAIN.', false],
      ['ODD ONE.', true],
    ];
    expect(await marks()).toEqual(expected);
    expect(await marks()).toEqual(expected);
  });

  it('keeps what the memo knew even when the memo forgets it meanwhile', async () => {
    const { translate } = upperCaser();
    const memo = new LruCache<string, RememberedTranslation>(1);
    memo.set('Old.', { translation: 'VIEJO.' });
    const result = await translateDocument('Old.\nNew.', { translateSentences: translate, memo });
    expect(result.text).toBe('VIEJO.\nNEW.');
  });

  it('never lets a translation add a line break', async () => {
    const result = await translateDocument('A.\nB.', {
      translateSentences: async (sentences) =>
        sentences.map((sentence) => ({ text: `${sentence}\nextra`, tokens: 1 })),
    });
    expect(result.text).toBe('A. extra\nB. extra');
  });

  it('stops before the next group when cancelled', async () => {
    const controller = new AbortController();
    const groups: string[][] = [];
    const error = await translateDocument('One.\nTwo.\nThree.', {
      signal: controller.signal,
      groupSize: 2,
      translateSentences: async (sentences) => {
        groups.push([...sentences]);
        controller.abort();
        return sentences.map((sentence) => ({ text: sentence, tokens: 1 }));
      },
    }).catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
    expect(groups).toEqual([['One.', 'Two.']]);
  });
  it('translates a sentence that lost a number again, with stand-ins, then cut around its numbers', async () => {
    const calls: string[][] = [];
    // A model that drops "1987", copies one-digit numbers, and loses "12" even as a stand-in.
    const translate: TranslateSentences = async (sentences) => {
      calls.push([...sentences]);
      return sentences.map((sentence) => {
        if (sentence.startsWith('Born in 1987')) return { text: 'NACIDA EN 1988.', tokens: 3 };
        if (sentence.startsWith('Buy 12')) return { text: 'COMPRA DOCE.', tokens: 2 };
        if (sentence.startsWith('Buy 3')) return { text: 'COMPRA TRES.', tokens: 2 };
        return { text: sentence.toUpperCase(), tokens: 1 };
      });
    };
    const result = await translateDocument('Born in 1987.\nBuy 12 eggs.\nNo numbers.', {
      locale: 'en',
      translateSentences: translate,
    });
    expect(calls).toEqual([
      ['Born in 1987.', 'Buy 12 eggs.', 'No numbers.'],
      ['Born in 2.', 'Buy 3 eggs.'],
      ['Buy', 'eggs.'],
    ]);
    expect(result.text).toBe('BORN IN 1987.\nBUY 12 eGGS.\nNO NUMBERS.');
    expect(result.tokens).toBe(3 + 2 + 1 + (1 + 2) + (1 + 1)); // every run counts
  });

  it('translates a sentence that lost a rare name again with a stand-in name, and puts the name back', async () => {
    const calls: string[][] = [];
    // A model that invents a word for "Zubiri" but copies "Tom"; it also renders "Brussels" as "Bruselas".
    const translate: TranslateSentences = async (sentences) => {
      calls.push([...sentences]);
      return sentences.map((sentence) => ({
        text: `» ${sentence.replace('Zubiri', 'Señorategia').replace('Brussels', 'Bruselas')}`,
        tokens: 1,
      }));
    };
    const countPieces = async (words: readonly string[]) => words.map((w) => (w === 'Tom' ? 1 : 3));
    const result = await translateDocument('We met Zubiri in Brussels.\nWe met Nobody.\nTom met him.', {
      locale: 'en',
      translateSentences: translate,
      countPieces,
    });
    expect(calls).toEqual([
      ['We met Zubiri in Brussels.', 'We met Nobody.', 'Tom met him.'],
      ['We met Tom in Brussels.'],
    ]);
    expect(result.text).toBe('» We met Zubiri in Bruselas.\n» We met Nobody.\n» Tom met him.');
    // No vocabulary, no name check (and German capitalises nouns, so no check either).
    calls.length = 0;
    await translateDocument('We met Merkel.', { locale: 'en', translateSentences: translate });
    await translateDocument('Wir trafen Merkel.', {
      locale: 'de',
      translateSentences: translate,
      countPieces,
    });
    expect(calls).toEqual([['We met Merkel.'], ['Wir trafen Merkel.']]);
    // Cyrillic renders stand-ins in ways not known here: no second translation.
    calls.length = 0;
    await translateDocument('We met Zubiri.', {
      locale: 'en',
      targetLocale: 'ru',
      translateSentences: translate,
      countPieces,
    });
    expect(calls).toEqual([['We met Zubiri.']]);
  });

  it('puts a lost name back in Latin letters where a Chinese translation wrote its stand-in as 汤姆', async () => {
    const calls: string[][] = [];
    const chinese: Record<string, string> = {
      'We met Zubiri.': '我们见了苏比。',
      'We met Tom.': '我们见了汤姆。',
    };
    const translate: TranslateSentences = async (sentences) => {
      calls.push([...sentences]);
      return sentences.map((sentence) => ({ text: chinese[sentence] ?? '', tokens: 1 }));
    };
    const countPieces = async (words: readonly string[]) => words.map((w) => (w === 'Tom' ? 1 : 3));
    const result = await translateDocument('We met Zubiri.', {
      locale: 'en',
      targetLocale: 'zh',
      translateSentences: translate,
      countPieces,
    });
    expect(calls).toEqual([['We met Zubiri.'], ['We met Tom.']]);
    expect(result.text).toBe('我们见了Zubiri。');
  });

  it('leaves the spaces between sentences and clauses out of Chinese and puts them into English', async () => {
    const chinese: Record<string, string> = {
      'Hello.': '你好。',
      'How are you?': '你好吗？',
      'When it rains in the north of the country,': '当该国北部下雨时。',
      'we stay at home with the children.': '我们和孩子们呆在家里。',
    };
    const toChinese: TranslateSentences = async (sentences) =>
      sentences.map((sentence) => ({ text: chinese[sentence] ?? '?', tokens: 1 }));
    const spoken = await translateDocument('Hello.  How are you?\nHello.', {
      locale: 'en',
      targetLocale: 'zh-CN',
      translateSentences: toChinese,
    });
    expect(spoken.text).toBe('你好。你好吗？\n你好。');
    const long = await translateDocument(
      'When it rains in the north of the country, we stay at home with the children.',
      { locale: 'en', targetLocale: 'zh', translateSentences: toChinese, splitSentencesOverWords: 6 },
    );
    expect(long.text).toBe('当该国北部下雨时，我们和孩子们呆在家里。');

    const english: Record<string, string> = { '你好。': 'Hello.', '你好吗？': 'How are you?' };
    const toEnglish: TranslateSentences = async (sentences) =>
      sentences.map((sentence) => ({ text: english[sentence] ?? '?', tokens: 1 }));
    const back = await translateDocument('你好。你好吗？\n你好。', {
      locale: 'zh',
      targetLocale: 'en',
      translateSentences: toEnglish,
    });
    expect(back.text).toBe('Hello. How are you?\nHello.');

    const clauses: Record<string, string> = {
      '当我们在该国北部的山区时，': 'When we were in the mountains in the north of the country.',
      '我们每天都和孩子们一起散步。': 'We walked with the children every day.',
    };
    const clausesToEnglish: TranslateSentences = async (sentences) =>
      sentences.map((sentence) => ({ text: clauses[sentence] ?? '?', tokens: 1 }));
    const longBack = await translateDocument('当我们在该国北部的山区时，我们每天都和孩子们一起散步。', {
      locale: 'zh',
      targetLocale: 'en',
      translateSentences: clausesToEnglish,
      splitSentencesOverWords: 12,
    });
    expect(longBack.text).toBe(
      'When we were in the mountains in the north of the country, we walked with the children every day.',
    );
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
