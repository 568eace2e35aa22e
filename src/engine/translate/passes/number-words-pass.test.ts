import { describe, expect, it } from 'vitest';
import { translateDocument } from '../document';
import { phrasebookModel } from './phrasebook-model.test-support';

describe('the number words pass', () => {
  it("rewrites a garbled number word beside the source's digits, without another run of the model", async () => {
    const { calls, translate } = phrasebookModel({
      'The Licensee shall pay within sixty (60) days.': 'El Licenciatario pagará dentro de seis (60) días.',
      'Sixty (60) days.': 'Sexty (60) días.',
    });
    const result = await translateDocument(
      'The Licensee shall pay within sixty (60) days. Sixty (60) days.',
      {
        locale: 'en',
        targetLocale: 'es',
        translateSentences: translate,
      },
    );
    expect(result.text).toBe('El Licenciatario pagará dentro de sesenta (60) días. Sesenta (60) días.');
    expect(calls).toEqual([['The Licensee shall pay within sixty (60) days.', 'Sixty (60) days.']]);
  });

  it('checks the word after the numbers pass put back lost digits and the glossary its terms', async () => {
    const { translate } = phrasebookModel({
      'Tom pays within ninety (90) days.': 'Tom zahlt innerhalb von neun (9) Tagen.',
      'Tom pays within ninety (1) days.': 'Tom zahlt innerhalb von neun (1) Tagen.',
    });
    const result = await translateDocument('Licensee pays within ninety (90) days.', {
      locale: 'en',
      targetLocale: 'de',
      translateSentences: translate,
      glossary: [{ source: 'Licensee', target: 'Lizenznehmer' }],
    });
    expect(result.text).toBe('Lizenznehmer zahlt innerhalb von neunzig (90) Tagen.');
  });

  it('leaves a translation without the number word as the model wrote it', async () => {
    const { translate } = phrasebookModel({ 'Pay within sixty (60) days.': 'Pague en los días (60).' });
    const result = await translateDocument('Pay within sixty (60) days.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: translate,
    });
    expect(result.text).toBe('Pague en los días (60).');
  });
});
