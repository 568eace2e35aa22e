import type { Catalog, CatalogModel, ModelTask } from '../../engine/types';
import { visibleModels } from '../language-routes';
import type { ReviewKind } from './review-kind';

const TASK: Record<ReviewKind, ModelTask> = { contract: 'contract-clauses', tos: 'unfair-tos' };

/** The model that reviews a kind of document: a bundled one before a remote one; null when none is offered. */
export function taggingModelFor(catalog: Catalog, kind: ReviewKind): CatalogModel | null {
  const models = visibleModels(catalog).filter((model) => model.task === TASK[kind]);
  return models.find((model) => !model.remote) ?? models[0] ?? null;
}
