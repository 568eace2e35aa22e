import { contractArticles, contractsArticles } from '../glossary/articles';
import { glossaryMatcher } from '../glossary/match';
import type { GlossaryPassOptions } from './glossary-pass';
import type { SentencePass } from './pass';

/**
 * A sentence with glossary terms goes to the model as it is (the glossary pass inside puts its stand-ins in); the
 * articles before the target terms in its translation are then contracted as the target language requires, and
 * written once (glossary/articles.ts). It wraps the glossary pass, so it also sees terms written between the
 * pieces of a cut.
 */
export function glossaryArticlesPass(options: GlossaryPassOptions): SentencePass | undefined {
  if (!contractsArticles(options.targetLocale)) return undefined;
  const matcher = glossaryMatcher(options.terms);
  if (matcher.size === 0) return undefined;
  return {
    name: 'glossary-articles',
    runs: 'always',
    prepare(source) {
      const targets = matcher.find(source).map((match) => match.term.target);
      if (targets.length === 0) return undefined;
      return {
        text: source,
        restore: (translation) => contractArticles(translation, targets, options.targetLocale),
      };
    },
  };
}
