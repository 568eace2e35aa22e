/**
 * Text past this many characters is not translated in the text box: its translation would stream into one
 * output element that is rebuilt on every token, which keeps the page busy for minutes at a megabyte. Document
 * mode translates it paragraph by paragraph into a virtualised list instead, with progress and resume.
 */
export const LARGE_TEXT_CHARS = 100_000;

export function isLargeText(text: string): boolean {
  return text.length > LARGE_TEXT_CHARS;
}

/** Typed or pasted text as the .txt file document mode opens. */
export function textAsFile(text: string): File {
  return new File([text], 'Pasted text.txt', { type: 'text/plain' });
}
