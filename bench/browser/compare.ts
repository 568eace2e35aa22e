/**
 * Transformers.js against Lexlet's engine in one worker, same model files, same sentences, greedy: Transformers.js
 * one sentence per call, Lexlet's sentence translator (no repairs: what the model decodes) one at a time and
 * `together` at a time, in alternated rounds.
 */
import type { Engine } from '../../src/engine/engine';
import { translateOneByOne, translateTogether } from '../lexlet-runners';
import type { BenchMessage, CompareRequest } from './protocol';
import { pageRounds, type PageRunner } from './rounds';
import { openTransformersJs } from './transformers-js';

export async function compareRounds(
  engine: Engine,
  request: CompareRequest,
  post: (message: BenchMessage) => void,
): Promise<void> {
  await engine.loadCatalog(request.catalogUrl);
  await engine.downloadModel(request.modelId, () => undefined);
  const backend = await engine.getBackend();
  let started = performance.now();
  const translator = await engine.translator(request.modelId, backend.active);
  post({
    type: 'opened',
    name: `Lexlet engine (${backend.reason})`,
    seconds: (performance.now() - started) / 1000,
  });
  started = performance.now();
  const transformersJs = await openTransformersJs(request, backend.wasmThreads ?? 1);
  post({
    type: 'opened',
    name: `Transformers.js (${transformersJs.runtime})`,
    seconds: (performance.now() - started) / 1000,
  });

  const runners: PageRunner[] = [
    {
      name: 'Transformers.js, 1 at a time',
      pass: async () => {
        const outputs: string[] = [];
        for (const sentence of request.sentences) outputs.push(await transformersJs.translate(sentence));
        return outputs;
      },
    },
    {
      name: 'Lexlet engine, 1 at a time',
      pass: async () => (await translateOneByOne(translator, request.sentences, 1)).texts,
    },
    {
      name: `Lexlet engine, ${request.together} together`,
      pass: async () => (await translateTogether(translator, request.sentences, 1, request.together)).texts,
    },
  ];
  const records = await pageRounds(runners, request.rounds, (runner, round, ms) =>
    post({ type: 'progress', text: `round ${round + 1}/${request.rounds}: ${runner} ${ms.toFixed(0)} ms` }),
  );
  post({ type: 'rounds', section: 'compare', records });
  await transformersJs.dispose();
}
