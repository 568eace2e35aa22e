import type { GlossaryTerm } from '../../types';
import { repairsNames, type CountPieces } from '../names';
import { glossaryArticlesPass } from './glossary-articles-pass';
import { glossaryPass } from './glossary-pass';
import { namesPass } from './names-pass';
import { numberWordsPass } from './number-words-pass';
import { numbersPass } from './numbers-pass';
import { simplifiedChinesePass } from './simplified-chinese-pass';
import { traditionalChinesePass } from './traditional-chinese-pass';
import { writtenCantonesePass } from './written-cantonese-pass';
import type { SentencePass } from './pass';

export { RETRY, type Prepared, type SentencePass } from './pass';
export { translateWithPasses } from './run-passes';

export interface PassOptions {
  /** Source language. */
  locale?: string;
  targetLocale?: string;
  /** The model's vocabulary, for keeping rare names; without it names are not checked. */
  countPieces?: CountPieces;
  glossary?: readonly GlossaryTerm[];
}

/**
 * The passes a sentence goes through, in order: a translation into Traditional Chinese rewritten from the model's
 * Simplified (outermost, so the whole translation is in one script), the check of number words beside digits and
 * the articles before glossary terms (they see the translation as the passes inside left it), the glossary's
 * stand-ins and, for a Chinese source, written Cantonese made Standard Written Chinese and its Traditional
 * characters made Simplified before the model, then the repairs of lost numbers and lost names (a names repair is
 * kept only if it keeps the numbers too).
 */
export function sentencePasses(options: PassOptions): SentencePass[] {
  const glossaryOptions = options.glossary?.length
    ? { terms: options.glossary, sourceLocale: options.locale, targetLocale: options.targetLocale }
    : undefined;
  const glossary = glossaryOptions && glossaryPass(glossaryOptions);
  const articles = glossary && glossaryOptions && glossaryArticlesPass(glossaryOptions);
  const names =
    options.countPieces && repairsNames(options.targetLocale)
      ? namesPass({
          countPieces: options.countPieces,
          sourceLocale: options.locale,
          targetLocale: options.targetLocale,
        })
      : undefined;
  const numberWords = numberWordsPass({ sourceLocale: options.locale, targetLocale: options.targetLocale });
  const traditional = traditionalChinesePass(options.targetLocale);
  const cantonese = writtenCantonesePass(options.locale);
  const simplified = simplifiedChinesePass(options.locale);
  return [traditional, numberWords, articles, glossary, cantonese, simplified, numbersPass, names].filter(
    (pass): pass is SentencePass => pass !== undefined,
  );
}
