import { describe, expect, it } from 'vitest';
import { catalogModel } from '../engine/catalog-model.test-support';
import type { Engine } from '../engine/engine';
import type { SentenceTagger } from '../engine/legal';
import type { Catalog, CatalogModel } from '../engine/types';
import { runTag, taggingModel, taggingModelsByLanguage, type TagCommand } from './tag-command';

const model = (fields: Partial<CatalogModel> & { id: string }) =>
  catalogModel({ task: 'unfair-tos', ...fields });

const catalog: Catalog = {
  version: 1,
  models: [
    model({ id: 'remote-tos', remote: true, baseUrl: 'https://host/tos/' }),
    model({ id: 'hashed-tos' }),
    model({ id: 'encoder-tos' }),
    model({ id: 'cuad', task: 'contract-clauses' }),
    model({ id: 'fixture-tos', fixture: true }),
  ],
};

describe('taggingModel', () => {
  it('defaults to the first bundled model of the task', () => {
    expect(taggingModel(catalog, 'unfair-tos', false)?.id).toBe('hashed-tos');
    expect(taggingModel(catalog, 'contract', false)?.id).toBe('cuad');
    expect(taggingModel({ version: 1, models: [] }, 'contract', false)).toBeNull();
  });

  it('takes the model the user names, if it does that task', () => {
    expect(taggingModel(catalog, 'unfair-tos', false, 'encoder-tos')?.id).toBe('encoder-tos');
    expect(() => taggingModel(catalog, 'unfair-tos', false, 'cuad')).toThrow(
      'No unfair-tos model is called cuad. Available: remote-tos, hashed-tos, encoder-tos.',
    );
    expect(() => taggingModel(catalog, 'unfair-tos', false, 'fixture-tos')).toThrow(/fixture-tos/);
    expect(taggingModel(catalog, 'unfair-tos', true, 'fixture-tos')?.id).toBe('fixture-tos');
  });
});

describe('runTag on unfair-tos', () => {
  const english = model({ id: 'english', languages: ['en'] });
  const multilingual = model({ id: 'multilingual', languages: ['en', 'de', 'it', 'pl'] });
  const lines = [
    'We may terminate your account at any time and for any reason, and you agree to the terms of the service.',
    'Wir können Ihr Konto jederzeit kündigen, und Sie stimmen den Bedingungen für die Nutzung des Dienstes zu.',
    'Wir haften nicht für Schäden, die durch die Nutzung des Dienstes entstehen, es sei denn, sie sind vorsätzlich.',
    // Too short to tell: it takes the language most lines are in.
    'Haftung',
    'Possiamo chiudere il tuo account in qualsiasi momento e per qualsiasi motivo, e non sono previsti rimborsi per gli utenti.',
    'Możemy zamknąć konto w dowolnym momencie i z dowolnego powodu, a użytkownik nie ma prawa do zwrotu opłat przez serwis.',
  ];

  /**
   * Tags each line with the id of the model that read it and the language it was given (`-` for none), so the
   * output shows the routing; only the multilingual model has per-language thresholds.
   */
  const engine = {
    downloadModel: async () => undefined,
    tagger: async (id: string) =>
      ({
        config: id === 'multilingual' ? { thresholdsByLanguage: { de: [] } } : {},
        tagSentences: async (texts: readonly string[], languages: readonly (string | undefined)[]) =>
          texts.map((_, i) => ({ labels: [id, languages[i] ?? '-'], ids: [], scores: {} })),
      }) as unknown as SentenceTagger,
  } as unknown as Engine;

  async function tag(command: Pick<TagCommand, 'model' | 'modelsByLanguage'>): Promise<string[][]> {
    const chunks: string[] = [];
    const output = {
      write(chunk: string, callback: (error?: Error | null) => void) {
        chunks.push(chunk);
        callback(null);
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    const input = (async function* () {
      yield `${lines.join('\n')}\n`;
    })();
    await runTag({
      engine,
      task: 'unfair-tos',
      input,
      output,
      signal: new AbortController().signal,
      ...command,
    });
    return chunks
      .join('')
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { labels: string[] }).labels);
  }

  it('sends English lines to the English model, German, Italian and Polish ones to the multilingual model', async () => {
    const catalog: Catalog = { version: 1, models: [multilingual, english] };
    const routed = await tag({
      model: english,
      modelsByLanguage: taggingModelsByLanguage(catalog, 'unfair-tos'),
    });
    expect(routed).toEqual([
      ['english', 'en'],
      ['multilingual', 'de'],
      ['multilingual', 'de'],
      ['multilingual', 'de'],
      ['multilingual', 'it'],
      ['multilingual', 'pl'],
    ]);
  });

  it('gives every line to a named model, with its language where the model has thresholds per language', async () => {
    expect(await tag({ model: english })).toEqual(lines.map(() => ['english', '-']));
    expect(await tag({ model: multilingual })).toEqual([
      ['multilingual', 'en'],
      ['multilingual', 'de'],
      ['multilingual', 'de'],
      ['multilingual', 'de'],
      ['multilingual', 'it'],
      ['multilingual', 'pl'],
    ]);
  });
});
