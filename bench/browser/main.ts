/** The benchmark page: starts the worker and keeps its messages on `window` for the driver to read. */
import type { BenchMessage, BenchRequest } from './protocol';

declare global {
  interface Window {
    benchMessages: BenchMessage[];
    startBench(request: BenchRequest): void;
  }
}

window.benchMessages = [];
window.startBench = (request) => {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  worker.onmessage = (event: MessageEvent<BenchMessage>) => window.benchMessages.push(event.data);
  worker.onerror = (event) => window.benchMessages.push({ type: 'error', message: event.message });
  worker.postMessage(request);
};
