/// <reference lib="webworker" />
/**
 * Runs the app's worker engine in a dedicated worker, as the app does: throughput and the progress of a long run
 * on the WASM backend, or the phases of a cold start on the backend the app chooses.
 */
import type { InferenceSession } from 'onnxruntime-web';
import type { Engine } from '../../src/engine/engine';
import type { OrtLoader, OrtModule } from '../../src/engine/runtime/ort';
import { DEFAULT_GROUP_SIZE } from '../../src/engine/translate/document';
import { createWorkerEngine, workerOrtLoader } from '../../src/worker/create-engine';
import { measureThroughput } from '../measure';
import { coldStart, now } from './cold-start';
import { compareRounds } from './compare';
import { legalRounds } from './legal';
import type { BenchMessage, BenchRequest, ColdStartMark, ColdStartVariant, WorkerRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** The first thing the worker does: the cold start's "worker started". */
const startedAt = now();

const post = (message: BenchMessage) => self.postMessage(message);

/** `ort` with `extra` session config entries added to every session it creates. */
function withSessionConfig(ort: OrtModule, extra: Record<string, string>): OrtModule {
  const create = ort.InferenceSession.create.bind(ort.InferenceSession) as (
    model: Uint8Array,
    options?: InferenceSession.SessionOptions,
  ) => Promise<InferenceSession>;
  const InferenceSession = Object.create(ort.InferenceSession) as OrtModule['InferenceSession'];
  InferenceSession.create = ((model: Uint8Array, options: InferenceSession.SessionOptions = {}) =>
    create(model, {
      ...options,
      extra: {
        ...options.extra,
        session: { ...(options.extra?.session as Record<string, string> | undefined), ...extra },
      },
    })) as OrtModule['InferenceSession']['create'];
  return { ...ort, InferenceSession, env: ort.env };
}

/**
 * The app's worker engine (src/worker/create-engine.ts), its onnxruntime import marked; `webgpu-build` gives
 * WASM the WebGPU build, as the app did before it loaded the WASM-only build there; `no-prepacking` turns
 * onnxruntime's weight prepacking off; `one-thread` runs its WebAssembly on one thread.
 */
function coldStartEngine(variant: ColdStartVariant, marks: ColdStartMark[]): Engine {
  const loadOrt: OrtLoader =
    variant === 'webgpu-build'
      ? () => import('onnxruntime-web/webgpu') as Promise<OrtModule>
      : workerOrtLoader();
  return createWorkerEngine({
    loadOrt: (backend) =>
      loadOrt(backend).then((ort) => {
        marks.push({ name: 'onnxruntime imported', at: now() });
        return variant === 'no-prepacking' ? withSessionConfig(ort, { disable_prepacking: '1' }) : ort;
      }),
    ...(variant === 'one-thread'
      ? { environment: { gpu: null, crossOriginIsolated: self.crossOriginIsolated, wasmThreads: 1 } }
      : {}),
  });
}

async function run(request: BenchRequest): Promise<void> {
  const engine = createWorkerEngine({ preference: 'wasm' });
  await engine.loadCatalog(request.catalogUrl);
  await engine.downloadModel(request.modelId, () => undefined);
  const backend = await engine.getBackend();
  const loadStarted = performance.now();
  const translator = await engine.translator(request.modelId, backend.active);
  post({ type: 'loaded', backend: backend.reason, loadSeconds: (performance.now() - loadStarted) / 1000 });

  for (const numBeams of request.beams) {
    for (const together of request.together) {
      post({
        type: 'throughput',
        row: await measureThroughput(translator, request.sentences, numBeams, request.repeats, together),
      });
    }
  }

  const started = performance.now();
  let tokens = 0;
  // As the app translates a document: runs of DEFAULT_GROUP_SIZE sentences decoded together.
  for (let start = 0; start < request.longRun.length; start += DEFAULT_GROUP_SIZE) {
    const run = request.longRun.slice(start, start + DEFAULT_GROUP_SIZE);
    tokens += (await translator.translateBatch(run)).reduce((sum, result) => sum + result.tokens, 0);
    const done = start + run.length;
    if (
      Math.floor(done / request.longRunEvery) > Math.floor(start / request.longRunEvery) ||
      done === request.longRun.length
    ) {
      post({ type: 'long-run', done, seconds: (performance.now() - started) / 1000, tokens });
    }
  }
  await engine.dispose();
  post({ type: 'finished' });
}

async function handle(message: WorkerRequest): Promise<void> {
  if (message.mode === 'throughput') return run(message.request);
  if (message.mode === 'legal' || message.mode === 'compare') {
    const engine = createWorkerEngine({ preference: 'wasm' });
    if (message.mode === 'legal') await legalRounds(engine, message.request, post);
    else await compareRounds(engine, message.request, post);
    await engine.dispose();
    post({ type: 'finished' });
    return;
  }
  const marks: ColdStartMark[] = [];
  const engine =
    message.mode === 'cold-start' ? coldStartEngine(message.request.variant, marks) : createWorkerEngine();
  if (message.mode === 'prepare') {
    await engine.loadCatalog(message.catalogUrl);
    await engine.downloadModel(message.modelId, () => undefined);
    post({ type: 'prepared' });
  } else {
    post({ type: 'cold-start', ...(await coldStart(engine, message.request, startedAt, marks)) });
  }
  await engine.dispose();
  post({ type: 'finished' });
}

// onnxruntime's pthread workers are named "em-pthread…"; they must never run the benchmark.
if (!self.name?.startsWith('em-pthread')) {
  self.onmessage = (event: MessageEvent<WorkerRequest>) => {
    handle(event.data).catch((error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
}
