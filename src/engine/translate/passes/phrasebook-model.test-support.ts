import type { TranslateEvent } from '../../types';
import { translateDocument, type DocumentOptions, type TranslateSentences } from '../document';

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

/**
 * `text` translated through the passes by a phrasebook model that knows `known`: what the model was sent, the
 * translation, and the first sentence's `segment` event (the source as shown beside its translation).
 */
export async function translateWithPhrasebook(
  text: string,
  options: Omit<DocumentOptions, 'translateSentences' | 'onEvent'>,
  known: Record<string, string> = {},
) {
  const { calls, translate } = phrasebookModel(known);
  const events: TranslateEvent[] = [];
  const result = await translateDocument(text, {
    ...options,
    translateSentences: translate,
    onEvent: (event) => events.push(event),
  });
  return { calls, text: result.text, segment: events.find((event) => event.type === 'segment') };
}
