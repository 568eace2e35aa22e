import { useCallback, useRef, useState } from 'react';
import { isAbortError } from '../../engine/errors';
import type { CatalogModel, DocumentTags } from '../../engine/types';
import { useEngine } from '../engine-context';
import { errorMessage } from '../error-message';
import { CANDIDATE_FLOOR } from './clauses';
import type { ReviewKind } from './review-kind';
import { readStoredReview, writeStoredReview } from './stored-review';

export type ReviewRun =
  | { phase: 'idle' }
  | { phase: 'downloading'; model: CatalogModel }
  | { phase: 'tagging'; done: number; total: number };

/** A finished review: the text exactly as tagged (offsets point into it) and what the model found. */
export interface ReviewResult {
  /** Counts the reviews of this page, so each result is told apart from the one before. */
  id: number;
  text: string;
  name: string;
  kind: ReviewKind;
  model: CatalogModel;
  tags: DocumentTags;
  seconds: number;
}

export interface ReviewRequest {
  text: string;
  name: string;
  kind: ReviewKind;
  model: CatalogModel;
}

/**
 * Downloads the model when needed, tags the document with progress, and keeps the last result (across reloads
 * too). A cancel is the user's choice, not a failure: it is reported as `cancelled`, and the last result stays.
 */
export function useReviewRun() {
  const { engine, statuses, download, cancelDownload, refreshBackend } = useEngine();
  const [run, setRun] = useState<ReviewRun>({ phase: 'idle' });
  const [result, setResult] = useState<ReviewResult | null>(readStoredReview);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const downloadingModel = useRef<string | null>(null);
  const reviews = useRef(result?.id ?? 0);

  const start = useCallback(
    async (request: ReviewRequest) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setError(null);
      setCancelled(false);
      try {
        if (statuses[request.model.id]?.state !== 'ready') {
          setRun({ phase: 'downloading', model: request.model });
          downloadingModel.current = request.model.id;
          const ready = await download(request.model.id);
          downloadingModel.current = null;
          if (abort.signal.aborted) {
            setCancelled(true);
            return;
          }
          if (!ready) {
            setError(`${request.model.name} could not be downloaded, so the document was not reviewed.`);
            return;
          }
        }
        setRun({ phase: 'tagging', done: 0, total: 0 });
        const started = performance.now();
        // Progress comes over its own message port, so a last report can arrive after the result: once the
        // result is in, late reports must not put the page back into "reviewing".
        let settled = false;
        const tags = await engine
          .tagDocument(
            { modelId: request.model.id, text: request.text, candidateFloor: CANDIDATE_FLOOR },
            ({ done, total }) => {
              if (!abort.signal.aborted && !settled) setRun({ phase: 'tagging', done, total });
            },
            abort.signal,
          )
          .finally(() => (settled = true));
        const seconds = (performance.now() - started) / 1000;
        reviews.current += 1;
        const finished = { ...request, id: reviews.current, tags, seconds };
        setResult(finished);
        writeStoredReview(finished);
      } catch (caught) {
        if (abort.signal.aborted && isAbortError(caught)) setCancelled(true);
        else setError(errorMessage(caught));
      } finally {
        controller.current = null;
        downloadingModel.current = null;
        setRun({ phase: 'idle' });
        void refreshBackend();
      }
    },
    [engine, statuses, download, refreshBackend],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    if (downloadingModel.current) cancelDownload(downloadingModel.current);
  }, [cancelDownload]);

  return { run, result, error, cancelled, start, cancel, clearError: () => setError(null) };
}
