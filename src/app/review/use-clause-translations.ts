import { useCallback, useState } from 'react';
import { useEngine } from '../engine-context';
import { errorMessage } from '../error-message';
import { glossaryForLeg } from '../../engine/translate/glossary/route-glossary';
import { readGlossary, usableTerms } from '../glossary/glossary-store';
import type { TranslationRoute } from '../language-routes';

export interface ClauseTranslation {
  state: 'downloading' | 'translating' | 'done' | 'failed';
  /** The translation so far (sentences arrive as they finish), or the error message when failed. */
  text: string;
  target: string;
}

export const translationKey = (start: number, end: number, target: string) => `${start}:${end}:${target}`;

/**
 * Translations of single clauses, kept per (clause, language) for as long as the review is shown, so a clause
 * scrolled out of view and back (the lists are virtualised) keeps its translation.
 */
export function useClauseTranslations() {
  const { engine, statuses, download } = useEngine();
  const [translations, setTranslations] = useState<Record<string, ClauseTranslation>>({});

  const put = (key: string, value: ClauseTranslation) =>
    setTranslations((current) => ({ ...current, [key]: value }));

  const translate = useCallback(
    /** `targetLocale`: the script a translation into Chinese is written in (zh-TW, zh-HK), else undefined. */
    async (key: string, text: string, route: TranslationRoute, targetLocale?: string) => {
      const target = targetLocale ?? route.target;
      try {
        for (const model of route.models) {
          if (statuses[model.id]?.state === 'ready') continue;
          put(key, { state: 'downloading', text: '', target });
          if (!(await download(model.id))) {
            put(key, { state: 'failed', text: `${model.name} could not be downloaded.`, target });
            return;
          }
        }
        put(key, { state: 'translating', text: '', target });
        let input = text;
        // The pair's glossary as the Translate page keeps it, read now so the latest edits count.
        const glossary = usableTerms(readGlossary(route.source, route.target));
        for (const [index, model] of route.models.entries()) {
          const last = index === route.models.length - 1;
          const sentences: string[] = [];
          const terms = glossary.length > 0 ? { glossary: glossaryForLeg(glossary, index) } : {};
          const written = last && targetLocale ? { targetLocale } : {};
          const request = { modelId: model.id, text: input, ...terms, ...written };
          const result = await engine.translate(request, (event) => {
            if (!last || event.type !== 'segment') return;
            sentences[event.segment] = event.translation;
            put(key, { state: 'translating', text: sentences.join(' '), target });
          });
          input = result.text;
        }
        put(key, { state: 'done', text: input, target });
      } catch (caught) {
        put(key, { state: 'failed', text: errorMessage(caught), target });
      }
    },
    [engine, statuses, download],
  );

  const reset = useCallback(() => setTranslations({}), []);

  return { translations, translate, reset };
}
