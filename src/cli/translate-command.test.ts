import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import type { TranslationRoute } from '../engine/translation-routes';
import { runTranslate } from './translate-command';

/** Collects what a command writes. */
function sink(): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  return {
    write(chunk: string, callback?: (error?: Error | null) => void) {
      chunks.push(chunk);
      callback?.(null);
      return true;
    },
    text: () => chunks.join(''),
  } as unknown as NodeJS.WriteStream & { text: () => string };
}

/** An engine whose translation of every line is `translate(line)`. */
function fakeEngine(translate: (line: string) => string): Engine {
  return {
    downloadModel: async () => undefined,
    getBackend: async () => ({ active: 'cpu', reason: 'test' }),
    translator: async () => undefined,
    translate: async ({ text }: { text: string }) => ({
      text: text.split('\n').map(translate).join('\n'),
      tokens: 1,
    }),
  } as unknown as Engine;
}

const route = {
  source: 'en',
  target: 'es',
  viaEnglish: false,
  models: [{ id: 'm', name: 'M', baseUrl: 'file:///m/' }],
} as unknown as TranslationRoute;

function run(engine: Engine, input: string) {
  const output = sink();
  const errors = sink();
  const done = runTranslate({
    engine,
    route,
    options: {},
    input: (async function* () {
      yield input;
    })(),
    output,
    errors,
    quiet: true,
    signal: new AbortController().signal,
  });
  return { done, output, errors };
}

const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');

describe('runTranslate', () => {
  it('fails, after writing every line, when a translation came back far shorter than its line', async () => {
    const { done, output } = run(
      fakeEngine((line) => line.split(' ').slice(0, 20).join(' ')),
      `Hello.\n${long}\n`,
    );
    await expect(done).rejects.toMatchObject({
      code: 'truncated',
      message: 'The translation of line 2 (200 words) has only 20 words; part of the text may be missing.',
    });
    expect(output.text().split('\n')).toHaveLength(3);
  });

  it('passes translations of about their source length, and short lines however short', async () => {
    const { done, output } = run(
      fakeEngine((line) => (line === 'Hello there, my friend.' ? 'Hola.' : line)),
      `Hello there, my friend.\n${long}\n`,
    );
    await expect(done).resolves.toBeUndefined();
    expect(output.text()).toBe(`Hola.\n${long}\n`);
  });
});
