/** The translation of typed text and the language it is in, which the pair chosen since may no longer be. */
export interface TranslatedOutput {
  text: string;
  language: string;
}

export const NO_OUTPUT: TranslatedOutput = { text: '', language: '' };

/** The output as stored (JSON); anything unreadable is no output rather than an error. */
export function parseStoredOutput(stored: string | null): TranslatedOutput {
  if (!stored) return NO_OUTPUT;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return NO_OUTPUT;
    const { text, language } = value as Record<string, unknown>;
    return typeof text === 'string' && typeof language === 'string' ? { text, language } : NO_OUTPUT;
  } catch {
    return NO_OUTPUT;
  }
}

export function storedOutput(output: TranslatedOutput): string {
  return JSON.stringify({ text: output.text, language: output.language });
}
