import { traditionalConverter, traditionalStandard } from '../traditional-chinese';
import type { SentencePass } from './pass';

/**
 * A translation into Chinese written in Traditional characters (zh-TW, zh-HK, zh-MO, zh-Hant) comes out of the
 * model in Simplified ones and is rewritten, streamed partials included. Runs outermost: the stand-ins of the
 * passes inside are found as the model wrote them, and the whole translation, the glossary's terms included, ends
 * in the one script. Undefined for every other target.
 */
export function traditionalChinesePass(targetLocale: string | undefined): SentencePass | undefined {
  if (!traditionalStandard(targetLocale)) return undefined;
  return {
    name: 'traditional-chinese',
    runs: 'always',
    async prepare(source) {
      const convert = await traditionalConverter(targetLocale);
      if (!convert) return undefined;
      return { text: source, restore: convert, preview: convert };
    },
  };
}
