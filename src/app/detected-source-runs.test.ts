import { describe, expect, it } from 'vitest';
import type { ParagraphLanguage } from '../engine/langid';
import { shippedModel } from '../engine/langid/test-model.test-support';
import { detectSource, paragraphLanguages, sourceRuns } from './detected-source-runs';

const paragraph = (language: string | null, start: number, end: number): ParagraphLanguage => ({
  language,
  best: language,
  confidence: language ? 1 : 0.5,
  long: true,
  start,
  end,
});

describe('sourceRuns', () => {
  it('joins consecutive paragraphs of a language, and gives unnamed ones to the run around them', () => {
    const runs = sourceRuns([
      paragraph(null, 0, 5),
      paragraph('es', 6, 20),
      paragraph(null, 21, 25),
      paragraph('es', 26, 40),
      paragraph('en', 41, 60),
      paragraph(null, 61, 64),
    ]);
    expect(runs).toEqual([
      { language: 'es', start: 0, end: 40 },
      { language: 'en', start: 41, end: 64 },
    ]);
  });
});

describe('detectSource', () => {
  const model = shippedModel();

  it('names one language, with no runs, for a text in one language', () => {
    const text = 'Ayer compré un libro.\nMi hermano vive en Madrid con su familia.';
    expect(detectSource(model, text)).toMatchObject({
      languages: ['es'],
      runs: [],
      guess: { language: 'es' },
    });
  });

  it('cuts a mixed text into runs, each in its own language, most of the text first', () => {
    const text =
      'El contrato empieza hoy y dura dos años.\nLas partes pueden terminarlo con un mes de aviso.\n\n' +
      'Cláusula 2\nThe licensee pays the fee every month.\n';
    const detected = detectSource(model, text);
    expect(detected.languages).toEqual(['es', 'en']);
    expect(detected.guess.language).toBe('es');
    expect(detected.runs.map((run) => [run.language, text.slice(run.start, run.end)])).toEqual([
      [
        'es',
        'El contrato empieza hoy y dura dos años.\nLas partes pueden terminarlo con un mes de aviso.\n\nCláusula 2',
      ],
      ['en', 'The licensee pays the fee every month.'],
    ]);
  });

  it('does not call a text mixed for a short line in another language, such as a name', () => {
    const text =
      'Dear Ms Schneider,\nHans Müller\nThank you for your letter of last week about the contract.\n';
    expect(detectSource(model, text)).toMatchObject({ languages: ['en'], runs: [] });
  });

  it('names nothing for a text without letters', () => {
    expect(detectSource(model, '12 + 30 = 42')).toMatchObject({ languages: [], runs: [] });
  });
});

describe('paragraphLanguages', () => {
  it('names each paragraph of a document, a short one by the paragraph before it', () => {
    // "Artículo 1" alone reads as Spanish, yet a heading is too short to set a paragraph's language.
    const paragraphs = [
      'Artículo 1',
      'El contrato empieza hoy y dura dos años.',
      'Article 2',
      'The licensee pays the fee every month.',
      '3.',
    ];
    expect(paragraphLanguages(shippedModel(), paragraphs, 'de')).toEqual(['de', 'es', 'es', 'en', 'en']);
  });
});
