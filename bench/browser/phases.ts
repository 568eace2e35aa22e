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

/** Phases that end when the translation is asked for: the catalog loaded, or the model opened ahead of it. */
export const ASKED_FOR = ['catalog loaded', 'model opened ahead, translation asked for'];

/**
 * What the translation itself waited for, in ms: the phases after the last one that ends when it was asked for
 * (the total left out). What a click on Translate waits for once the page has done what it does on its own.
 */
export function askedToTranslated(phases: readonly { name: string; ms: number }[]): number {
  const steps = phases.filter((phase) => !phase.name.startsWith('total'));
  const asked = steps.findLastIndex((phase) => ASKED_FOR.includes(phase.name));
  return steps.slice(asked + 1).reduce((sum, phase) => sum + phase.ms, 0);
}
