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

/**
 * The largest gap between the tagger's probabilities and those recorded by training for the same texts (NaN when
 * the tagger returns fewer, so a comparison with it fails).
 */
export async function largestProbabilityGap(
  tagger: SentenceTagger,
  cases: readonly { text: string; probs: number[] }[],
): Promise<number> {
  const probs = await tagger.probabilities(cases.map((c) => c.text));
  let gap = 0;
  cases.forEach((c, i) => {
    c.probs.forEach((p, j) => (gap = Math.max(gap, Math.abs(p - (probs[i]?.[j] ?? NaN)))));
  });
  return gap;
}
