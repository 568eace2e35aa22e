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
 * before a remote one — among those, one trained on the text's `language` (when it is known), the most specialised
 * first (an English model for English text, a multilingual one for German); null when none is offered.
 */
export function taggingModelFor(
  catalog: Catalog,
  kind: ReviewKind,
  chosen: readonly string[] = [],
  language?: string,
): CatalogModel | null {
  const models = taggingModelsFor(catalog, kind);
  const picked = models.find((model) => chosen.includes(model.id));
  if (picked) return picked;
  const bundled = models.filter((model) => !model.remote);
  const speakers = (pool: CatalogModel[]) =>
    language === undefined
      ? []
      : pool
          .filter((model) => (model.languages ?? ['en']).includes(language))
          .sort((a, b) => (a.languages?.length ?? 1) - (b.languages?.length ?? 1));
  return speakers(bundled)[0] ?? speakers(models)[0] ?? bundled[0] ?? models[0] ?? null;
}
