import { TextTokenizer } from '../translate/tokenizer';
import type { ClauseContext } from './clause-context';
import { Featurizer } from './featurize';
import type { TaggerInput } from './model-config';

/** Text → the ids a tagging graph takes. */
export interface TextIds {
  ids(text: string): number[];
  /** A clause's ids with its context's, for models trained that way. */
  idsInContext?(text: string, context: ClauseContext): number[];
}

/**
 * Subword ids from the model's tokenizer.json (the encoder family). The tokenizer appends </s>; a text longer than
 * the model's positions is cut before it and keeps </s>, exactly as the training code cuts it.
 */
export class TokenizerIds implements TextIds {
  constructor(
    private readonly tokenizer: TextTokenizer,
    private readonly maxLength: number,
  ) {}

  ids(text: string): number[] {
    const ids = this.tokenizer.encode(text);
    if (ids.length <= this.maxLength) return ids;
    return [...ids.slice(0, this.maxLength - 1), ids[ids.length - 1] as number];
  }
}

/** Builds the id source a config asks for; `readJson` reads a file of the model directory. */
export async function textIdsFor(
  input: TaggerInput,
  readJson: (path: string) => Promise<object>,
): Promise<TextIds> {
  if (input.kind === 'hashed-ngrams') return new Featurizer(input.featurizer);
  const tokenizerJson = await readJson(input.file);
  return new TokenizerIds(new TextTokenizer(tokenizerJson, {}), input.maxLength);
}
