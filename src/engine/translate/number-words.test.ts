import { describe, expect, it } from 'vitest';
import { cardinal, compact, isNumberConnector, isNumberWord } from './number-words';

const written = (value: number, locale: string) => cardinal(value, locale)?.written;

describe('cardinal', () => {
  it.each<[number, string, string]>([
    // English as American contracts write it.
    [0, 'en', 'zero'],
    [12, 'en', 'twelve'],
    [61, 'en', 'sixty-one'],
    [180, 'en', 'one hundred eighty'],
    [2000, 'en', 'two thousand'],
    [2024, 'en', 'two thousand twenty-four'],
    [100_000, 'en', 'one hundred thousand'],
    // Spanish: one-word numbers to twenty-nine.
    [16, 'es', 'dieciséis'],
    [22, 'es', 'veintidós'],
    [30, 'es', 'treinta'],
    [45, 'es', 'cuarenta y cinco'],
    [100, 'es', 'cien'],
    [180, 'es', 'ciento ochenta'],
    [500, 'es', 'quinientos'],
    [2000, 'es', 'dos mil'],
    [21_000, 'es', 'veintiún mil'],
    // French: tens by twenties, the plural of "cent" and "vingt" only at the end.
    [17, 'fr', 'dix-sept'],
    [71, 'fr', 'soixante et onze'],
    [80, 'fr', 'quatre-vingts'],
    [90, 'fr', 'quatre-vingt-dix'],
    [97, 'fr', 'quatre-vingt-dix-sept'],
    [180, 'fr', 'cent quatre-vingts'],
    [200, 'fr', 'deux cents'],
    [215, 'fr', 'deux cent quinze'],
    [80_000, 'fr', 'quatre-vingt mille'],
    // German: one word, "ein-" before hundred and thousand.
    [30, 'de', 'dreißig'],
    [21, 'de', 'einundzwanzig'],
    [180, 'de', 'einhundertachtzig'],
    [2000, 'de', 'zweitausend'],
    [21_000, 'de', 'einundzwanzigtausend'],
    // Chinese: 零 for missing places, 两 before 千 and 万.
    [10, 'zh', '十'],
    [15, 'zh', '十五'],
    [60, 'zh', '六十'],
    [105, 'zh', '一百零五'],
    [110, 'zh', '一百一十'],
    [200, 'zh', '二百'],
    [2000, 'zh', '两千'],
    [1050, 'zh', '一千零五十'],
    [20_500, 'zh', '两万零五百'],
    // One is written where its word has no gender to agree with.
    [1, 'en', 'one'],
    [11, 'es', 'once'],
  ])('writes %i in %s as "%s"', (value, locale, word) => expect(written(value, locale)).toBe(word));

  it.each<[number, string, string]>([
    // The British "and".
    [180, 'en', 'one hundred and eighty'],
    [2005, 'en', 'two thousand and five'],
    // Spanish hundreds, and the word for one in thousands, in both genders.
    [200, 'es', 'doscientas'],
    [21_000, 'es', 'veintiuna mil'],
    [31_000, 'es', 'treinta y una mil'],
    [21_000, 'fr', 'vingt et une mille'],
    // The 1990 French spelling only adds hyphens.
    [21, 'fr', 'vingt-et-un'],
    // German without "ein-", and without ß.
    [180, 'de', 'hundertachtzig'],
    [30, 'de', 'dreissig'],
    // Chinese 二 and 两 either way before 千 and 百.
    [2000, 'zh', '二千'],
    [200, 'zh', '两百'],
    // The word for one in each gender, where it takes that of its noun.
    [21, 'es', 'veintiuno'],
    [21, 'es', 'veintiún'],
    [21, 'es', 'veintiuna'],
    [1, 'fr', 'un'],
    [1, 'fr', 'une'],
  ])('accepts %i in %s written "%s"', (value, locale, form) =>
    expect(cardinal(value, locale)?.forms).toContain(compact(form)),
  );

  it.each<[number, string]>([
    [1, 'es'],
    [21, 'es'],
    [101, 'fr'],
    [1, 'de'],
  ])('writes nothing for %i in %s, where the word for one takes the gender of its noun', (value, locale) =>
    expect(written(value, locale)).toBeUndefined(),
  );

  it.each<[number, string]>([
    [1_000_000, 'en'],
    [-1, 'en'],
    [2.5, 'en'],
    [60, 'ru'],
  ])('covers none of %s in %s: a value out of range or a language without words here', (value, locale) =>
    expect(cardinal(value, locale)).toBeUndefined(),
  );
});

describe('isNumberWord', () => {
  it.each<[string, string, boolean]>([
    ['Sixty', 'en', true],
    ['hundred', 'en', true],
    ['days', 'en', false],
    ['and', 'en', false],
    ['seis', 'es', true],
    ['doscientas', 'es', true],
    ['vingts', 'fr', true],
    ['einhundertachtzig', 'de', true],
    ['neunten', 'de', true],
    ['Tage', 'de', false],
    ['und', 'de', false],
    ['六十', 'zh', true],
    ['天气', 'zh', false],
  ])('"%s" in %s: %s', (word, locale, expected) => expect(isNumberWord(word, locale)).toBe(expected));

  it('takes "and" between number words as a connector', () => {
    expect(isNumberConnector('and', 'en')).toBe(true);
  });
});
