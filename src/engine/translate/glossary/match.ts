import type { GlossaryTerm } from '../../types';
import { NUMBER_PATTERN } from '../numbers';
import { EMAIL_PATTERN, URL_PATTERN } from '../segment';

/** Where a glossary term occurs in a text. */
export interface TermMatch {
  start: number;
  end: number;
  /** The occurrence as written in the text. */
  text: string;
  term: GlossaryTerm;
}

/** Finds the glossary's terms in a text. */
export interface GlossaryMatcher {
  readonly size: number;
  find(text: string): TermMatch[];
}

/** What continues a word: a term must not start or end inside one ("Licensee" is not in "Licensees"). */
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
/** Chinese and Japanese write words unspaced: a term in them can sit between any two characters. */
const UNSPACED_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A source term as written by the user, compared case aside and with its spaces collapsed. */
export const termKey = (source: string) => source.trim().replace(/\s+/gu, ' ').toLocaleLowerCase();

function termPattern(source: string): RegExp {
  const words = source.trim().split(/\s+/u).map(escape).join('\\s+');
  const first = source.trim().charAt(0);
  const last = source.trim().slice(-1);
  const before = WORD_CHAR.test(first) && !UNSPACED_CHAR.test(first) ? '(?<![\\p{L}\\p{M}\\p{N}_])' : '';
  const after = WORD_CHAR.test(last) && !UNSPACED_CHAR.test(last) ? '(?![\\p{L}\\p{M}\\p{N}_])' : '';
  return new RegExp(`${before}${words}${after}`, 'giu');
}

/** Spans a term never matches inside: addresses, and numbers it does not cover whole. */
function protectedSpans(text: string) {
  const spans = (pattern: RegExp) =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return { addresses: [...spans(URL_PATTERN), ...spans(EMAIL_PATTERN)], numbers: spans(NUMBER_PATTERN) };
}

/**
 * A matcher for `terms`: each source term found whole-word and case aside, the longest term first where terms
 * overlap ("Software License" before "License"), never inside a URL, e-mail address or number. Terms with an
 * empty side are left out; of two entries for one source term the later counts.
 */
export function glossaryMatcher(terms: readonly GlossaryTerm[]): GlossaryMatcher {
  const byKey = new Map<string, GlossaryTerm>();
  for (const term of terms)
    if (term.source.trim() && term.target.trim()) byKey.set(termKey(term.source), term);
  const compiled = [...byKey.values()]
    .map((term) => ({ term, pattern: termPattern(term.source) }))
    .sort((a, b) => b.term.source.trim().length - a.term.source.trim().length);
  return {
    size: compiled.length,
    find(text) {
      if (compiled.length === 0) return [];
      const { addresses, numbers } = protectedSpans(text);
      const found: TermMatch[] = [];
      const overlaps = (start: number, end: number) => (span: { start: number; end: number }) =>
        start < span.end && span.start < end;
      for (const { term, pattern } of compiled) {
        for (const m of text.matchAll(pattern)) {
          const start = m.index;
          const end = start + m[0].length;
          if (found.some(overlaps(start, end)) || addresses.some(overlaps(start, end))) continue;
          // A term may hold a whole number ("Section 5"), never part of one ("250" of "1,250").
          if (numbers.some((n) => overlaps(start, end)(n) && (n.start < start || n.end > end))) continue;
          found.push({ start, end, text: m[0], term });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}
