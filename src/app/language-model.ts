import { useEffect, useState } from 'react';
import { LexletError } from '../engine/errors';
import { LANGUAGE_MODEL_PATH, parseLanguageModel, type LanguageModel } from '../engine/langid';

let loading: Promise<LanguageModel> | null = null;

/**
 * The language identifier shipped with the app (precached by the service worker, so it works offline), fetched
 * once per page. A failed fetch is forgotten, so the next page to ask tries again.
 */
export function loadLanguageModel(url: string, fetchImpl: typeof fetch = fetch): Promise<LanguageModel> {
  loading ??= fetchImpl(url).then(async (response) => {
    if (!response.ok)
      throw new LexletError(
        'network',
        `The language detector could not be loaded (HTTP ${response.status}).`,
      );
    return parseLanguageModel(await response.json());
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export type LanguageModelState = { model: LanguageModel | null; failed: boolean };

export function useLanguageModel(): LanguageModelState {
  const [state, setState] = useState<LanguageModelState>({ model: null, failed: false });
  useEffect(() => {
    let live = true;
    const url = new URL(LANGUAGE_MODEL_PATH, new URL(import.meta.env.BASE_URL, window.location.href)).href;
    loadLanguageModel(url).then(
      (model) => live && setState({ model, failed: false }),
      () => live && setState({ model: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
