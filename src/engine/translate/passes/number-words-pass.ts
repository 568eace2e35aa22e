import { fixNumberWords, hasNumberWords, type NumberWordLocales } from '../number-word-check';
import type { SentencePass } from './pass';

/**
 * A sentence that writes a number word beside its digits ("sixty (60) days") goes to the model as it is; its
 * translation's number word is then checked against the digits and rewritten where the model garbled it
 * (number-word-check.ts). Listed first, so the check sees the translation as every other pass left it.
 */
export function numberWordsPass(locales: NumberWordLocales): SentencePass {
  return {
    name: 'number-words',
    runs: 'always',
    prepare(source) {
      if (!hasNumberWords(source, locales)) return undefined;
      return { text: source, restore: (translation) => fixNumberWords(source, translation, locales) };
    },
  };
}
