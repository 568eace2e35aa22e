import { describe, expect, it } from 'vitest';
import { fixNumberWords, hasNumberWords } from './number-word-check';

const fix = (source: string, translation: string, sourceLocale: string, targetLocale: string) =>
  fixNumberWords(source, translation, { sourceLocale, targetLocale });

describe('fixNumberWords', () => {
  it("rewrites a wrong number word before the source's digits in the target language", () => {
    expect(fix('Pay within sixty (60) days.', 'Pague dentro de seis (60) días.', 'en', 'es')).toBe(
      'Pague dentro de sesenta (60) días.',
    );
    expect(
      fix('The term is one hundred eighty (180) days.', 'El plazo es uno cien ocho (180) días.', 'en', 'es'),
    ).toBe('El plazo es ciento ochenta (180) días.');
    expect(
      fix('El plazo es de ciento ochenta (180) días.', 'The term is eight eighty (180) days.', 'es', 'en'),
    ).toBe('The term is one hundred eighty (180) days.');
    expect(fix('within ninety (90) days', 'innerhalb von neunten (90) Tagen', 'en', 'de')).toBe(
      'innerhalb von neunzig (90) Tagen',
    );
    expect(fix('dans un délai de trente (30) jours', 'within three (30) days', 'fr', 'en')).toBe(
      'within thirty (30) days',
    );
  });

  it('replaces a wrong half of a hyphenated number word with the whole word', () => {
    expect(fix('for twenty-four (24) months', 'pendant vingt-cinq (24) mois', 'en', 'fr')).toBe(
      'pendant vingt-quatre (24) mois',
    );
    expect(fix('in ninety (90) days', 'en quatre-vingt (90) jours', 'en', 'fr')).toBe(
      'en quatre-vingt-dix (90) jours',
    );
  });

  it('replaces a misspelling, the source word copied, or the digits written again', () => {
    expect(fix('within sixty (60) days', 'dentro de Sexty (60) días', 'en', 'es')).toBe(
      'dentro de sesenta (60) días',
    );
    expect(fix('deliver two thousand (2,000) units', 'livrer deux milles (2 000) unités', 'en', 'fr')).toBe(
      'livrer deux mille (2 000) unités',
    );
    expect(fix('within sixty (60) days', 'innerhalb von sixty (60) Tagen', 'en', 'de')).toBe(
      'innerhalb von sechzig (60) Tagen',
    );
    expect(fix('within sixty (60) days', 'dentro de 60 (60) días', 'en', 'es')).toBe(
      'dentro de sesenta (60) días',
    );
  });

  it('reads and writes Chinese number words and full-width parentheses', () => {
    expect(fix('within sixty (60) days', '在六（60）日内', 'en', 'zh')).toBe('在六十（60）日内');
    expect(fix('在六十（60）日内付款', 'Pay within six (60) days', 'zh', 'en')).toBe(
      'Pay within sixty (60) days',
    );
    expect(fix('within sixty (60) days', '在sixty（60）日内', 'en', 'zh')).toBe('在六十（60）日内');
  });

  it('capitalises a word that opens the sentence, keeps all capitals, and lowers it elsewhere', () => {
    expect(fix('Twelve (12) months later.', 'Twel (12) meses después.', 'en', 'es')).toBe(
      'Doce (12) meses después.',
    );
    expect(fix('THIRTY (30) DAYS', 'TRES (30) DÍAS', 'en', 'es')).toBe('TREINTA (30) DÍAS');
    expect(fix('within Thirty (30) days', 'dentro de tres (30) días', 'en', 'es')).toBe(
      'dentro de Treinta (30) días',
    );
    expect(fix('within thirty (30) days', 'dentro de Tres (30) días', 'en', 'es')).toBe(
      'dentro de treinta (30) días',
    );
  });

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

  it('leaves a right word in any accepted spelling as it is', () => {
    const right: [string, string, string, string][] = [
      ['within one hundred eighty (180) days', 'within one hundred and eighty (180) days', 'es', 'en'],
      ['within 180 days', 'innerhalb von hundertachtzig (180) Tagen', 'en', 'de'],
      ['two hundred (200) hours', 'doscientas (200) horas', 'en', 'es'],
      ['twenty-one (21) days', 'vingt-et-un (21) jours', 'en', 'fr'],
      ['two thousand (2,000) units', '两千（2,000）个', 'en', 'zh'],
    ];
    for (const [source, translation, from, to] of right)
      expect(fix(source, translation, from, to)).toBe(translation);
  });

  it('reads the whole number before the digits, not its last word alone', () => {
    expect(fix('in five (5) days', 'en vingt-cinq (5) jours', 'en', 'fr')).toBe('en cinq (5) jours');
    expect(fix('in five (5) days', 'en veintidós (5) días y veinticinco personas', 'en', 'es')).toBe(
      'en cinco (5) días y veinticinco personas',
    );
    expect(fix('five (5) days', '二十五（5）天', 'en', 'zh')).toBe('五（5）天');
  });

  it('writes nothing where the right word stands elsewhere, away from the digits', () => {
    expect(fix('five (5) percent', 'cinq pour cent (5)', 'en', 'fr')).toBe('cinq pour cent (5)');
    expect(fix('thirty (30) days', '三十天（30）', 'en', 'zh')).toBe('三十天（30）');
    expect(
      fix('thirty (30) days or thirty (30) weeks', 'treinta (30) días o tres (30) semanas', 'en', 'es'),
    ).toBe('treinta (30) días o treinta (30) semanas');
  });

  it('writes nothing where the translation has no number word before the digits', () => {
    expect(fix('within sixty (60) days', 'dentro de los días (60)', 'en', 'es')).toBe(
      'dentro de los días (60)',
    );
    expect(fix('within sixty (60) days', 'dentro de (60) días', 'en', 'es')).toBe('dentro de (60) días');
    expect(fix('within sixty (60) days', 'dentro de sesenta días', 'en', 'es')).toBe(
      'dentro de sesenta días',
    );
    expect(fix('在六十（60）日内', '付款两千千千千千千千万（60）', 'zh', 'zh')).toBe(
      '付款两千千千千千千千万（60）',
    );
  });

  it('leaves alone a value whose word takes the gender of its noun, and a source without number words', () => {
    expect(fix('within one (1) year', 'dentro de dos (1) año', 'en', 'es')).toBe('dentro de dos (1) año');
    expect(fix('within 60 (60) days', 'dentro de seis (60) días', 'en', 'es')).toBe(
      'dentro de seis (60) días',
    );
    expect(fix('section (60)', 'sección seis (60)', 'en', 'es')).toBe('sección seis (60)');
    // The same number once with its word and once without: which place had the word is unknown.
    expect(fix('sixty (60) days, clause (60)', 'seis (60) días, cláusula (60)', 'en', 'es')).toBe(
      'seis (60) días, cláusula (60)',
    );
    expect(fix('within sixty (60) days', 'в течение шести (60) дней', 'en', 'ru')).toBe(
      'в течение шести (60) дней',
    );
  });
});

describe('hasNumberWords', () => {
  it('finds a number word before digits in parentheses in the source language, or any when it is unknown', () => {
    expect(hasNumberWords('within sixty (60) days', { sourceLocale: 'en', targetLocale: 'es' })).toBe(true);
    expect(hasNumberWords('binnen dreißig (30) Tagen', { targetLocale: 'en' })).toBe(true);
    expect(hasNumberWords('within 60 days', { sourceLocale: 'en', targetLocale: 'es' })).toBe(false);
    expect(hasNumberWords('within sixty (60) days', { sourceLocale: 'en', targetLocale: 'ru' })).toBe(false);
  });
});
