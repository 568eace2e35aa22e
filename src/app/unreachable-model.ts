import { LexletError } from '../engine/errors';
import type { Catalog, CatalogModel } from '../engine/types';
import { remoteSourceName } from './components/download-text';
import { visibleModels } from './language-routes';
import { parseStoredIds } from './stored-ids';

/** A model of the same pair whose files the app serves itself, to offer when a remote host cannot be reached. */
export function bundledAlternative(catalog: Catalog, model: CatalogModel): CatalogModel | null {
  if (!model.remote) return null;
  return (
    visibleModels(catalog).find(
      (other) =>
        !other.remote &&
        other.task === model.task &&
        other.source === model.source &&
        other.target === model.target,
    ) ?? null
  );
}

/** Whether a download failed because the model's host never answered (as opposed to an HTTP error). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof LexletError && error.code === 'unreachable';
}

/** "Could not reach Hugging Face to download …", with the way out that exists for this model. */
export function unreachableText(model: CatalogModel, bundled: CatalogModel | null): string {
  const advice = bundled
    ? 'Check your connection, or use the bundled model.'
    : 'Check your connection and try again.';
  return `Could not reach ${remoteSourceName(model)} to download ${model.name}. ${advice}`;
}

/** "Using the bundled … model: … could not be reached last time." */
export function fallbackNotice(remote: CatalogModel, bundled: CatalogModel): string {
  return `Using the bundled model (${bundled.name}): ${remoteSourceName(remote)} could not be reached last time for ${remote.name}.`;
}

/** The remote models whose host could not be reached, as stored (a JSON array of ids). */
export function parseUnreachable(stored: string | null): string[] {
  return parseStoredIds(stored);
}
