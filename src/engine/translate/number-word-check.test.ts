import { describe, expect, it } from 'vitest';
import { fixNumberWords, hasNumberWords, type NumberWordLocales } from './number-word-check';

const fix = (source: string, translation: string, sourceLocale: string, targetLocale: string) =>
  fixNumberWords(source, translation, { sourceLocale, targetLocale });

/** Source, translation, source and target language, and the translation as fixed. */
type Fix = [source: string, translation: string, from: string, to: string, fixed: string];
const fixes = (...[source, translation, from, to, fixed]: Fix) =>
  expect(fix(source, translation, from, to)).toBe(fixed);

describe('fixNumberWords', () => {
  it.each<Fix>([
    [
      'Pay within sixty (60) days.',
      'Pague dentro de seis (60) días.',
      'en',
      'es',
      'Pague dentro de sesenta (60) días.',
    ],
    [
      'The term is one hundred eighty (180) days.',
      'El plazo es uno cien ocho (180) días.',
      'en',
      'es',
      'El plazo es ciento ochenta (180) días.',
    ],
    [
      'El plazo es de ciento ochenta (180) días.',
      'The term is eight eighty (180) days.',
      'es',
      'en',
      'The term is one hundred eighty (180) days.',
    ],
    [
      'within ninety (90) days',
      'innerhalb von neunten (90) Tagen',
      'en',
      'de',
      'innerhalb von neunzig (90) Tagen',
    ],
    ['dans un délai de trente (30) jours', 'within three (30) days', 'fr', 'en', 'within thirty (30) days'],
  ])("rewrites a wrong number word before the source's digits in the target language: %s → %s", fixes);

  it.each<Fix>([
    [
      'for twenty-four (24) months',
      'pendant vingt-cinq (24) mois',
      'en',
      'fr',
      'pendant vingt-quatre (24) mois',
    ],
    ['in ninety (90) days', 'en quatre-vingt (90) jours', 'en', 'fr', 'en quatre-vingt-dix (90) jours'],
  ])('replaces a wrong half of a hyphenated number word with the whole word: %s → %s', fixes);

  it.each<Fix>([
    ['within sixty (60) days', 'dentro de Sexty (60) días', 'en', 'es', 'dentro de sesenta (60) días'],
    [
      'deliver two thousand (2,000) units',
      'livrer deux milles (2 000) unités',
      'en',
      'fr',
      'livrer deux mille (2 000) unités',
    ],
    [
      'within sixty (60) days',
      'innerhalb von sixty (60) Tagen',
      'en',
      'de',
      'innerhalb von sechzig (60) Tagen',
    ],
    ['within sixty (60) days', 'dentro de 60 (60) días', 'en', 'es', 'dentro de sesenta (60) días'],
  ])('replaces a misspelling, the source word copied, or the digits written again: %s → %s', fixes);

  it.each<Fix>([
    ['within sixty (60) days', '在六（60）日内', 'en', 'zh', '在六十（60）日内'],
    ['在六十（60）日内付款', 'Pay within six (60) days', 'zh', 'en', 'Pay within sixty (60) days'],
    ['within sixty (60) days', '在sixty（60）日内', 'en', 'zh', '在六十（60）日内'],
  ])('reads and writes Chinese number words and full-width parentheses: %s → %s', fixes);

  it.each<Fix>([
    ['Twelve (12) months later.', 'Twel (12) meses después.', 'en', 'es', 'Doce (12) meses después.'],
    ['THIRTY (30) DAYS', 'TRES (30) DÍAS', 'en', 'es', 'TREINTA (30) DÍAS'],
    ['within Thirty (30) days', 'dentro de tres (30) días', 'en', 'es', 'dentro de Treinta (30) días'],
    ['within thirty (30) days', 'dentro de Tres (30) días', 'en', 'es', 'dentro de treinta (30) días'],
  ])(
    'capitalises a word that opens the sentence, keeps all capitals, and lowers it elsewhere: %s → %s',
    fixes,
  );

  it('checks each parenthesised number against its own word', () => {
    expect(
      fix(
        'within thirty (30) days or ninety (90) days',
        'dentro de treinta (30) días o nueve (90) días',
        'en',
        'es',
      ),
    ).toBe('dentro de treinta (30) días o noventa (90) días');
  });

  it.each<[source: string, translation: string, from: string, to: string]>([
    ['within one hundred eighty (180) days', 'within one hundred and eighty (180) days', 'es', 'en'],
    ['within 180 days', 'innerhalb von hundertachtzig (180) Tagen', 'en', 'de'],
    ['two hundred (200) hours', 'doscientas (200) horas', 'en', 'es'],
    ['twenty-one (21) days', 'vingt-et-un (21) jours', 'en', 'fr'],
    ['two thousand (2,000) units', '两千（2,000）个', 'en', 'zh'],
  ])('leaves a right word in any accepted spelling as it is: %s → %s', (source, translation, from, to) =>
    expect(fix(source, translation, from, to)).toBe(translation),
  );

  it.each<Fix>([
    ['in five (5) days', 'en vingt-cinq (5) jours', 'en', 'fr', 'en cinq (5) jours'],
    [
      'in five (5) days',
      'en veintidós (5) días y veinticinco personas',
      'en',
      'es',
      'en cinco (5) días y veinticinco personas',
    ],
    ['five (5) days', '二十五（5）天', 'en', 'zh', '五（5）天'],
  ])('reads the whole number before the digits, not its last word alone: %s → %s', fixes);

  it.each<Fix>([
    ['five (5) percent', 'cinq pour cent (5)', 'en', 'fr', 'cinq pour cent (5)'],
    ['thirty (30) days', '三十天（30）', 'en', 'zh', '三十天（30）'],
    [
      'thirty (30) days or thirty (30) weeks',
      'treinta (30) días o tres (30) semanas',
      'en',
      'es',
      'treinta (30) días o treinta (30) semanas',
    ],
  ])('writes nothing where the right word stands elsewhere, away from the digits: %s → %s', fixes);

  it.each<Fix>([
    ['within sixty (60) days', 'dentro de los días (60)', 'en', 'es', 'dentro de los días (60)'],
    ['within sixty (60) days', 'dentro de (60) días', 'en', 'es', 'dentro de (60) días'],
    ['within sixty (60) days', 'dentro de sesenta días', 'en', 'es', 'dentro de sesenta días'],
    ['在六十（60）日内', '付款两千千千千千千千万（60）', 'zh', 'zh', '付款两千千千千千千千万（60）'],
  ])('writes nothing where the translation has no number word before the digits: %s → %s', fixes);

  it.each<Fix>([
    ['within one (1) year', 'dentro de dos (1) año', 'en', 'es', 'dentro de dos (1) año'],
    ['within 60 (60) days', 'dentro de seis (60) días', 'en', 'es', 'dentro de seis (60) días'],
    ['section (60)', 'sección seis (60)', 'en', 'es', 'sección seis (60)'],
    // The same number once with its word and once without: which place had the word is unknown.
    [
      'sixty (60) days, clause (60)',
      'seis (60) días, cláusula (60)',
      'en',
      'es',
      'seis (60) días, cláusula (60)',
    ],
    ['within sixty (60) days', 'в течение шести (60) дней', 'en', 'ru', 'в течение шести (60) дней'],
  ])(
    'leaves alone a value whose word takes the gender of its noun, and a source without number words: %s → %s',
    fixes,
  );
});

describe('hasNumberWords', () => {
  it.each<[text: string, options: NumberWordLocales, found: boolean]>([
    ['within sixty (60) days', { sourceLocale: 'en', targetLocale: 'es' }, true],
    ['binnen dreißig (30) Tagen', { targetLocale: 'en' }, true],
    ['within 60 days', { sourceLocale: 'en', targetLocale: 'es' }, false],
    ['within sixty (60) days', { sourceLocale: 'en', targetLocale: 'ru' }, false],
  ])(
    'finds a number word before digits in parentheses in the source language, or any when it is unknown: %s',
    (text, options, found) => expect(hasNumberWords(text, options)).toBe(found),
  );
});
