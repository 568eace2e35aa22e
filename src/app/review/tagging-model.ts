import type { Catalog, CatalogModel, ModelTask } from '../../engine/types';
import { visibleModels } from '../language-routes';
import type { ReviewKind } from './review-kind';

const TASK: Record<ReviewKind, ModelTask> = { contract: 'contract-clauses', tos: 'unfair-tos' };

/** Every model offered for reviewing a kind of document, in catalog order. */
export function taggingModelsFor(catalog: Catalog, kind: ReviewKind): CatalogModel[] {
  return visibleModels(catalog).filter((model) => model.task === TASK[kind]);
}

/**
 * The model that reviews a kind of document: the one the user chose (`chosen`, model ids), else a bundled one
 * before a remote one; null when none is offered.
 */
export function taggingModelFor(
  catalog: Catalog,
  kind: ReviewKind,
  chosen: readonly string[] = [],
): CatalogModel | null {
  const models = taggingModelsFor(catalog, kind);
  return (
    models.find((model) => chosen.includes(model.id)) ??
    models.find((model) => !model.remote) ??
    models[0] ??
    null
  );
}
