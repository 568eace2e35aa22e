// Greedy decoding of an exported model directory with onnxruntime-node, the way the browser engine and
// Transformers.js drive the merged decoder: first step with empty past and use_cache_branch=false, then one
// token per step feeding present.*.decoder back and keeping the cross-attention cache from the first step.
//
//   node training/tests/onnx_greedy.mjs JOB.json
//
// JOB.json: { "modelDir": "...", "suffix": "" | "_quantized", "sources": [[ids...], ...], "runtime": "node" | "wasm",
//             "maxNewTokens": 64 (or one cap per source), "logitsFile": "optional path for float32 logits of every step",
//             "encoderBatchFile": "optional path: encoder output of all sources as one padded batch",
//             "batch": true to also decode all sources as one padded batch }
// Prints JSON: { outputs: [[ids...]], seconds: [...], encoderBatchShape?: [...], batchOutputs?: [[ids...]] }.
import { readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// "node": onnxruntime-node (CPU EP, the CLI's runtime); "wasm": onnxruntime-web's WASM build, as in browsers.
const runtime = job.runtime ?? 'node';
const ort = runtime === 'wasm' ? await import('onnxruntime-web/wasm') : (await import('onnxruntime-node')).default;
const config = JSON.parse(readFileSync(join(job.modelDir, 'config.json'), 'utf8'));
const suffix = job.suffix ?? '';
const threads = job.threads ?? 1;
if (runtime === 'wasm') ort.env.wasm.numThreads = threads;
const options = runtime === 'wasm' ? {} : { intraOpNumThreads: threads, interOpNumThreads: 1 };
const load = (stem) => {
  const path = join(job.modelDir, 'onnx', `${stem}${suffix}.onnx`);
  return ort.InferenceSession.create(runtime === 'wasm' ? readFileSync(path) : path, options);
};
const encoder = await load('encoder_model');
const decoder = await load('decoder_model_merged');

const layers = config.decoder_layers;
const heads = config.decoder_attention_heads;
const headDim = config.d_model / heads;
const vocab = config.vocab_size;

const int64 = (values, dims) => new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);

/** Best token of each row's last position, never the pad token (bad_words_ids). */
function argmaxLast(logits, banned) {
  const [batch, steps] = logits.dims;
  const best = [];
  const rows = [];
  for (let b = 0; b < batch; b += 1) {
    const offset = (b * steps + steps - 1) * vocab;
    const row = logits.data.subarray(offset, offset + vocab);
    let bestId = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < vocab; i += 1) {
      if (i !== banned && row[i] > bestScore) {
        bestId = i;
        bestScore = row[i];
      }
    }
    best.push(bestId);
    rows.push(row);
  }
  return { best, rows };
}

/** Greedy decoding of several sources as one padded batch; finished rows are fed pad until all end. */
async function greedy(sources, maxNewTokens, logitsSink) {
  const batch = sources.length;
  const width = Math.max(...sources.map((s) => s.length));
  const ids = [];
  const mask = [];
  for (const source of sources) {
    const pad = width - source.length;
    ids.push(...source, ...Array(pad).fill(config.pad_token_id));
    mask.push(...source.map(() => 1), ...Array(pad).fill(0));
  }
  const attention = int64(mask, [batch, width]);
  const { last_hidden_state: memory } = await encoder.run({
    input_ids: int64(ids, [batch, width]),
    attention_mask: attention,
  });
  const empty = new ort.Tensor('float32', new Float32Array(0), [batch, heads, 0, headDim]);
  const feeds = { encoder_attention_mask: attention, encoder_hidden_states: memory };
  for (let i = 0; i < layers; i += 1) {
    for (const kind of ['decoder', 'encoder']) {
      feeds[`past_key_values.${i}.${kind}.key`] = empty;
      feeds[`past_key_values.${i}.${kind}.value`] = empty;
    }
  }
  const outputs = sources.map(() => []);
  const finished = sources.map(() => false);
  let tokens = sources.map(() => config.decoder_start_token_id);
  for (let step = 0; step < maxNewTokens && !finished.every(Boolean); step += 1) {
    feeds.input_ids = int64(tokens, [batch, 1]);
    feeds.use_cache_branch = new ort.Tensor('bool', [step > 0], [1]);
    const result = await decoder.run(feeds);
    const { best, rows } = argmaxLast(result.logits, config.pad_token_id);
    if (logitsSink) logitsSink(rows[0]);
    for (let i = 0; i < layers; i += 1) {
      feeds[`past_key_values.${i}.decoder.key`] = result[`present.${i}.decoder.key`];
      feeds[`past_key_values.${i}.decoder.value`] = result[`present.${i}.decoder.value`];
      if (step === 0) {
        feeds[`past_key_values.${i}.encoder.key`] = result[`present.${i}.encoder.key`];
        feeds[`past_key_values.${i}.encoder.value`] = result[`present.${i}.encoder.value`];
      }
    }
    // forced_eos_token_id: a sentence that runs out of room ends with </s> (as decode.py and Transformers.js do)
    const outOfRoom = step === maxNewTokens - 1 && config.forced_eos_token_id !== undefined;
    tokens = best.map((token, b) => {
      if (finished[b]) return config.pad_token_id;
      return outOfRoom ? config.forced_eos_token_id : token;
    });
    tokens.forEach((token, b) => {
      if (finished[b]) return;
      outputs[b].push(token);
      if (token === config.eos_token_id) finished[b] = true;
    });
  }
  return outputs;
}

const logitsFd = job.logitsFile ? openSync(job.logitsFile, 'w') : null;
const sink = logitsFd === null ? null : (row) => writeSync(logitsFd, new Uint8Array(row.buffer, row.byteOffset, row.byteLength));
const outputs = [];
const seconds = [];
// The first run of a session pays for kernel preparation; timings should not.
if (job.warmup) await greedy([job.sources[0]], 4, null);
for (const [index, source] of job.sources.entries()) {
  const cap = Array.isArray(job.maxNewTokens) ? job.maxNewTokens[index] : job.maxNewTokens;
  const start = performance.now();
  outputs.push((await greedy([source], cap, sink))[0]);
  seconds.push((performance.now() - start) / 1000);
}
if (logitsFd !== null) closeSync(logitsFd);

const report = { outputs, seconds };
if (job.batch) {
  const cap = Array.isArray(job.maxNewTokens) ? Math.max(...job.maxNewTokens) : job.maxNewTokens;
  report.batchOutputs = await greedy(job.sources, cap, null);
}
if (job.encoderBatchFile) {
  // Padded batch: checks that attention_mask really hides the padding.
  const width = Math.max(...job.sources.map((s) => s.length));
  const ids = [];
  const mask = [];
  for (const source of job.sources) {
    const pad = width - source.length;
    ids.push(...source, ...Array(pad).fill(config.pad_token_id));
    mask.push(...source.map(() => 1), ...Array(pad).fill(0));
  }
  const dims = [job.sources.length, width];
  const { last_hidden_state: hidden } = await encoder.run({
    input_ids: int64(ids, dims),
    attention_mask: int64(mask, dims),
  });
  writeFileSync(job.encoderBatchFile, new Uint8Array(hidden.data.buffer, hidden.data.byteOffset, hidden.data.byteLength));
  report.encoderBatchShape = hidden.dims;
}
process.stdout.write(`${JSON.stringify(report)}\n`);
