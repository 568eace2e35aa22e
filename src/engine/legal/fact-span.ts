import type { Fact } from './facts';

/** The fact that `text` states between `start` and `end`. */
export function fact(text: string, start: number, end: number): Fact {
  return { text: text.slice(start, end), start, end };
}
