import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../cli/node-ort';
import { Engine } from './engine';
import { createNodeModelRepository } from './models/node-repository';
import { FIXTURE_CATALOG, TRANSLATOR_ID, catalogWithReplacedFile } from './runtime/broken-model.test-support';
import type { TranslateEvent } from './types';

describe('Engine with a model phrasebook', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.dispose());

  const translate = async (catalog: string, modelId: string, text: string, events: TranslateEvent[] = []) => {
    engine = new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });
    await engine.loadCatalog(catalog);
    return engine.translate({ modelId, text }, (event) => events.push(event));
  };

  it('answers the sentences it knows without opening the model, and the model translates the rest', async () => {
    // The fixture's phrasebook knows "see you tomorrow" (e2e/fixtures/models/README.md).
    const events: TranslateEvent[] = [];
    const known = await translate(FIXTURE_CATALOG, TRANSLATOR_ID, 'See you tomorrow!', events);
    expect(known.text).toBe('¡Hasta mañana!');
    expect(known.tokens).toBe(0);
    expect(events.some((event) => event.type === 'loading')).toBe(false);
    expect(events.find((event) => event.type === 'segment')).toMatchObject({
      source: 'See you tomorrow!',
      translation: '¡Hasta mañana!',
    });

    const mixed = await engine?.translate(
      { modelId: TRANSLATOR_ID, text: 'See you tomorrow. The cat sleeps.' },
      () => {},
    );
    expect(mixed?.text.startsWith('Hasta mañana. ')).toBe(true);
    expect(mixed?.tokens).toBeGreaterThan(0);
  }, 60_000);

  it('says which file is broken', async () => {
    const catalog = catalogWithReplacedFile('phrasebook.bin', new TextEncoder().encode('not gzip'));
    await expect(translate(catalog, 'broken-en-es', 'See you tomorrow!')).rejects.toThrow(
      'broken-en-es/phrasebook.bin is not gzip-compressed JSON.',
    );
  }, 60_000);
});
