// Loads an exported model folder with Transformers.js (the ecosystem's reference runtime for this layout)
// and prints its greedy translations, so the project's own engine can be compared with an independent peer.
//
//   node training/tests/transformers_js_parity.mjs MODEL_DIR [--dtype q8|fp32] [--device cpu|wasm]
//        [--max-new-tokens N] [SENTENCE ...]
//
// Prints one JSON object: { model, dtype, device, loadSeconds, seconds,
//   outputs: [{ source, translation, sourceIds, outputIds (decoder start token first) }] }.
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { env, pipeline } from '@huggingface/transformers';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dtype: { type: 'string', default: 'q8' },
    device: { type: 'string', default: 'cpu' },
    'max-new-tokens': { type: 'string', default: '64' },
  },
});
const [modelArg, ...sentences] = positionals;
if (!modelArg) {
  console.error('usage: transformers_js_parity.mjs MODEL_DIR [--dtype q8|fp32] [SENTENCE ...]');
  process.exit(2);
}
const modelDir = resolve(modelArg);
const inputs = sentences.length > 0 ? sentences : ['Hi.', "I'm tired.", 'Thank you.', 'Where is the cat?'];

env.allowRemoteModels = false;
env.allowLocalModels = true;
env.localModelPath = `${dirname(modelDir)}/`;

const started = performance.now();
const translator = await pipeline('translation', basename(modelDir), {
  dtype: values.dtype,
  device: values.device,
});
const loadSeconds = (performance.now() - started) / 1000;
const generation = { max_new_tokens: Number(values['max-new-tokens']), num_beams: 1, do_sample: false };
const outputs = [];
for (const source of inputs) {
  const [result] = await translator(source, generation);
  // Ids too, so a caller can feed the same source ids to another runtime and compare token by token.
  const encoded = translator.tokenizer(source);
  const generated = await translator.model.generate({ ...encoded, ...generation });
  outputs.push({
    source,
    translation: result.translation_text,
    sourceIds: Array.from(encoded.input_ids.data, Number),
    outputIds: Array.from(generated.data, Number),
  });
}
const seconds = (performance.now() - started) / 1000 - loadSeconds;
console.log(
  JSON.stringify({ model: modelDir, dtype: values.dtype, device: values.device, loadSeconds, seconds, outputs }),
);
await translator.dispose();
