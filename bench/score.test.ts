import { describe, expect, it } from 'vitest';
import { scoreTranslations } from './score';

describe('BLEU and chrF by the training scorer', () => {
  it('give 100 for translations equal to their references', async () => {
    const lines = ['El gato duerme en la casa.', 'Hoy hace buen tiempo.'];
    expect(await scoreTranslations(lines, lines, 'es')).toEqual({ bleu: 100, chrf: 100 });
  });

  it('give less for a translation that differs, and 0 BLEU for nothing in common', async () => {
    const references = ['El gato duerme en la casa.'];
    const partly = await scoreTranslations(['El perro duerme en la casa.'], references, 'es');
    expect(partly.bleu).toBeGreaterThan(0);
    expect(partly.bleu).toBeLessThan(100);
    expect(partly.chrf).toBeLessThan(100);
    expect((await scoreTranslations(['Xyz qwv.'], ['Abc def ghi jkl.'], 'es')).bleu).toBe(0);
  });

  it('rejects translations and references of different lengths', async () => {
    await expect(scoreTranslations(['a'], ['a', 'b'], 'es')).rejects.toThrow(
      '1 translations for 2 references.',
    );
  });
});
