/**
 * Legal tagging in the page's worker, as the app's worker runs it: the engine (WASM, 2 threads when cross-origin
 * isolated) tags the contract whole (`Engine.tagDocument`: segmenting, tagging, key facts), and each UNFAIR-ToS
 * model tags the sentences in batches, as the CLI sends them. Outputs are formatted as the CLI prints them, so the
 * driver can compare them with the engine's in Node.
 */
import type { Engine } from '../../src/engine/engine';
import { formatDocumentTags, formatSentenceTags } from '../../src/engine/legal';
import type { BenchMessage, LegalRequest } from './protocol';
import { pageRounds } from './rounds';

async function opened(engine: Engine, modelId: string, post: (message: BenchMessage) => void): Promise<void> {
  await engine.downloadModel(modelId, () => undefined);
  const started = performance.now();
  await engine.tagger(modelId);
  post({ type: 'opened', name: modelId, seconds: (performance.now() - started) / 1000 });
}

export async function legalRounds(
  engine: Engine,
  request: LegalRequest,
  post: (message: BenchMessage) => void,
): Promise<void> {
  await engine.loadCatalog(request.catalogUrl);
  const progress = (runner: string, round: number, ms: number) =>
    post({ type: 'progress', text: `round ${round + 1}/${request.rounds}: ${runner} ${ms.toFixed(0)} ms` });

  await opened(engine, request.contractModelId, post);
  const contract = {
    name: request.contractModelId,
    pass: async () => [
      formatDocumentTags(
        await engine.tagDocument(
          { modelId: request.contractModelId, text: request.contract },
          () => undefined,
        ),
      ),
    ],
  };
  post({
    type: 'rounds',
    section: 'contract',
    records: await pageRounds([contract], request.rounds, progress),
  });

  for (const modelId of request.unfairTosModelIds) await opened(engine, modelId, post);
  const unfairTos = request.unfairTosModelIds.map((modelId) => ({
    name: modelId,
    pass: async () => {
      const tagger = await engine.tagger(modelId);
      const outputs: string[] = [];
      for (let start = 0; start < request.sentences.length; start += request.batchLines) {
        const tags = await tagger.tagSentences(request.sentences.slice(start, start + request.batchLines));
        outputs.push(...tags.map(formatSentenceTags));
      }
      return outputs;
    },
  }));
  post({
    type: 'rounds',
    section: 'unfair-tos',
    records: await pageRounds(unfairTos, request.rounds, progress),
  });
}
