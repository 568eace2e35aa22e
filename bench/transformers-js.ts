/**
 * The reference: Transformers.js `pipeline('translation')` on the same ONNX files as Lexlet, in the same process
 * (onnxruntime-node), one sentence per call as its documentation shows. By default with onnxruntime's default
 * session options, whose intra-op threads spin while they wait for work; `spinning: false` turns that off, as
 * Lexlet does, which tells the cost of spinning on a busy machine apart from the rest.
 */
import { env, pipeline } from '@huggingface/transformers';
import type { PassOutput } from './rounds';

interface GeneratedSequences {
  dims: readonly number[];
  data: BigInt64Array;
}

interface GeneratingModel {
  generate(options: unknown): Promise<GeneratedSequences>;
  config: { eos_token_id?: number | number[]; pad_token_id?: number };
}

type Translate = (text: string, options: Record<string, unknown>) => Promise<{ translation_text: string }[]>;

export interface TransformersJsTranslator {
  /** Translates each sentence alone; `numBeams` is passed as `num_beams`. */
  translateAll(sentences: readonly string[], numBeams: number): Promise<PassOutput>;
  dispose(): Promise<void>;
}

/** Opens `modelId` from `modelsDir` (a folder of model folders), never from the network. */
export async function openTransformersJs(
  modelsDir: string,
  modelId: string,
  spinning = true,
): Promise<TransformersJsTranslator> {
  env.localModelPath = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  // The quantized files are the ones Lexlet ships: encoder_model_quantized.onnx, decoder_model_merged_quantized.onnx.
  const translator = await pipeline('translation', modelId, {
    dtype: 'q8',
    device: 'cpu',
    ...(spinning ? {} : { session_options: { extra: { session: { intra_op: { allow_spinning: '0' } } } } }),
  });
  const model = translator.model as unknown as GeneratingModel;
  const eos = new Set([model.config.eos_token_id ?? []].flat().map(BigInt));
  const pad = model.config.pad_token_id;

  // The pipeline returns text only; the tokens it generated are counted as Lexlet counts them: without the
  // decoder start token, EOS and the padding after it.
  let tokens = 0;
  const generate = model.generate.bind(model);
  model.generate = async (options) => {
    const sequences = await generate(options);
    const width = sequences.dims[1] ?? 0;
    for (let row = 0; row < (sequences.dims[0] ?? 0); row++) {
      for (let position = 1; position < width; position++) {
        const id = sequences.data[row * width + position] as bigint;
        if (eos.has(id) || (pad !== undefined && id === BigInt(pad))) break;
        tokens += 1;
      }
    }
    return sequences;
  };

  const translate = translator as unknown as Translate;
  return {
    async translateAll(sentences, numBeams) {
      tokens = 0;
      const texts: string[] = [];
      for (const sentence of sentences) {
        const [result] = await translate(sentence, { num_beams: numBeams, do_sample: false });
        texts.push(result?.translation_text ?? '');
      }
      return { texts, tokens };
    },
    dispose: () => translator.dispose(),
  };
}
