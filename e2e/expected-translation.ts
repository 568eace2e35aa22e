import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../src/engine/engine';
import { createNodeModelRepository } from '../src/engine/models/node-repository';
import type { OrtModule } from '../src/engine/runtime/ort';
import { FIXTURE_MODEL_ID } from './app';

const catalogPath = fileURLToPath(new URL('fixtures/models/catalog.json', import.meta.url));

let engine: Promise<Engine> | null = null;

/** The same engine code on onnxruntime-node (CPU), reading the fixture catalog's models in place. */
export function nodeEngine(): Promise<Engine> {
  engine ??= (async () => {
    const created = new Engine({
      loadOrt: async () => {
        const ort = (await import('onnxruntime-node')) as unknown as OrtModule & { default?: OrtModule };
        return ort.default ?? ort;
      },
      // The file store reads the fixture's file: URLs in place; the cache folder stays empty.
      repository: (url) => createNodeModelRepository(url, { cacheDir: join(tmpdir(), 'lexlet-e2e-cache') }),
      environment: { nativeCpu: true, wasmThreads: 1 },
    });
    await created.loadCatalog(catalogPath);
    return created;
  })();
  return engine;
}

/**
 * What the browser must show for `text`: computed here, not hard-coded, so a changed fixture model or a
 * changed decoder still has to agree between Node, WASM and WebGPU.
 */
export async function expectedTranslation(text: string): Promise<string> {
  const result = await (await nodeEngine()).translate({ modelId: FIXTURE_MODEL_ID, text }, () => {});
  return result.text;
}
