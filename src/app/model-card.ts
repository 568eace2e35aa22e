import type { CatalogModel } from '../engine/types';

const CARD_FILE = 'MODEL_CARD.md';

/**
 * Where a bundled model's card is: beside its files, as the catalog's descriptions refer to it. Remote models
 * have their cards on their host's own pages, so none is offered for them.
 */
export function modelCardUrl(model: CatalogModel): string | null {
  if (model.remote || !model.description?.includes(CARD_FILE)) return null;
  try {
    return new URL(CARD_FILE, model.baseUrl).href;
  } catch {
    return null;
  }
}

/** The card's text, or why it could not be read; never thrown, so a dialog can always show something. */
export async function readModelCard(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ text: string } | { error: string }> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) return { error: `The model card could not be loaded (HTTP ${response.status}).` };
    return { text: await response.text() };
  } catch {
    return { error: 'The model card could not be loaded. Check your connection and try again.' };
  }
}
