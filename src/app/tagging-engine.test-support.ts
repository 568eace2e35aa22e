import type { TranslateEvent, TranslateRequest } from '../engine/types';

/**
 * An engine that "translates" by tagging each sentence with the model id, streaming as the real one does: a
 * token event, then the finished segment (marked unsure when the sentence starts with "Odd"), then the stats.
 */
export function taggingEngine(tokensPerCall = 5) {
  const calls: TranslateRequest[] = [];
  return {
    calls,
    async translate(request: TranslateRequest, onEvent: (event: TranslateEvent) => void) {
      calls.push(request);
      const sentences = request.text.split(/(?<=\.) /u);
      const translated = sentences.map((sentence, segment) => {
        const translation = `${request.modelId}(${sentence})`;
        onEvent({ type: 'token', segment, text: translation.slice(0, 3) });
        onEvent({
          type: 'segment',
          segment,
          source: sentence,
          translation,
          done: segment + 1,
          total: sentences.length,
          ...(sentence.startsWith('Odd') ? { unsure: true } : {}),
        });
        return translation;
      });
      onEvent({ type: 'stats', tokens: tokensPerCall, seconds: 0.5, backend: 'webgpu' });
      return { text: translated.join(' '), tokens: tokensPerCall, seconds: 0.5, backend: 'webgpu' as const };
    },
  };
}
