import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeOrt } from '../cli/node-ort';
import type { OrtLoader, OrtModule } from './runtime/ort';
import { Engine } from './engine';
import { isAbortError } from './errors';
import { createNodeModelRepository } from './models/node-repository';
import type { TranslateEvent } from './types';

const CATALOG = fileURLToPath(new URL('../../e2e/fixtures/models/catalog.json', import.meta.url));
const MODEL = 'fixture-tiny-en-es';

describe.skipIf(!existsSync(CATALOG))('Engine on the fixture model', () => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.dispose());

  const create = (environment: ConstructorParameters<typeof Engine>[0]['environment']) => {
    engine = new Engine({ loadOrt: loadNodeOrt, repository: createNodeModelRepository, environment });
    return engine;
  };

  it('streams tokens and segments, keeps layout and reports stats', async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    const events: TranslateEvent[] = [];
    const text = '  Hello my friend.\n\nThe cat sleeps. 42\n';
    const result = await engine.translate({ modelId: MODEL, text, options: { numBeams: 1 } }, (event) =>
      events.push(event),
    );
    expect(result.backend).toBe('cpu');
    expect(result.text.startsWith('  ')).toBe(true);
    expect(result.text).toContain('\n\n');
    expect(result.text.endsWith(' 42\n')).toBe(true);
    const segments = events.filter((event) => event.type === 'segment');
    expect(segments.map((event) => event.source)).toEqual(['Hello my friend.', 'The cat sleeps.', '42']);
    expect(segments.at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(events.some((event) => event.type === 'token')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'stats', tokens: result.tokens, backend: 'cpu' });

    const again = await engine.translate({ modelId: MODEL, text, options: { numBeams: 1 } }, () => {});
    expect(again.text).toBe(result.text);
    expect(again.tokens).toBe(0);
  }, 60_000);

  it('splits a sentence longer than the model accepts', async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    const long = `${'the cat and the dog sleep on the sofa '.repeat(12).trim()}.`;
    const result = await engine.translate({ modelId: MODEL, text: long, options: { numBeams: 1 } }, () => {});
    expect(result.text.trim()).not.toBe('');
    expect(result.tokens).toBeGreaterThan(0);
  }, 60_000);

  it('runs overlapping translations on shared sessions', async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    const texts = ['Hi.', 'Tom is here.', 'I love you.', 'Where is the station?'];
    const alone: string[] = [];
    for (const text of texts)
      alone.push((await engine.translate({ modelId: MODEL, text, options: { numBeams: 4 } }, () => {})).text);
    const fresh = create({ nativeCpu: true, wasmThreads: 1 });
    await fresh.loadCatalog(CATALOG);
    await fresh.setBackend('wasm');
    const together = await Promise.all(
      texts.map((text) => fresh.translate({ modelId: MODEL, text, options: { numBeams: 4 } }, () => {})),
    );
    expect(together.map((result) => result.text)).toEqual(alone);
    expect(together.every((result) => result.backend === 'wasm')).toBe(true);
    await fresh.dispose();
  }, 60_000);

  it('opens a model once per backend and switches on request', async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    expect(engine.translator(MODEL, 'cpu')).toBe(engine.translator(MODEL, 'cpu'));
    expect(await engine.setBackend('wasm')).toMatchObject({
      active: 'wasm',
      reason: 'WASM — chosen in settings',
    });
    const result = await engine.translate({ modelId: MODEL, text: 'Hi.' }, () => {});
    expect(result.backend).toBe('wasm');
  }, 60_000);

  it("refuses a target form of another language than the model's", async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    await expect(
      engine.translate({ modelId: MODEL, text: 'Hi.', targetLocale: 'zh-TW' }, () => {}),
    ).rejects.toMatchObject({ code: 'unsupported-pair' });
    const regional = await engine.translate({ modelId: MODEL, text: 'Hi.', targetLocale: 'es-ES' }, () => {});
    const plain = await engine.translate({ modelId: MODEL, text: 'Hi.' }, () => {});
    expect(regional.text).toBe(plain.text);
  }, 60_000);

  it('cancels a running translation', async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    const controller = new AbortController();
    const running = engine.translate(
      {
        modelId: MODEL,
        text: 'One sentence here. Another one there. And a third.',
        options: { numBeams: 4 },
      },
      (event) => {
        if (event.type === 'token') controller.abort();
      },
      controller.signal,
    );
    expect(isAbortError(await running.catch((error: unknown) => error))).toBe(true);
  }, 60_000);

  it('falls back to WASM when WebGPU sessions cannot be created, and says why', async () => {
    // onnxruntime-web's Node build has no WebGPU provider, so the WebGPU session fails for real.
    const adapter = { info: { vendor: 'test', architecture: 'adapter' } };
    const engine = create({ gpu: { requestAdapter: async () => adapter } });
    await engine.loadCatalog(CATALOG);
    expect((await engine.getBackend()).active).toBe('webgpu');
    const result = await engine.translate(
      { modelId: MODEL, text: 'Good night.', options: { numBeams: 1 } },
      () => {},
    );
    expect(result.backend).toBe('wasm');
    expect(result.text).not.toBe('');
    const info = await engine.getBackend();
    expect(info.active).toBe('wasm');
    expect(info.reason).toMatch(/^WASM — WebGPU failed: /);
  }, 60_000);

  it('moves to WASM and retries the sentence when a WebGPU run fails midway', async () => {
    // Stands in for a GPU that fails after a few runs: CPU sessions labelled webgpu whose 4th run throws.
    const failingGpu: OrtLoader = async (backend) => {
      const ort = await loadNodeOrt(backend === 'webgpu' ? 'cpu' : backend);
      if (backend !== 'webgpu') return ort;
      let runs = 0;
      const create = async (bytes: Uint8Array) => {
        const session = await ort.InferenceSession.create(bytes);
        const run = session.run.bind(session);
        session.run = ((...args: Parameters<typeof run>) => {
          runs += 1;
          return runs === 4 ? Promise.reject(new Error('device hung')) : run(...args);
        }) as typeof session.run;
        return session;
      };
      return { ...ort, InferenceSession: { create } } as unknown as OrtModule;
    };
    const adapter = { info: { vendor: 'test', architecture: 'flaky' } };
    const flaky = new Engine({
      loadOrt: failingGpu,
      repository: createNodeModelRepository,
      environment: { gpu: { requestAdapter: async () => adapter } },
    });
    await flaky.loadCatalog(CATALOG);
    const text = 'Tom is here. I love you.';
    const events: TranslateEvent[] = [];
    const result = await flaky.translate({ modelId: MODEL, text, options: { numBeams: 1 } }, (event) =>
      events.push(event),
    );
    expect(result.backend).toBe('wasm');
    expect((await flaky.getBackend()).reason).toBe('WASM — WebGPU failed: device hung');
    await flaky.dispose();
    expect(events.filter((event) => event.type === 'segment')).toHaveLength(2);

    const reference = create({ nativeCpu: true, wasmThreads: 1 });
    await reference.loadCatalog(CATALOG);
    await reference.setBackend('wasm');
    expect(result.text).toBe(
      (await reference.translate({ modelId: MODEL, text, options: { numBeams: 1 } }, () => {})).text,
    );
  }, 60_000);

  it('refuses a model that is not in the catalog', async () => {
    const engine = create({ nativeCpu: true });
    await engine.loadCatalog(CATALOG);
    await expect(engine.translate({ modelId: 'nope', text: 'Hi' }, () => {})).rejects.toMatchObject({
      code: 'model-unknown',
    });
  });
});
