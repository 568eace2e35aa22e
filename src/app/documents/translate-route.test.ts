import { describe, expect, it } from 'vitest';
import { taggingEngine } from '../tagging-engine.test-support';
import type { TranslateEvent, TranslateRequest } from '../../engine/types';
import { translateAlongRoute } from './translate-route';

describe('translateAlongRoute', () => {
  it('translates directly with one model, streaming its sentences', async () => {
    const engine = taggingEngine();
    const segments: (readonly string[])[] = [];
    const fractions: number[] = [];
    const result = await translateAlongRoute(engine, ['en-es'], 'One. Two.', {
      onSegments: (value) => segments.push(value),
      onFraction: (value) => fractions.push(value),
    });
    expect(result).toEqual({ text: 'en-es(One.) en-es(Two.)', tokens: 5, seconds: 0.5, backend: 'webgpu' });
    expect(segments.at(-1)).toEqual(['en-es(One.)', 'en-es(Two.)']);
    // The fake's partial "en-" is a word still being decoded: the sentence shows once it is done.
    expect(segments[0]).toEqual(['en-es(One.)']);
    expect(fractions).toEqual([0.5, 1]);
  });

  it("lists the final leg's sentences the model was unsure of, as translated", async () => {
    const result = await translateAlongRoute(taggingEngine(), ['en-es'], 'One. Odd two. Three.');
    expect(result.unsure).toEqual(['en-es(Odd two.)']);
    // A leg into English is not shown: its doubts are not the final text's.
    const pivoted = await translateAlongRoute(taggingEngine(), ['de-en', 'en-es'], 'Odd eins.');
    expect(pivoted.unsure).toBeUndefined();
  });

  it('reports the finished sentences, not the partial ones, with how many there are', async () => {
    const engine = taggingEngine();
    const finished: [readonly string[], number][] = [];
    await translateAlongRoute(engine, ['en-es'], 'One. Two. Three.', {
      onFinished: (sentences, total) => finished.push([sentences, total]),
    });
    expect(finished).toEqual([
      [['en-es(One.)'], 3],
      [['en-es(One.)', 'en-es(Two.)'], 3],
      [['en-es(One.)', 'en-es(Two.)', 'en-es(Three.)'], 3],
    ]);
  });

  it('reports no finished sentences while the leg into English runs', async () => {
    const engine = taggingEngine();
    const finished: (readonly string[])[] = [];
    await translateAlongRoute(engine, ['de-en', 'en-es'], 'Eins. Zwei.', {
      onStep: (pivot) => {
        if (!pivot) expect(finished).toEqual([]);
      },
      onFinished: (sentences) => finished.push(sentences),
    });
    // The fake engine's sentences end at a full stop followed by a space, so the leg into Spanish sees one.
    expect(finished).toEqual([['en-es(de-en(Eins.) de-en(Zwei.))']]);
  });

  it('pivots through English, feeding each leg the previous output and streaming only the last', async () => {
    const engine = taggingEngine();
    const steps: boolean[] = [];
    const segments: (readonly string[])[] = [];
    const fractions: number[] = [];
    const result = await translateAlongRoute(engine, ['de-en', 'en-es'], 'Eins.', {
      onStep: (pivot) => steps.push(pivot),
      onSegments: (value) => segments.push(value),
      onFraction: (value) => fractions.push(value),
    });
    expect(engine.calls.map((call) => call.text)).toEqual(['Eins.', 'de-en(Eins.)']);
    expect(result).toEqual({ text: 'en-es(de-en(Eins.))', tokens: 10, seconds: 1, backend: 'webgpu' });
    expect(steps).toEqual([true, false]);
    expect(segments.every((value) => value.every((text) => text.startsWith('en-')))).toBe(true);
    expect(fractions).toEqual([0.5, 1]);
  });

  it('shows sentences decoded side by side in reading order, and reports the models it opens', async () => {
    const loading: string[] = [];
    const shown: string[] = [];
    const engine = {
      async translate(request: TranslateRequest, onEvent: (event: TranslateEvent) => void) {
        onEvent({ type: 'loading', stage: 'engine', modelId: request.modelId });
        onEvent({ type: 'loading', stage: 'model', modelId: request.modelId });
        // Two sentences decoded together, their tokens interleaved, as a batched decoder sends them.
        onEvent({ type: 'token', segment: 0, text: 'Ayer ' });
        onEvent({ type: 'token', segment: 1, text: 'El ' });
        onEvent({ type: 'token', segment: 0, text: 'Ayer compr' });
        onEvent({ type: 'token', segment: 1, text: 'El perro ' });
        onEvent({ type: 'token', segment: 0, text: 'Ayer compré ' });
        const done = (segment: number, translation: string) =>
          onEvent({ type: 'segment', segment, source: '', translation, done: segment + 1, total: 2 });
        done(0, 'Ayer compré pan.');
        done(1, 'El perro ladra.');
        return { text: 'Ayer compré pan. El perro ladra.', tokens: 8, seconds: 1, backend: 'wasm' as const };
      },
    };
    await translateAlongRoute(engine, ['en-es'], 'Yesterday I bought bread. The dog barks.', {
      onLoading: (stage, modelId) => loading.push(`${stage}:${modelId}`),
      onSegments: (value) => shown.push(value.join(' ')),
    });
    expect(loading).toEqual(['engine:en-es', 'model:en-es']);
    expect(shown).toEqual([
      'Ayer',
      'Ayer compré',
      // Once the first is done, the second streams from where its decoding is.
      'Ayer compré pan. El perro',
      'Ayer compré pan. El perro ladra.',
    ]);
  });

  it("asks only the final leg for the target's written form", async () => {
    const requests: TranslateRequest[] = [];
    const engine = {
      async translate(request: TranslateRequest) {
        requests.push(request);
        return {
          text: `${request.modelId}(${request.text})`,
          tokens: 1,
          seconds: 0.1,
          backend: 'wasm' as const,
        };
      },
    };
    await translateAlongRoute(engine, ['es-en', 'en-zh'], 'Hola.', {}, undefined, [], 'zh-TW');
    expect(requests.map((request) => request.targetLocale)).toEqual([undefined, 'zh-TW']);
    await translateAlongRoute(engine, ['en-zh'], 'Hi.');
    expect(requests.at(-1)).not.toHaveProperty('targetLocale');
  });
});
