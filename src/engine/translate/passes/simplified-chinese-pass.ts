import { language } from '../script';
import { toSimplifiedChinese } from '../simplified-chinese';
import type { SentencePass } from './pass';

/**
 * A Chinese sentence written in Traditional characters goes to the model in mainland Simplified ones, the script
 * Chinese models here are trained on; the translation needs no undoing, and the source shown stays as written.
 * Runs after the glossary, so the user's terms match the text as the user wrote it. Undefined for sources in
 * other languages.
 */
export function simplifiedChinesePass(sourceLocale: string | undefined): SentencePass | undefined {
  if (language(sourceLocale) !== 'zh') return undefined;
  return {
    name: 'simplified-chinese',
    runs: 'always',
    async prepare(source) {
      let simplified: string;
      try {
        simplified = await toSimplifiedChinese(source);
      } catch {
        // Without the tables (an app that could not fetch them) the sentence is translated as written.
        return undefined;
      }
      if (simplified === source) return undefined;
      return { text: simplified, restore: (translation) => translation };
    },
  };
}
