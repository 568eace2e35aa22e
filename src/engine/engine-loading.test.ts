import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../cli/node-ort';
import { Engine } from './engine';
import { createNodeModelRepository } from './models/node-repository';
import type { ModelRepository } from './models/repository';
import type { TranslateEvent } from './types';

const CATALOG = fileURLToPath(new URL('../../e2e/fixtures/models/catalog.json', import.meta.url));
const MODEL = 'fixture-tiny-en-es';

describe.skipIf(!existsSync(CATALOG))('Engine loading events', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.dispose());

  it('says it opens the model before the first sentence, and only the first time', async () => {
    engine = new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });
    await engine.loadCatalog(CATALOG);
    const events: TranslateEvent[] = [];
    await engine.translate({ modelId: MODEL, text: 'Hello my friend.' }, (event) => events.push(event));
    const loading = events.filter((event) => event.type === 'loading');
    expect(loading).toEqual([
      { type: 'loading', stage: 'engine', modelId: MODEL },
      { type: 'loading', stage: 'model', modelId: MODEL },
      { type: 'loading', stage: 'opened', modelId: MODEL },
    ]);
    // Every loading event comes before the first token.
    const firstToken = events.findIndex((event) => event.type === 'token');
    expect(events.findLastIndex((event) => event.type === 'loading')).toBeLessThan(firstToken);

    const again: TranslateEvent[] = [];
    await engine.translate({ modelId: MODEL, text: 'The cat sleeps.' }, (event) => again.push(event));
    expect(again.some((event) => event.type === 'loading')).toBe(false);
  }, 60_000);

  const nodeEngine = () =>
    new Engine({
      loadOrt: loadNodeOrt,
      repository: createNodeModelRepository,
      environment: { nativeCpu: true },
    });

  it('opens a model ahead of its first translation, which then waits for nothing', async () => {
    engine = nodeEngine();
    await engine.loadCatalog(CATALOG);
    await engine.openModel(MODEL);
    const events: TranslateEvent[] = [];
    await engine.translate({ modelId: MODEL, text: 'Hello my friend.' }, (event) => events.push(event));
    expect(events.some((event) => event.type === 'loading')).toBe(false);
  }, 60_000);

  it('says it waits for a model that is still opening ahead of it', async () => {
    engine = nodeEngine();
    await engine.loadCatalog(CATALOG);
    // Its phrasebook read first, the translation reaches the model at once, while the model still opens.
    await engine.phrasebook(MODEL);
    const opening = engine.openModel(MODEL);
    const events: TranslateEvent[] = [];
    await engine.translate({ modelId: MODEL, text: 'Hello my friend.' }, (event) => events.push(event));
    await opening;
    expect(events.filter((event) => event.type === 'loading').map((event) => event.stage)).toEqual([
      'engine',
      'model',
      'opened',
    ]);
  }, 60_000);
});

describe('Engine.openModel', () => {
  it('never downloads: a model not on the device is left alone', async () => {
    const read: string[] = [];
    const repository = {
      catalog: { models: [] },
      model: () => ({ id: 'remote', task: 'translation' }),
      status: async () => ({ id: 'remote', state: 'absent', cachedBytes: 0, totalBytes: 10 }),
      readFile: async (_id: string, path: string) => {
        read.push(path);
        throw new Error('offline');
      },
    } as unknown as ModelRepository;
    const engine = new Engine({ loadOrt: loadNodeOrt, repository, environment: { nativeCpu: true } });
    await engine.openModel('remote');
    expect(read).toEqual([]);
  });
});
