import { directModels, routesAmong, type TranslationRoute } from '../engine/translation-routes';
import type { Catalog, CatalogModel } from '../engine/types';

export {
  findRoute,
  sourceLanguages,
  targetLanguages,
  type TranslationRoute,
} from '../engine/translation-routes';

/** A catalog made only of test fixtures (used by the browser tests); anywhere else fixtures are never offered. */
export function isTestCatalog(catalog: Catalog): boolean {
  return catalog.models.length > 0 && catalog.models.every((model) => model.fixture === true);
}

/** Models the user may see and use: fixtures only when the whole catalog is a test catalog. */
export function visibleModels(catalog: Catalog): CatalogModel[] {
  const test = isTestCatalog(catalog);
  return catalog.models.filter((model) => test || !model.fixture);
}

/** Every model of the catalog the user may use that translates `source` → `target` directly, preferred first. */
export function modelsForPair(
  catalog: Catalog,
  source: string,
  target: string,
  chosenModelIds: readonly string[] = [],
): CatalogModel[] {
  return directModels(visibleModels(catalog), source, target, chosenModelIds);
}

/** Every language pair the catalog can translate for the user, direct models first, then through English. */
export function translationRoutes(
  catalog: Catalog,
  chosenModelIds: readonly string[] = [],
): TranslationRoute[] {
  return routesAmong(visibleModels(catalog), chosenModelIds);
}
