/**
 * The benchmark page: starts the worker and keeps its messages on `window` for the driver to read. Opened with
 * `?cold-start&model=ID&sentence=TEXT[&variant=app]` it starts the worker at once, as the app does, and times a
 * cold start of that engine (protocol.ts names the variants).
 */
import type { BenchMessage, BenchRequest, ColdStartVariant, WorkerRequest } from './protocol';

declare global {
  interface Window {
    benchMessages: BenchMessage[];
    startBench(request: BenchRequest): void;
    prepareModel(modelId: string): void;
    /** Legal tagging or the Transformers.js comparison, in a new worker. */
    startWorker(request: WorkerRequest): void;
  }
}

/** Milliseconds since the epoch, comparable with the worker's. */
const now = () => performance.timeOrigin + performance.now();
const catalogUrl = new URL('models/catalog.json', location.href).href;

window.benchMessages = [];
function startWorker(request: WorkerRequest): void {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  worker.onmessage = (event: MessageEvent<BenchMessage>) => window.benchMessages.push(event.data);
  worker.onerror = (event) => window.benchMessages.push({ type: 'error', message: event.message });
  worker.postMessage(request);
}
window.startBench = (request) => startWorker({ mode: 'throughput', request });
window.prepareModel = (modelId) => startWorker({ mode: 'prepare', catalogUrl, modelId });
window.startWorker = startWorker;

const params = new URLSearchParams(location.search);
if (params.has('cold-start')) {
  startWorker({
    mode: 'cold-start',
    request: {
      catalogUrl,
      modelId: params.get('model') ?? 'lexlet-en-es',
      sentence: params.get('sentence') ?? 'The meeting starts at nine tomorrow morning.',
      workerCreatedAt: now(),
      variant: (params.get('variant') ?? 'app') as ColdStartVariant,
    },
  });
}
