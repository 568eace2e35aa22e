import type { CatalogModel } from '../engine/types';
import { parseStoredIds } from './stored-ids';

/** The models the user picked where several translate one pair, as stored (a JSON array of ids). */
export function parseChosenModels(stored: string | null): string[] {
  return parseStoredIds(stored);
}

/** The picks after choosing `modelId` among `pairModels`: it replaces any earlier pick for the same pair. */
export function chooseModel(
  chosen: readonly string[],
  pairModels: readonly CatalogModel[],
  modelId: string,
): string[] {
  const pair = new Set(pairModels.map((model) => model.id));
  return [...chosen.filter((id) => !pair.has(id)), modelId];
}
