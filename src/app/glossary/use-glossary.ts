import { useCallback, useState } from 'react';
import type { GlossaryTerm } from '../../engine/types';
import { pairKey, readGlossary, usableTerms, writeGlossary } from './glossary-store';

export interface PairGlossary {
  source: string;
  target: string;
  /** Every row, as the user left it. */
  terms: GlossaryTerm[];
  /** The rows a translation uses. */
  usable: GlossaryTerm[];
  /** Saves the pair's rows on the device at once. */
  setTerms(terms: readonly GlossaryTerm[]): void;
}

/** The glossary of the pair `source` → `target`, read from and saved to the device. */
export function usePairGlossary(source: string, target: string): PairGlossary {
  const pair = pairKey(source, target);
  const [state, setState] = useState(() => ({ pair, terms: readGlossary(source, target) }));
  // Another pair chosen: its own glossary, read while rendering so no stale terms are ever shown or used.
  if (state.pair !== pair) setState({ pair, terms: readGlossary(source, target) });
  const terms = state.pair === pair ? state.terms : readGlossary(source, target);
  const setTerms = useCallback(
    (next: readonly GlossaryTerm[]) => {
      writeGlossary(source, target, next);
      setState({ pair: pairKey(source, target), terms: [...next] });
    },
    [source, target],
  );
  return { source, target, terms, usable: usableTerms(terms), setTerms };
}
