import { Tokenizer } from '@huggingface/tokenizers';
import { LexletError } from '../errors';

/** Text ↔ token ids through the model's own tokenizer.json (SentencePiece/Unigram for Marian). */
export class TextTokenizer {
  private readonly tokenizer: Tokenizer;

  constructor(tokenizerJson: object, tokenizerConfig: object) {
    try {
      this.tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    } catch (error) {
      throw new LexletError('model-invalid', 'The model tokenizer could not be read.', { cause: error });
    }
  }

  /** Ids with the model's special tokens (for Marian a trailing </s>). */
  encode(text: string): number[] {
    return this.tokenizer.encode(text).ids;
  }

  /** Tokens `word` takes on its own, special tokens aside: how familiar the model's vocabulary is with it. */
  countPieces(word: string): number {
    return this.tokenizer.tokenize(word, { add_special_tokens: false }).length;
  }

  decode(ids: readonly number[]): string {
    // The library rejects an empty list; a model that ends at once has translated to nothing.
    if (ids.length === 0) return '';
    return this.tokenizer.decode([...ids], { skip_special_tokens: true });
  }
}
