import { describe, expect, it } from 'vitest';
import type { TranslateEvent } from '../../types';
import { translateDocument } from '../document';
import { phrasebookModel } from './phrasebook-model.test-support';

const LICENSEE = [{ source: 'Licensee', target: 'licenciatario' }];

describe('the glossary pass', () => {
  it('sends a stand-in for each term and writes the target term in its place, case fitted', async () => {
    const { calls, translate } = phrasebookModel({
      'Tom shall pay.': 'Tom pagará.',
      'The Tom and the Mary sign.': 'El Tom y el Mary firman.',
      'The tom signs.': 'El Tom firma.',
    });
    const result = await translateDocument('Licensee shall pay.\nThe Licensee and the Licensor sign.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: translate,
      glossary: [...LICENSEE, { source: 'licensor', target: 'Licenciante' }],
    });
    expect(calls).toEqual([['Tom shall pay.', 'The Tom and the Mary sign.']]);
    expect(result.text).toBe('Licenciatario pagará.\nEl Licenciatario y el Licenciante firman.');
    const lower = await translateDocument('The licensee signs.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: phrasebookModel({ 'The Tom signs.': 'El Tom firma.' }).translate,
      glossary: [{ source: 'Licensee', target: 'Licenciatario' }],
    });
    expect(lower.text).toBe('El licenciatario firma.');
  });

  it('shows the target term, never the stand-in, while a translation streams', async () => {
    const events: TranslateEvent[] = [];
    await translateDocument('Licensee shall pay.', {
      translateSentences: phrasebookModel({ 'Tom shall pay.': 'Tom pagará.' }).translate,
      glossary: LICENSEE,
      onEvent: (event) => events.push(event),
    });
    expect(events[0]).toEqual({ type: 'token', segment: 0, text: 'Licenciatario' });
  });

  it('translates again with another stand-in when the model drops one, as it does for a lost name', async () => {
    const { calls, translate } = phrasebookModel({
      'The Tom shall pay.': 'Pagará.',
      'The Mary shall pay.': 'El Mary pagará.',
    });
    const result = await translateDocument('The Licensee shall pay.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: translate,
      glossary: [{ source: 'Licensee', target: 'Licenciatario' }],
    });
    expect(calls).toEqual([['The Tom shall pay.'], ['The Mary shall pay.']]);
    expect(result.text).toBe('El Licenciatario pagará.');
  });

  it('translates the words around the term apart when no stand-in survives', async () => {
    const { calls, translate } = phrasebookModel({
      'The Tom shall pay.': 'Pagará.',
      'The Mary shall pay.': 'Pagará.',
      The: 'El',
      'shall pay.': 'pagará.',
    });
    const result = await translateDocument('The Licensee shall pay.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: translate,
      glossary: [{ source: 'Licensee', target: 'Licenciatario' }],
    });
    expect(calls).toEqual([['The Tom shall pay.'], ['The Mary shall pay.'], ['The', 'shall pay.']]);
    expect(result.text).toBe('El Licenciatario pagará.');
  });

  it('cuts around the terms at once into a language whose stand-in renderings are unknown', async () => {
    const { calls, translate } = phrasebookModel({ The: 'Этот', 'signs.': 'подписывает.' });
    const result = await translateDocument('The Licensee signs.', {
      locale: 'en',
      targetLocale: 'ru',
      translateSentences: translate,
      glossary: [{ source: 'Licensee', target: 'лицензиат' }],
    });
    expect(calls).toEqual([['The', 'signs.']]);
    expect(result.text).toBe('Этот Лицензиат подписывает.');
  });

  it('still repairs lost numbers and names around the stand-ins', async () => {
    const { calls, translate } = phrasebookModel({
      'Tom pays 1987 euros to Zubiri.': 'Tom paga 1988 euros a Señorategia.',
      'Tom pays 2 euros to Zubiri.': 'Tom paga 2 euros a Señorategia.',
      'Tom pays 1987 euros to Mary.': 'Tom paga 1987 euros a Mary.',
    });
    const result = await translateDocument('Licensee pays 1987 euros to Zubiri.', {
      locale: 'en',
      targetLocale: 'es',
      translateSentences: translate,
      glossary: LICENSEE,
      countPieces: async (words) => words.map((word) => (['Tom', 'Mary'].includes(word) ? 1 : 3)),
    });
    expect(calls).toEqual([
      ['Tom pays 1987 euros to Zubiri.'],
      ['Tom pays 2 euros to Zubiri.'],
      ['Tom pays 1987 euros to Mary.'],
    ]);
    expect(result.text).toBe('Licenciatario paga 1987 euros a Zubiri.');
  });

  it('leaves a text without any of the terms as it would be without a glossary', async () => {
    const { calls, translate } = phrasebookModel({});
    const result = await translateDocument('Nothing here.', {
      translateSentences: translate,
      glossary: LICENSEE,
    });
    expect(calls).toEqual([['Nothing here.']]);
    expect(result.text).toBe('Nothing here.');
  });
});
