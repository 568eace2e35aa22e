import { describe, expect, it } from 'vitest';
import { cardinal, compact, isNumberConnector, isNumberWord } from './number-words';

const written = (value: number, locale: string) => cardinal(value, locale)?.written;

describe('cardinal', () => {
  it('writes English as American contracts do, and accepts the British "and"', () => {
    expect(written(0, 'en')).toBe('zero');
    expect(written(12, 'en')).toBe('twelve');
    expect(written(61, 'en')).toBe('sixty-one');
    expect(written(180, 'en')).toBe('one hundred eighty');
    expect(written(2000, 'en')).toBe('two thousand');
    expect(written(2024, 'en')).toBe('two thousand twenty-four');
    expect(written(100_000, 'en')).toBe('one hundred thousand');
    expect(cardinal(180, 'en')?.forms).toContain(compact('one hundred and eighty'));
    expect(cardinal(2005, 'en')?.forms).toContain(compact('two thousand and five'));
  });

  it('writes Spanish with its one-word numbers to twenty-nine and its hundreds in both genders', () => {
    expect(written(16, 'es')).toBe('dieciséis');
    expect(written(22, 'es')).toBe('veintidós');
    expect(written(30, 'es')).toBe('treinta');
    expect(written(45, 'es')).toBe('cuarenta y cinco');
    expect(written(100, 'es')).toBe('cien');
    expect(written(180, 'es')).toBe('ciento ochenta');
    expect(written(500, 'es')).toBe('quinientos');
    expect(written(2000, 'es')).toBe('dos mil');
    expect(written(21_000, 'es')).toBe('veintiún mil');
    expect(cardinal(200, 'es')?.forms).toContain('doscientas');
    expect(cardinal(21_000, 'es')?.forms).toContain(compact('veintiuna mil'));
    expect(cardinal(31_000, 'es')?.forms).toContain(compact('treinta y una mil'));
    expect(cardinal(21_000, 'fr')?.forms).toContain(compact('vingt et une mille'));
  });

  it('writes French tens by twenties and the plural of "cent" and "vingt" only at the end', () => {
    expect(written(17, 'fr')).toBe('dix-sept');
    expect(written(71, 'fr')).toBe('soixante et onze');
    expect(written(80, 'fr')).toBe('quatre-vingts');
    expect(written(90, 'fr')).toBe('quatre-vingt-dix');
    expect(written(97, 'fr')).toBe('quatre-vingt-dix-sept');
    expect(written(180, 'fr')).toBe('cent quatre-vingts');
    expect(written(200, 'fr')).toBe('deux cents');
    expect(written(215, 'fr')).toBe('deux cent quinze');
    expect(written(80_000, 'fr')).toBe('quatre-vingt mille');
    // The 1990 spelling only adds hyphens.
    expect(cardinal(21, 'fr')?.forms).toContain(compact('vingt-et-un'));
  });

  it('writes German as one word, "ein-" before hundred and thousand, and accepts it without', () => {
    expect(written(30, 'de')).toBe('dreißig');
    expect(written(21, 'de')).toBe('einundzwanzig');
    expect(written(180, 'de')).toBe('einhundertachtzig');
    expect(written(2000, 'de')).toBe('zweitausend');
    expect(written(21_000, 'de')).toBe('einundzwanzigtausend');
    expect(cardinal(180, 'de')?.forms).toContain('hundertachtzig');
    expect(cardinal(30, 'de')?.forms).toContain(compact('dreissig'));
  });

  it('writes Chinese with 零 for missing places and 两 before 千 and 万', () => {
    expect(written(10, 'zh')).toBe('十');
    expect(written(15, 'zh')).toBe('十五');
    expect(written(60, 'zh')).toBe('六十');
    expect(written(105, 'zh')).toBe('一百零五');
    expect(written(110, 'zh')).toBe('一百一十');
    expect(written(200, 'zh')).toBe('二百');
    expect(written(2000, 'zh')).toBe('两千');
    expect(written(1050, 'zh')).toBe('一千零五十');
    expect(written(20_500, 'zh')).toBe('两万零五百');
    expect(cardinal(2000, 'zh')?.forms).toContain('二千');
    expect(cardinal(200, 'zh')?.forms).toContain('两百');
  });

  it('writes nothing where the word for one takes the gender of its noun, and accepts each gender', () => {
    expect(written(1, 'es')).toBeUndefined();
    expect(written(21, 'es')).toBeUndefined();
    expect(written(101, 'fr')).toBeUndefined();
    expect(written(1, 'de')).toBeUndefined();
    expect(cardinal(21, 'es')?.forms).toEqual(expect.arrayContaining(['veintiuno', 'veintiún', 'veintiuna']));
    expect(cardinal(1, 'fr')?.forms).toEqual(expect.arrayContaining(['un', 'une']));
    expect(written(1, 'en')).toBe('one');
    expect(written(11, 'es')).toBe('once');
  });

  it('covers none of a value out of range or a language without words here', () => {
    expect(cardinal(1_000_000, 'en')).toBeUndefined();
    expect(cardinal(-1, 'en')).toBeUndefined();
    expect(cardinal(2.5, 'en')).toBeUndefined();
    expect(cardinal(60, 'ru')).toBeUndefined();
  });
});

describe('isNumberWord', () => {
  it("tells a language's number words and their parts from other words", () => {
    expect(isNumberWord('Sixty', 'en')).toBe(true);
    expect(isNumberWord('hundred', 'en')).toBe(true);
    expect(isNumberWord('days', 'en')).toBe(false);
    expect(isNumberWord('and', 'en')).toBe(false);
    expect(isNumberConnector('and', 'en')).toBe(true);
    expect(isNumberWord('seis', 'es')).toBe(true);
    expect(isNumberWord('doscientas', 'es')).toBe(true);
    expect(isNumberWord('vingts', 'fr')).toBe(true);
    expect(isNumberWord('einhundertachtzig', 'de')).toBe(true);
    expect(isNumberWord('neunten', 'de')).toBe(true);
    expect(isNumberWord('Tage', 'de')).toBe(false);
    expect(isNumberWord('und', 'de')).toBe(false);
    expect(isNumberWord('六十', 'zh')).toBe(true);
    expect(isNumberWord('天气', 'zh')).toBe(false);
  });
});
