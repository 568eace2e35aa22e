/**
 * Speed of the shipped UNFAIR-ToS tagger in Node: sentences/s over the LexGLUE dev sentences, and one
 * ~10,000-word contract tagged end to end (segment + featurize + run), on onnxruntime-node (cpu) and on
 * onnxruntime-web's WebAssembly build (the browser's fallback path; 2 threads, like a cross-origin-isolated page).
 *
 *   node --import tsx training/lexlet_legal/bench_tagger.ts [public/models/lexlet-unfair-tos]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tagDocument } from '../../src/engine/legal/document-tagger';
import { loadSentenceTagger } from '../../src/engine/legal/load-tagger';
import type { SessionLike, TensorFactory } from '../../src/engine/legal/tagger';
import { sharedData } from './shared_data';

const modelDir = resolve(process.argv[2] ?? 'public/models/lexlet-unfair-tos');
const data = sharedData('legal');

function csvTexts(path: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"]|"")*)",\[[^\]]*\]/g;
  for (const m of readFileSync(path, 'utf8').matchAll(re)) out.push(m[1]!.replace(/""/g, '"').trim());
  return out;
}

function tenThousandWords(): string {
  const dir = join(data, 'cuad_v1/full_contract_txt');
  let text = '';
  for (const f of readdirSync(dir).sort()) {
    text += readFileSync(join(dir, f), 'utf8') + '\n\n';
    if (text.split(/\s+/).length >= 10_000) break;
  }
  const words = text.split(/(\s+)/);
  return words.slice(0, 2 * 10_000 - 1).join('');
}

interface OrtLike {
  InferenceSession: { create(bytes: Uint8Array, options?: object): Promise<SessionLike> };
  Tensor: TensorFactory;
  env?: { wasm?: { numThreads?: number } };
}

async function bench(name: string, ort: OrtLike): Promise<void> {
  const tagger = await loadSentenceTagger({
    readFile: async (p) => new Uint8Array(readFileSync(join(modelDir, p))),
    createSession: (bytes) => ort.InferenceSession.create(bytes),
    Tensor: ort.Tensor,
  });
  const sentences = csvTexts(join(data, 'unfair_tos_lexglue/unfair_tos_validation.csv'));
  await tagger.tagSentences(sentences.slice(0, 64));
  let t = performance.now();
  await tagger.tagSentences(sentences);
  const sentenceSeconds = (performance.now() - t) / 1000;
  const doc = tenThousandWords();
  await tagDocument(doc, tagger);
  const runs: number[] = [];
  let spans = 0;
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    spans = (await tagDocument(doc, tagger)).spans.length;
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `${name}: ${sentences.length} sentences in ${sentenceSeconds.toFixed(2)} s = ${(sentences.length / sentenceSeconds).toFixed(0)} sentences/s; ` +
      `10k-word document (${doc.length} chars): median ${runs[2]!.toFixed(0)} ms of 5 (min ${runs[0]!.toFixed(0)}), ${spans} spans`,
  );
}

const node = (await import('onnxruntime-node')) as unknown as OrtLike & { default?: OrtLike };
await bench('onnxruntime-node cpu', node.default ?? node);
const web = (await import('onnxruntime-web')) as unknown as OrtLike & { default?: OrtLike };
const webOrt = web.default ?? web;
if (webOrt.env?.wasm) webOrt.env.wasm.numThreads = 2;
await bench('onnxruntime-web wasm (2 threads)', webOrt);
