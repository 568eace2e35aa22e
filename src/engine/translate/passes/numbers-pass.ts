import { keepsNumbers, maskNumbers } from '../numbers';
import { cutAroundNumbers } from '../segment';
import { RETRY, type SentencePass } from './pass';

/**
 * A sentence whose translation lost any of its numbers (numbers.ts) is translated again with one-digit stand-ins
 * for them; where the stand-ins do not survive either, as the words between the numbers, the numbers copied.
 */
export const numbersPass: SentencePass = {
  name: 'numbers',
  runs: 'on-loss',
  keeps: keepsNumbers,
  prepare(source, { attempt }) {
    const mask = attempt === 0 ? maskNumbers(source) : undefined;
    if (!mask) return undefined;
    return { text: mask.masked, restore: (translation) => mask.restore(translation) ?? RETRY };
  },
  cut: (source) => cutAroundNumbers({ kind: 'sentence', text: source }),
};
