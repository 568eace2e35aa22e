import { parseTaggerConfig } from './model-config';
import { SentenceTagger, type SessionLike, type TensorFactory } from './tagger';
import { textIdsFor } from './text-ids';

export interface TaggerSources {
  /** Reads a file of the model directory (config.json, the ONNX file named in it), e.g. from the model store. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Creates an inference session from ONNX bytes (the runtime owns backends and sessions); `file` and the names
   * config.json declares, for a runtime that checks the model offers them.
   */
  createSession(onnx: Uint8Array, declared: TaggerGraphNames): Promise<SessionLike>;
  Tensor: TensorFactory;
}

/** The ONNX file config.json names, with the inputs it is fed and the output read from it. */
export interface TaggerGraphNames {
  file: string;
  inputs: string[];
  outputs: string[];
}

const utf8 = new TextDecoder();

/** config.json → validated config → ids (featurizer or tokenizer) and a session on the ONNX file → tagger. */
export async function loadSentenceTagger(sources: TaggerSources): Promise<SentenceTagger> {
  const readJson = async (path: string) => JSON.parse(utf8.decode(await sources.readFile(path))) as object;
  const config = parseTaggerConfig(await readJson('config.json'));
  const textIds = await textIdsFor(config.input, readJson);
  const session = await sources.createSession(await sources.readFile(config.onnxFile), {
    file: config.onnxFile,
    inputs: [config.inputIds, config.inputMask],
    outputs: [config.output],
  });
  return new SentenceTagger(session, sources.Tensor, config, textIds);
}
