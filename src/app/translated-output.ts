/** The translation of typed text and the language it is in, which the pair chosen since may no longer be. */
export interface TranslatedOutput {
  text: string;
  language: string;
  /** Sentences of `text` the model was unsure of (marked where shown). */
  unsure?: readonly string[];
}

export const NO_OUTPUT: TranslatedOutput = { text: '', language: '' };

/** The output as stored (JSON); anything unreadable is no output rather than an error. */
export function parseStoredOutput(stored: string | null): TranslatedOutput {
  if (!stored) return NO_OUTPUT;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return NO_OUTPUT;
    const { text, language, unsure } = value as Record<string, unknown>;
    if (typeof text !== 'string' || typeof language !== 'string') return NO_OUTPUT;
    const sentences = Array.isArray(unsure) ? unsure.filter((item) => typeof item === 'string') : [];
    return sentences.length > 0 ? { text, language, unsure: sentences } : { text, language };
  } catch {
    return NO_OUTPUT;
  }
}

export function storedOutput(output: TranslatedOutput): string {
  return JSON.stringify({ text: output.text, language: output.language, unsure: output.unsure ?? [] });
}
