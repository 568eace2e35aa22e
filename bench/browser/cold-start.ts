/**
 * A cold start along the app's own path, with the model already in Cache Storage: the worker loads the catalog
 * (and then, as the app's worker does, starts onnxruntime), then translates one sentence as the app asks
 * for it. The engine's progress events mark the phases: onnxruntime imported, its runtime started, the model's
 * files read and its sessions created, the first token, the sentence translated.
 */
import type { Engine } from '../../src/engine/engine';
import type { ColdStartMark, ColdStartRequest } from './protocol';

export const now = () => performance.timeOrigin + performance.now();

export async function coldStart(
  engine: Engine,
  request: ColdStartRequest,
  workerStartedAt: number,
  /** Marks made outside this function (onnxruntime imported), appended as they happen. */
  marks: ColdStartMark[],
): Promise<{ marks: ColdStartMark[]; translation: string }> {
  marks.push(
    { name: 'worker created', at: request.workerCreatedAt },
    { name: 'worker started', at: workerStartedAt },
  );
  const mark = (name: string) => marks.push({ name, at: now() });
  mark('request received');
  await engine.loadCatalog(request.catalogUrl);
  mark('catalog loaded');
  // As the app's worker does once the catalog is loaded (src/worker/engine.worker.ts).
  if (request.variant !== 'no-warm-up') void engine.warmUp();
  if (request.variant === 'opened-ahead') {
    await engine.openModel(request.modelId);
    mark('model opened ahead, translation asked for');
  } else if (request.variant === 'opened-ahead-no-warm-run') {
    await engine.translator(request.modelId, (await engine.getBackend()).active);
    mark('model opened ahead, translation asked for');
  }
  let tokens = 0;
  const result = await engine.translate({ modelId: request.modelId, text: request.sentence }, (event) => {
    if (event.type === 'loading' && event.stage === 'model') mark('WebAssembly runtime started');
    if (event.type === 'loading' && event.stage === 'opened') mark('model read, sessions created');
    if (event.type === 'token' && tokens++ === 0) mark('first token');
  });
  mark('first sentence translated');
  // Steps that overlap (the runtime starts beside the catalog) are listed in the order they ended.
  return { marks: [...marks].sort((a, b) => a.at - b.at), translation: result.text };
}
