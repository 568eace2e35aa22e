import { describe, expect, it } from 'vitest';
import { candidateRuns, findNames, lostNames, maskNames, usesNameCase, type CountPieces } from './names';

/** A vocabulary that knows short words and a few names whole, and splits everything else into 2-letter pieces. */
const KNOWN = new Set(['Tom', 'Mary', 'Boston', 'Monday', 'University', 'School']);
const countPieces: CountPieces = async (words) =>
  words.map((word) => (KNOWN.has(word) || word.length <= 4 ? 1 : Math.ceil(word.length / 2)));

const texts = (sentence: string) => candidateRuns(sentence).map((run) => run.map((w) => w.text).join(' '));

describe('candidateRuns', () => {
  it('groups title-case words, with connectors inside, and skips a lone sentence-initial word', () => {
    expect(texts('Scientists from the Stanford University School of Medicine met Angela Merkel.')).toEqual([
      'Stanford University School of Medicine',
      'Angela Merkel',
    ]);
    expect(texts('Yesterday it rained.')).toEqual([]);
    expect(texts('Stanford Medicine is here.')).toEqual(['Stanford Medicine']);
  });

  it('does not join across punctuation, nor end a run on a connector', () => {
    expect(texts('We met in Madrid, Barcelona and Bilbao of course.')).toEqual([
      'Madrid',
      'Barcelona',
      'Bilbao',
    ]);
  });

  it('splits at apostrophes and ignores all-capitals words', () => {
    expect(texts("This is Tom's, and I'll take THE CONTRACT to d'Artagnan.")).toEqual(['Tom', 'Artagnan']);
  });
});

describe('findNames', () => {
  it('keeps the runs holding a word that the vocabulary splits up, in case and lower case', async () => {
    const names = await findNames(
      'The meeting with Angela Merkel took place in Boston on Monday.',
      'en',
      countPieces,
    );
    expect(names).toEqual([{ text: 'Angela Merkel', rare: ['Angela', 'Merkel'] }]);
  });

  it('leaves month and day names alone, and languages whose nouns are all capitalised', async () => {
    expect(await findNames('It opens on Wednesday in September.', 'en', countPieces)).toEqual([]);
    expect(await findNames('Die Kommission hat Entscheidungen getroffen.', 'de', countPieces)).toEqual([]);
    expect(usesNameCase('es-ES')).toBe(true);
    expect(usesNameCase('zh')).toBe(false);
    expect(usesNameCase(undefined)).toBe(false);
  });
});

describe('names written in Latin letters in a sentence of another script', () => {
  it('are found whether the vocabulary knows them or not; all-capitals and lower-case words are not', async () => {
    expect(await findNames('我叫Andrea。', 'zh', countPieces)).toEqual([
      { text: 'Andrea', rare: ['Andrea'], verbatim: true },
    ]);
    expect(
      (await findNames('Facebook在中國，Tom和Ken Watanabe在這裡。', 'zh-TW', countPieces)).map((n) => n.text),
    ).toEqual(['Facebook', 'Tom', 'Ken Watanabe']);
    expect(await findNames('我唱卡拉OK，英語的「to get the sack」。', 'zh', countPieces)).toEqual([]);
    expect(await findNames('Die Kommission tagt in Brüssel.', 'de', countPieces)).toEqual([]);
  });

  it('must come through as written: a word that only starts alike does not count', () => {
    const ken = [{ text: 'Tom', rare: ['Tom'], verbatim: true }];
    expect(lostNames(ken, 'Mary used to smoke.')).toEqual(ken);
    expect(lostNames(ken, "Tom's books.")).toEqual([]);
  });

  it('are masked by a stand-in as the source language writes it, and put back', () => {
    const names = [{ text: 'Andrea', rare: ['Andrea'], verbatim: true }];
    const mask = maskNames('我叫Andrea。', names, 'en', 'zh');
    expect(mask?.masked).toBe('我叫汤姆。');
    expect(mask?.restore('My name is Tom.')).toBe('My name is Andrea.');
    expect(mask?.restore('My name is Mary.')).toBeUndefined();
    // A stand-in the sentence already holds, in either writing, is not used.
    expect(maskNames('汤姆认识Andrea。', names, 'en', 'zh')?.masked).toBe('汤姆认识玛丽。');
    expect(maskNames('汤姆和玛丽认识Andrea。', names, 'en', 'zh')).toBeUndefined();
  });
});

describe('lostNames', () => {
  const names = [
    { text: 'Angela Merkel', rare: ['Angela', 'Merkel'] },
    { text: 'Brussels', rare: ['Brussels'] },
  ];

  it('accepts a name kept verbatim or rendered with the same first letters, accents and case aside', () => {
    expect(lostNames(names, 'La reunión con Angela Merkel tuvo lugar en Bruselas.')).toEqual([]);
    expect(lostNames([{ text: 'Ángel', rare: ['Ángel'] }], 'Angel came.')).toEqual([]);
  });

  it('returns the names whose words went missing', () => {
    expect(lostNames(names, 'La reunión con la señora tuvo lugar en Bruselas.')).toEqual([names[0]]);
  });
});

describe('maskNames', () => {
  it('replaces each name by a stand-in the sentence does not use, and puts them back', () => {
    const mask = maskNames('Tom met Angela Merkel and Angela Merkel met Mario Draghi.', [
      { text: 'Angela Merkel', rare: ['Merkel'] },
      { text: 'Mario Draghi', rare: ['Draghi'] },
    ]);
    expect(mask?.masked).toBe('Tom met Mary and Mary met John.');
    expect(mask?.restore('Tom conoció a Mary y Mary conoció a John.')).toBe(
      'Tom conoció a Angela Merkel y Angela Merkel conoció a Mario Draghi.',
    );
  });

  it('gives up when a stand-in is lost or doubled', () => {
    const mask = maskNames('We visited Nuuk.', [{ text: 'Nuuk', rare: ['Nuuk'] }]);
    expect(mask?.masked).toBe('We visited Tom.');
    expect(mask?.restore('Visitamos a Juan.')).toBeUndefined();
    expect(mask?.restore('Tom visitó a Tom.')).toBeUndefined();
    expect(mask?.restore('Visitamos Tomás.')).toBeUndefined();
  });

  it('finds a stand-in as the target language renders it, or kept in Latin letters beside Chinese ones', () => {
    const names = [
      { text: 'Angela Merkel', rare: ['Merkel'] },
      { text: 'Brussels', rare: ['Brussels'] },
    ];
    const mask = maskNames('The meeting with Angela Merkel took place in Brussels.', names, 'zh-CN');
    expect(mask?.masked).toBe('The meeting with Tom took place in Mary.');
    expect(mask?.restore('和汤姆的会议在玛丽举行。')).toBe('和Angela Merkel的会议在Brussels举行。');
    expect(mask?.restore('和Tom的会议在玛丽举行。')).toBe('和Angela Merkel的会议在Brussels举行。');
    expect(mask?.restore('和汤姆的会议在汤姆举行。')).toBeUndefined();
    // Only the stand-ins Chinese renders are used: a third name leaves the sentence unmasked.
    const three = [...names, { text: 'Zubiri', rare: ['Zubiri'] }];
    expect(maskNames('Angela Merkel met Zubiri in Brussels.', three, 'zh')).toBeUndefined();
    expect(maskNames('Angela Merkel met Zubiri in Brussels.', three, 'es')?.masked).toBe(
      'Tom met John in Mary.',
    );
  });

  it('masks nothing when the sentence has more names than free stand-ins', () => {
    const names = ['Aa', 'Bb', 'Cc', 'Dd', 'Ee'].map((text) => ({ text, rare: [text] }));
    expect(maskNames('Aa Bb Cc Dd Ee.', names)).toBeUndefined();
  });
});
