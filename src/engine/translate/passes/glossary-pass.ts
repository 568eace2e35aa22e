import type { GlossaryTerm } from '../../types';
import { glossaryMatcher, termKey, type TermMatch } from '../glossary/match';
import { articlesOf, fitTermCase, opensSentence } from '../glossary/term-case';
import {
  RENDERED_STAND_INS,
  STAND_INS,
  repairsNames,
  standInPattern,
  usesNameCase,
  wholeWord,
  type StandIn,
} from '../names';
import { language } from '../script';
import { cutAroundSpans } from '../segment';
import { RETRY, type Prepared, type SentencePass } from './pass';

export interface GlossaryPassOptions {
  terms: readonly GlossaryTerm[];
  sourceLocale?: string;
  targetLocale?: string;
}

/** A stand-in's occurrences in the source, in order, with the term each stands for. */
interface StandInUse {
  stand: StandIn;
  pattern: RegExp;
  term: GlossaryTerm;
  occurrences: TermMatch[];
}

/**
 * The user's glossary: each term of a sentence is replaced by a stand-in name the model copies (names.ts), and
 * the stand-in in the translation by the user's target term. A translation that lost a stand-in is translated
 * again with other stand-ins; after that, or where there are more terms than stand-ins or the target language
 * renders stand-ins in ways not known here, the words between the terms are translated apart and the target
 * terms written between them.
 */
export function glossaryPass(options: GlossaryPassOptions): SentencePass | undefined {
  const matcher = glossaryMatcher(options.terms);
  if (matcher.size === 0) return undefined;
  const mirrorCase = usesNameCase(options.sourceLocale);
  const renderings = RENDERED_STAND_INS[language(options.targetLocale)];
  const standsIn = repairsNames(options.targetLocale);
  const sourceArticles = articlesOf(language(options.sourceLocale));
  const targetArticles = articlesOf(language(options.targetLocale));

  /** The target term for a source occurrence, written where `opens` says. */
  const written = (occurrence: TermMatch, source: string, opens: boolean) =>
    fitTermCase(occurrence.term.target.trim(), {
      opens,
      sourceText: opensSentence(source, occurrence.start) ? undefined : occurrence.text,
      mirrorCase,
      sourceArticles,
      targetArticles,
    });

  /** Stand-ins for the sentence's distinct terms: the first free ones, then (a retry) the next ones. */
  const standInsFor = (source: string, count: number, attempt: number): StandIn[] | undefined => {
    const free = STAND_INS.filter(
      (stand) => !wholeWord(stand).test(source) && (renderings === undefined || stand in renderings),
    );
    if (count > free.length || attempt > 1) return undefined;
    if (attempt === 0) return free.slice(0, count);
    const next = [...free.slice(count), ...free.slice(0, count)].slice(0, count);
    // With no other stand-in to try, the retry goes straight to the cut.
    return next.every((stand, i) => stand === free[i]) ? undefined : next;
  };

  function prepare(source: string, attempt: number): Prepared | undefined {
    const matches = matcher.find(source);
    if (matches.length === 0 || !standsIn) return undefined;
    const keys = [...new Set(matches.map((m) => termKey(m.term.source)))];
    const stands = standInsFor(source, keys.length, attempt);
    if (!stands) return undefined;
    const uses: StandInUse[] = keys.map((key, i) => {
      const stand = stands[i] as StandIn;
      const occurrences = matches.filter((m) => termKey(m.term.source) === key);
      const term = (occurrences[0] as TermMatch).term;
      return { stand, pattern: standInPattern(stand, renderings?.[stand]), term, occurrences };
    });
    const useOf = new Map(uses.flatMap((use) => use.occurrences.map((m) => [m, use] as const)));
    let text = '';
    let from = 0;
    for (const m of matches) {
      text += source.slice(from, m.start) + (useOf.get(m) as StandInUse).stand;
      from = m.end;
    }
    text += source.slice(from);
    const anyStand = new RegExp(uses.map((use) => use.pattern.source).join('|'), 'gu');
    const standInUseOf = (found: string) =>
      uses.find((use) => found === use.stand || found === renderings?.[use.stand]) as StandInUse;

    /** Every stand-in in `translation` replaced by its term; with `strict`, RETRY unless each came through. */
    const replace = (translation: string, strict: boolean): string | typeof RETRY => {
      const seen = new Map<StandInUse, number>();
      for (const found of translation.matchAll(anyStand)) {
        const use = standInUseOf(found[0]);
        seen.set(use, (seen.get(use) ?? 0) + 1);
      }
      if (strict && uses.some((use) => seen.get(use) !== use.occurrences.length)) return RETRY;
      seen.clear();
      return translation.replace(anyStand, (found: string, offset: number) => {
        const use = standInUseOf(found);
        const nth = seen.get(use) ?? 0;
        seen.set(use, nth + 1);
        const occurrence = use.occurrences[Math.min(nth, use.occurrences.length - 1)] as TermMatch;
        return written(occurrence, source, opensSentence(translation, offset));
      });
    };
    return {
      text,
      restore: (translation) => replace(translation, true),
      preview: (partial) => replace(partial, false) as string,
    };
  }

  return {
    name: 'glossary',
    runs: 'always',
    prepare: (source, { attempt }) => prepare(source, attempt),
    cut(source) {
      const matches = matcher.find(source);
      if (matches.length === 0) return undefined;
      const spans = matches.map((m) => ({
        start: m.start,
        end: m.end,
        keep: written(m, source, opensSentence(source, m.start)),
      }));
      return cutAroundSpans({ kind: 'sentence', text: source }, spans);
    },
  };
}
