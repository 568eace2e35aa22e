import { useState } from 'react';
import type { TranslationStats } from '../translate-status';
import { estimateSecondsLeft, measureProgress, type DocumentProgress } from './document-progress';
import type { OpenedDocument } from './read-document';
import { translateParagraphs, type TranslateParagraph } from './translate-paragraphs';

/** The paragraph being translated: its partial output and the share of it done. */
export interface RunningParagraph {
  index: number;
  partial: string;
  fraction: number;
}

/** Translations belong to one document and one language pair; another of either starts afresh. */
interface Translations {
  document: OpenedDocument | null;
  routeKey: string;
  items: (string | undefined)[];
  /** Totals of the last run that translated anything. */
  stats: TranslationStats | null;
}

export interface DocumentTranslation {
  /** Translation per paragraph index; undefined where not translated yet. */
  translations: readonly (string | undefined)[];
  running: RunningParagraph | null;
  progress: DocumentProgress;
  /** Estimated seconds left while running; null while there is no rate yet. */
  secondsLeft: number | null;
  complete: boolean;
  /** Totals of the last run that translated anything. */
  stats: TranslationStats | null;
  /** Translates the paragraphs not yet translated; rejects (keeping what is done) on failure or cancel. */
  translate: (translateParagraph: TranslateParagraph, signal: AbortSignal) => Promise<void>;
}

const NO_PARAGRAPHS: string[] = [];
const NO_TRANSLATIONS: (string | undefined)[] = [];

export function useDocumentTranslation(
  document: OpenedDocument | null,
  routeKey: string,
): DocumentTranslation {
  const [state, setState] = useState<Translations>({ document: null, routeKey: '', items: [], stats: null });
  const [running, setRunning] = useState<RunningParagraph | null>(null);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const current = state.document === document && state.routeKey === routeKey;
  const translations = current ? state.items : NO_TRANSLATIONS;
  const paragraphs = document?.paragraphs ?? NO_PARAGRAPHS;
  const progress = measureProgress(paragraphs, translations, running ?? undefined);
  const complete = paragraphs.length > 0 && progress.paragraphsDone === paragraphs.length;

  const translate = async (translateParagraph: TranslateParagraph, signal: AbortSignal) => {
    if (!document) return;
    const items = [...translations];
    const stats = current ? state.stats : null;
    const clock = {
      startedAt: performance.now(),
      charactersAtStart: measureProgress(document.paragraphs, items).charactersDone,
    };
    const estimate = (now?: RunningParagraph) =>
      setSecondsLeft(
        estimateSecondsLeft(measureProgress(document.paragraphs, items, now), clock, performance.now()),
      );
    setSecondsLeft(null);
    try {
      const summary = await translateParagraphs(
        document.paragraphs,
        items,
        translateParagraph,
        {
          onStart: (index) => setRunning({ index, partial: '', fraction: 0 }),
          onPartial: (index, partial) =>
            setRunning((now) => ({ index, partial, fraction: now?.fraction ?? 0 })),
          onFraction: (index, fraction) => {
            setRunning((now) => ({ index, partial: now?.partial ?? '', fraction }));
            estimate({ index, partial: '', fraction });
          },
          onDone: (index, translation) => {
            items[index] = translation;
            setState({ document, routeKey, items: [...items], stats });
            setRunning(null);
            estimate();
          },
        },
        signal,
      );
      const { backend } = summary;
      if (backend) {
        setState({
          document,
          routeKey,
          items,
          stats: { tokens: summary.tokens, seconds: summary.seconds, backend },
        });
      }
    } finally {
      setRunning(null);
      setSecondsLeft(null);
    }
  };

  return {
    translations,
    running,
    progress,
    secondsLeft,
    complete,
    stats: current ? state.stats : null,
    translate,
  };
}
