import { parseTaggerConfig } from './model-config';
import { SentenceTagger, type SessionLike, type TensorFactory } from './tagger';

export interface TaggerSources {
  /** Reads a file of the model directory (config.json, the ONNX file named in it), e.g. from the model store. */
  readFile(path: string): Promise<Uint8Array>;
  /** Creates an inference session from ONNX bytes (the runtime owns backends and sessions). */
  createSession(onnx: Uint8Array): Promise<SessionLike>;
  Tensor: TensorFactory;
}

const utf8 = new TextDecoder();

/** config.json → validated config → session on the ONNX file it names → tagger. */
export async function loadSentenceTagger(sources: TaggerSources): Promise<SentenceTagger> {
  const config = parseTaggerConfig(JSON.parse(utf8.decode(await sources.readFile('config.json'))));
  const session = await sources.createSession(await sources.readFile(config.onnxFile));
  return new SentenceTagger(session, sources.Tensor, config);
}
