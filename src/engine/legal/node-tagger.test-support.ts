import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import { loadSentenceTagger } from './load-tagger';
import type { SentenceTagger, SessionLike, TensorFactory } from './tagger';

/** The repository root, for model folders named relative to it. */
export const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

/** A tagger on onnxruntime-node from a model folder of the repository (e.g. public/models/lexlet-cuad). */
export function nodeTagger(modelDir: string): Promise<SentenceTagger> {
  const dir = join(REPO_ROOT, modelDir);
  return loadSentenceTagger({
    readFile: async (p) => new Uint8Array(readFileSync(join(dir, p))),
    createSession: (bytes) => ortNode.InferenceSession.create(bytes) as Promise<SessionLike>,
    Tensor: ortNode.Tensor as unknown as TensorFactory,
  });
}
