import { termKey } from '../../engine/translate/glossary/match';
import type { GlossaryTerm } from '../../engine/types';
import { readSetting, STORAGE_KEYS, writeSetting } from '../preferences';

/** Every pair's glossary, keyed "en>es", as kept in localStorage. */
export type Glossaries = Record<string, GlossaryTerm[]>;

export const pairKey = (source: string, target: string) => `${source}>${target}`;

const isTerm = (value: unknown): value is GlossaryTerm =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as GlossaryTerm).source === 'string' &&
  typeof (value as GlossaryTerm).target === 'string';

/** The stored glossaries; anything unreadable in storage reads as no glossary rather than breaking the page. */
export function parseGlossaries(stored: string | null): Glossaries {
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const glossaries: Glossaries = {};
    for (const [pair, terms] of Object.entries(parsed as Record<string, unknown>))
      if (Array.isArray(terms))
        glossaries[pair] = terms.filter(isTerm).map(({ source, target }) => ({ source, target }));
    return glossaries;
  } catch {
    return {};
  }
}

export function readGlossaries(): Glossaries {
  return parseGlossaries(readSetting(STORAGE_KEYS.glossary));
}

/** The pair's glossary as stored, rows still being filled in included. */
export function readGlossary(source: string, target: string): GlossaryTerm[] {
  return readGlossaries()[pairKey(source, target)] ?? [];
}

/** Saves one pair's glossary, leaving the other pairs' as they are in storage now. */
export function writeGlossary(source: string, target: string, terms: readonly GlossaryTerm[]): void {
  const pair = pairKey(source, target);
  const others = Object.entries(readGlossaries()).filter(([key]) => key !== pair);
  const glossaries = Object.fromEntries(terms.length > 0 ? [...others, [pair, [...terms]]] : others);
  writeSetting(STORAGE_KEYS.glossary, JSON.stringify(glossaries));
}

/** The terms a translation uses: both sides filled in (a row being typed is not a term yet). */
export function usableTerms(terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  return terms
    .map((term) => ({ source: term.source.trim(), target: term.target.trim() }))
    .filter((term) => term.source && term.target);
}

/**
 * `imported` merged into `terms`: an imported term replaces the row of the same term (case aside) and new terms
 * come after the others.
 */
export function mergeTerms(
  terms: readonly GlossaryTerm[],
  imported: readonly GlossaryTerm[],
): GlossaryTerm[] {
  const incoming = new Map(imported.map((term) => [termKey(term.source), term]));
  const merged = terms.map((term) => {
    const replacement = incoming.get(termKey(term.source));
    if (replacement) incoming.delete(termKey(term.source));
    return replacement ?? term;
  });
  return [...merged, ...incoming.values()];
}
