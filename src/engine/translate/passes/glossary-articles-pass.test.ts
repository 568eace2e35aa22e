import { describe, expect, it } from 'vitest';
import { translateDocument, type TranslateSentences } from '../document';

/** A model that knows a few sentences and echoes the rest. */
function model(known: Record<string, string>): TranslateSentences {
  return async (sentences) => sentences.map((sentence) => ({ text: known[sentence] ?? sentence, tokens: 1 }));
}

describe('the glossary articles pass', () => {
  it('contracts a preposition with the article a term brings, in Spanish', async () => {
    const result = await translateDocument('The Licensee shall pay the Licensor.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: model({ 'The Tom shall pay the Mary.': 'El Tom pagará a el Mary.' }),
      glossary: [
        { source: 'Licensee', target: 'Licenciatario' },
        { source: 'Licensor', target: 'Licenciante' },
      ],
    });
    expect(result.text).toBe('El Licenciatario pagará al Licenciante.');
  });

  it('contracts the words around a term written between the pieces of a cut', async () => {
    const result = await translateDocument('Payment of the Licensor.', {
      locale: 'en',
      targetLocale: 'fr',
      translateSentences: model({
        'Payment of the Tom.': 'Paiement.',
        'Payment of the Mary.': 'Paiement.',
        'Payment of the': 'Paiement de le',
      }),
      glossary: [{ source: 'Licensor', target: 'Concédant' }],
    });
    expect(result.text).toBe('Paiement du Concédant.');
  });

  it('leaves the words the model wrote away from the terms as they are', async () => {
    const spanish = await translateDocument('The Licensee goes to the market.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: model({ 'The Tom goes to the market.': 'El Tom va a el mercado.' }),
      glossary: [{ source: 'Licensee', target: 'Licenciatario' }],
    });
    expect(spanish.text).toBe('El Licenciatario va a el mercado.');
  });
});
