import { availableParallelism } from 'node:os';
import { Engine } from '../engine/engine';
import { createNodeModelRepository } from '../engine/models/node-repository';
import { loadNodeOrt } from './node-ort';

export type CliBackend = 'cpu' | 'wasm';

/** The engine as the CLI and benchmarks use it: Node file system storage, no WebGPU. */
export function createNodeEngine(backend: CliBackend): Engine {
  return new Engine({
    loadOrt: loadNodeOrt,
    repository: (catalogUrl) => createNodeModelRepository(catalogUrl),
    environment: { nativeCpu: true, wasmThreads: Math.min(2, availableParallelism()) },
    preference: backend === 'wasm' ? 'wasm' : 'auto',
  });
}
