import { useEffect, useRef } from 'react';
import type { CatalogModel } from '../../engine/types';
import { useEngine } from '../engine-context';

/**
 * Opens a tagging model that is already on the device as soon as the page shows, so the first review does not
 * wait for the runtime to start and the model to load (seconds on a slow device). Tagging an empty text opens
 * the model and tags nothing; a failure here is left for the review itself to report.
 */
export function useWarmTagger(model: CatalogModel | null, busy: boolean): void {
  const { engine, statuses } = useEngine();
  const warmed = useRef(new Set<string>());
  const ready = model ? statuses[model.id]?.state === 'ready' : false;

  useEffect(() => {
    if (!model || !ready || busy || warmed.current.has(model.id)) return;
    warmed.current.add(model.id);
    engine.tagDocument({ modelId: model.id, text: '' }, () => {}).catch(() => undefined);
  }, [engine, model, ready, busy]);
}
