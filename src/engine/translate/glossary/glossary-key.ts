import type { GlossaryTerm } from '../../types';

/** The glossary as part of a remembered translation's key: the same sentence reads differently under another. */
export function glossaryKey(glossary: readonly GlossaryTerm[] | undefined): string {
  return glossary?.length ? JSON.stringify(glossary.map((term) => [term.source, term.target])) : '';
}
