import type { TranslateSentences } from '../document';

/**
 * A model for pass tests: it knows a few sentences and echoes the rest, streams each translation's first word as a
 * partial, and records what it was sent, run by run.
 */
export function phrasebookModel(known: Record<string, string> = {}) {
  const calls: string[][] = [];
  const translate: TranslateSentences = async (sentences, onPartial) => {
    calls.push([...sentences]);
    return sentences.map((sentence, index) => {
      const text = known[sentence] ?? sentence;
      onPartial(index, text.split(' ')[0] ?? '');
      return { text, tokens: 1 };
    });
  };
  return { calls, translate };
}
