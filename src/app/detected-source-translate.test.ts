import { describe, expect, it } from 'vitest';
import { taggingEngine } from './tagging-engine.test-support';
import { mixedDocumentParagraph, translateMixedText } from './detected-source-translate';

const TEXT = 'Uno. Dos.\n\nHello there.\nHallo.\n';
const RUNS = [
  { language: 'es', start: 0, end: 9 },
  { language: 'en', start: 11, end: 23 },
  { language: 'de', start: 24, end: 30 },
];
const MODELS: Record<string, string[] | null> = { es: ['es-en'], en: null, de: ['de-en'] };

describe('translateMixedText', () => {
  it('translates each run from its own language, keeps the target language and the breaks between runs', async () => {
    const engine = taggingEngine(2);
    const shown: (readonly string[])[] = [];
    const result = await translateMixedText({
      engine,
      text: TEXT,
      runs: RUNS,
      modelsFor: (language) => MODELS[language] ?? null,
      glossaryFor: (language) => (language === 'es' ? [{ source: 'uno', target: 'one' }] : []),
      backend: 'wasm',
      callbacks: { onSegments: (segments) => shown.push(segments) },
    });
    expect(result).toEqual({
      text: 'es-en(Uno.) es-en(Dos.)\n\nHello there.\nde-en(Hallo.)\n',
      tokens: 4,
      seconds: 1,
      backend: 'webgpu',
    });
    expect(engine.calls.map((call) => [call.modelId, call.text, call.glossary?.length ?? 0])).toEqual([
      ['es-en', 'Uno. Dos.', 1],
      ['de-en', 'Hallo.', 0],
    ]);
    expect(shown.at(-1)).toEqual(['es-en(Uno.) es-en(Dos.)', 'Hello there.', 'de-en(Hallo.)']);
  });

  it('reports finished sentences across runs, so a cancelled run keeps the earlier ones', async () => {
    const finished: [readonly string[], number][] = [];
    await translateMixedText({
      engine: taggingEngine(2),
      text: TEXT,
      runs: RUNS,
      modelsFor: (language) => MODELS[language] ?? null,
      glossaryFor: () => [],
      backend: 'wasm',
      callbacks: { onFinished: (sentences, total) => finished.push([sentences, total]) },
    });
    expect(finished).toEqual([
      [['es-en(Uno.)'], 2],
      [['es-en(Uno.)', 'es-en(Dos.)'], 2],
      [['es-en(Uno.)', 'es-en(Dos.)', 'Hello there.'], 3],
      [['es-en(Uno.)', 'es-en(Dos.)', 'Hello there.', 'de-en(Hallo.)'], 4],
    ]);
  });

  it('keeps the whole text, with the backend given, when no run needs a model', async () => {
    const result = await translateMixedText({
      engine: taggingEngine(2),
      text: ' Hello.\nBye. ',
      runs: [{ language: 'en', start: 1, end: 12 }],
      modelsFor: () => null,
      glossaryFor: () => [],
      backend: 'wasm',
    });
    expect(result).toEqual({ text: ' Hello.\nBye. ', tokens: 0, seconds: 0, backend: 'wasm' });
  });
});

describe('mixedDocumentParagraph', () => {
  it('translates each paragraph from its own language and keeps one in the target language', async () => {
    const engine = taggingEngine(2);
    const translate = mixedDocumentParagraph({
      engine,
      languages: new Map([
        ['Hallo.', 'de'],
        ['Hello there.', 'en'],
      ]),
      source: 'es',
      modelsFor: (language) => MODELS[language] ?? null,
      glossaryFor: (language) => (language === 'es' ? [{ source: 'uno', target: 'one' }] : []),
      backend: 'wasm',
    });
    const partial: string[] = [];
    const fractions: number[] = [];
    const run = (paragraph: string) =>
      translate(
        paragraph,
        (text) => partial.push(text),
        (fraction) => fractions.push(fraction),
      );
    expect((await run('Uno.')).text).toBe('es-en(Uno.)');
    expect((await run('Hallo.')).text).toBe('de-en(Hallo.)');
    expect(await run('Hello there.')).toEqual({
      text: 'Hello there.',
      tokens: 0,
      seconds: 0,
      backend: 'wasm',
    });
    expect(engine.calls.map((call) => [call.modelId, call.glossary?.length ?? 0])).toEqual([
      ['es-en', 1],
      ['de-en', 0],
    ]);
    expect(partial.at(-1)).toBe('Hello there.');
    expect(fractions.at(-1)).toBe(1);
  });
});
