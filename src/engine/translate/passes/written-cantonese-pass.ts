import { language } from '../script';
import { cantoneseAsStandardChinese } from '../written-cantonese';
import type { SentencePass } from './pass';

/**
 * A sentence in written Cantonese goes to the model in Standard Written Chinese, the Mandarin the Chinese models
 * here are trained on; the translation needs no undoing, and the source shown stays as written. Runs after the
 * glossary (the user's terms match the text as written) and before the Simplified pass. Undefined for sources in
 * other languages.
 */
export function writtenCantonesePass(sourceLocale: string | undefined): SentencePass | undefined {
  if (language(sourceLocale) !== 'zh') return undefined;
  return {
    name: 'written-cantonese',
    runs: 'always',
    prepare(source) {
      const standard = cantoneseAsStandardChinese(source);
      if (standard === source) return undefined;
      return { text: standard, restore: (translation) => translation };
    },
  };
}
