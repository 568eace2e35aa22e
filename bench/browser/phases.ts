import type { ColdStartMark } from './protocol';

/**
 * The phases of a cold start from its marks: the page's own load (navigation to worker creation), then each
 * step between consecutive marks, named after the mark that ends it, and the total.
 */
export function coldStartPhases(
  navigationStart: number,
  marks: readonly ColdStartMark[],
): { name: string; ms: number }[] {
  const phases: { name: string; ms: number }[] = [];
  let previous = navigationStart;
  for (const [index, mark] of marks.entries()) {
    phases.push({ name: index === 0 ? 'page loaded, worker created' : mark.name, ms: mark.at - previous });
    previous = mark.at;
  }
  const last = marks.at(-1);
  phases.push({
    name: 'total: new tab → first sentence',
    ms: (last?.at ?? navigationStart) - navigationStart,
  });
  return phases;
}
