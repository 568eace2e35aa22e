import type { GlossaryTerm } from '../../types';

/**
 * The glossary for one model of a route. A route through English puts the target terms into the English text on
 * its first leg; the next legs keep them as they are.
 */
export function glossaryForLeg(terms: readonly GlossaryTerm[], leg: number): GlossaryTerm[] {
  return leg === 0 ? [...terms] : terms.map((term) => ({ source: term.target, target: term.target }));
}
