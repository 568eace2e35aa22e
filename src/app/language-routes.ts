import type { Catalog, CatalogModel } from '../engine/types';

/** One way to translate from `source` to `target`: a direct model, or two through English. */
export interface TranslationRoute {
  source: string;
  target: string;
  /** Models to run in order; the output of one is the input of the next. */
  models: CatalogModel[];
  viaEnglish: boolean;
}

const PIVOT = 'en';

/** A catalog made only of test fixtures (used by the browser tests); anywhere else fixtures are never offered. */
export function isTestCatalog(catalog: Catalog): boolean {
  return catalog.models.length > 0 && catalog.models.every((model) => model.fixture === true);
}

/** Models the user may see and use: fixtures only when the whole catalog is a test catalog. */
export function visibleModels(catalog: Catalog): CatalogModel[] {
  const test = isTestCatalog(catalog);
  return catalog.models.filter((model) => test || !model.fixture);
}

interface Translator {
  model: CatalogModel;
  source: string;
  target: string;
}

/** Every language pair the catalog can translate, direct models first, then pairs through English. */
export function translationRoutes(catalog: Catalog): TranslationRoute[] {
  const translators: Translator[] = visibleModels(catalog).flatMap((model) =>
    model.task === 'translation' && model.source && model.target && model.source !== model.target
      ? [{ model, source: model.source, target: model.target }]
      : [],
  );
  const routes: TranslationRoute[] = [];
  const covered = new Set<string>();
  for (const { model, source, target } of translators) {
    if (covered.has(`${source}>${target}`)) continue;
    covered.add(`${source}>${target}`);
    routes.push({ source, target, models: [model], viaEnglish: false });
  }
  const intoEnglish = translators.filter((translator) => translator.target === PIVOT);
  const fromEnglish = translators.filter((translator) => translator.source === PIVOT);
  for (const first of intoEnglish) {
    for (const second of fromEnglish) {
      const key = `${first.source}>${second.target}`;
      if (first.source === second.target || covered.has(key)) continue;
      covered.add(key);
      routes.push({
        source: first.source,
        target: second.target,
        models: [first.model, second.model],
        viaEnglish: true,
      });
    }
  }
  return routes;
}

export function findRoute(
  routes: TranslationRoute[],
  source: string,
  target: string,
): TranslationRoute | undefined {
  return routes.find((route) => route.source === source && route.target === target);
}

export function sourceLanguages(routes: TranslationRoute[]): string[] {
  return [...new Set(routes.map((route) => route.source))];
}

export function targetLanguages(routes: TranslationRoute[], source: string): string[] {
  return routes.filter((route) => route.source === source).map((route) => route.target);
}
