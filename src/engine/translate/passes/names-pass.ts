import { findNames, lostNames, maskNames, type CountPieces, type NameRun } from '../names';
import { RETRY, type SentencePass } from './pass';

export interface NamesPassOptions {
  /** The model's vocabulary, which tells rare names (names.ts). */
  countPieces: CountPieces;
  sourceLocale?: string;
  targetLocale?: string;
}

/**
 * A sentence whose translation lost a rare name (names.ts) is translated again with stand-in names, which are
 * then replaced by the real ones. With no stand-in to spare, or when one did not survive, the first translation
 * stays.
 */
export function namesPass(options: NamesPassOptions): SentencePass {
  // Each sentence's names are looked up once, though `keeps` and `prepare` both need them.
  const found = new Map<string, Promise<NameRun[]>>();
  const namesOf = (source: string) => {
    let names = found.get(source);
    if (!names) {
      names = findNames(source, options.sourceLocale, options.countPieces);
      found.set(source, names);
    }
    return names;
  };
  return {
    name: 'names',
    runs: 'on-loss',
    keeps: async (source, translation) => lostNames(await namesOf(source), translation).length === 0,
    async prepare(source, { attempt, translation }) {
      if (attempt > 0 || translation === undefined) return undefined;
      const lost = lostNames(await namesOf(source), translation);
      const mask =
        lost.length > 0 ? maskNames(source, lost, options.targetLocale, options.sourceLocale) : undefined;
      if (!mask) return undefined;
      return { text: mask.masked, restore: (restored) => mask.restore(restored) ?? RETRY };
    },
  };
}
