import { LexletError, isAbortError } from '../errors';
import type { ModelRepository } from '../models/repository';
import type { Runtime } from '../runtime/runtime';
import type { BackendName } from '../types';
import { decoderShape } from './generation-config';
import { chooseSeq2SeqFiles } from './onnx-files';
import { SentenceTranslator } from './sentence-translator';
import { Seq2SeqModel, kvOutputNames } from './seq2seq-model';
import { TextTokenizer } from './tokenizer';

type Json = Record<string, unknown>;

async function readJson(repository: ModelRepository, modelId: string, path: string, signal?: AbortSignal) {
  const bytes = await repository.readFile(modelId, path, signal);
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
    return value as Json;
  } catch (error) {
    throw new LexletError('model-invalid', `${path} of ${modelId} is not valid JSON.`, { cause: error });
  }
}

/** Reads a translation model through the repository and opens its sessions on `backend`. */
export async function loadTranslator(
  repository: ModelRepository,
  runtime: Runtime,
  modelId: string,
  backend: BackendName,
  signal?: AbortSignal,
): Promise<SentenceTranslator> {
  const entry = repository.model(modelId);
  if (entry.task !== 'translation') {
    throw new LexletError('model-invalid', `${entry.name} is not a translation model.`);
  }
  const files = chooseSeq2SeqFiles(entry.files, backend);
  // Both model files are read (and checked) beside the JSON files; the sessions then open one after the other.
  const [encoderBytes, decoderBytes] = [files.encoder, files.decoder].map((path) => {
    const bytes = repository.readFile(modelId, path, signal);
    bytes.catch(() => undefined);
    return bytes;
  }) as [Promise<Uint8Array>, Promise<Uint8Array>];
  const [config, generationConfig, tokenizerJson, tokenizerConfig] = (await Promise.all(
    ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'].map((path) =>
      readJson(repository, modelId, path, signal),
    ),
  )) as [Json, Json, Json, Json];
  const shape = decoderShape(config);
  const tokenizer = new TextTokenizer(tokenizerJson, tokenizerConfig);
  const ort = await runtime.ort(backend);

  const open = async (
    path: string,
    read: Promise<Uint8Array>,
    gpuOutputs: string[],
    names: { inputs: string[]; outputs: string[] },
  ) => {
    const bytes = await read;
    try {
      return await runtime.createSession(backend, bytes, gpuOutputs, 'all', {
        label: `${modelId}/${path}`,
        ...names,
      });
    } catch (error) {
      if (isAbortError(error) || (error instanceof LexletError && error.code === 'model-invalid'))
        throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new LexletError('backend', `Could not open ${path} of ${modelId} on ${backend}: ${reason}`, {
        cause: error,
      });
    }
  };
  const encoder = await open(files.encoder, encoderBytes, ['last_hidden_state'], {
    inputs: ['input_ids', 'attention_mask'],
    outputs: [],
  });
  let decoder;
  try {
    decoder = await open(files.decoder, decoderBytes, kvOutputNames(shape), {
      inputs: ['input_ids', 'encoder_hidden_states'],
      outputs: ['logits'],
    });
  } catch (error) {
    await encoder.release();
    throw error;
  }
  return new SentenceTranslator(
    tokenizer,
    new Seq2SeqModel(ort, backend, encoder, decoder, shape),
    config,
    generationConfig,
  );
}
