import type { CatalogModel } from './types';

/** One way to translate from `source` to `target`: a direct model, or two through English. */
export interface TranslationRoute {
  source: string;
  target: string;
  /** Models to run in order; the output of one is the input of the next. */
  models: CatalogModel[];
  viaEnglish: boolean;
}

const PIVOT = 'en';

interface Translator {
  model: CatalogModel;
  source: string;
  target: string;
}

/**
 * Which of several models for one pair a route uses: one the user chose, else a bundled one (served with the
 * app, so it works wherever the app does, and offline), else a remote one; catalog order breaks ties.
 */
function rank(model: CatalogModel, chosen: ReadonlySet<string>): number {
  if (chosen.has(model.id)) return 0;
  return model.remote ? 2 : 1;
}

function translatorsOf(models: readonly CatalogModel[], chosen: ReadonlySet<string>): Translator[] {
  const translators: Translator[] = models.flatMap((model) =>
    model.task === 'translation' && model.source && model.target && model.source !== model.target
      ? [{ model, source: model.source, target: model.target }]
      : [],
  );
  // Array.prototype.sort is stable, so catalog order stays within a rank.
  return translators.sort((a, b) => rank(a.model, chosen) - rank(b.model, chosen));
}

/** Every model among `models` that translates `source` → `target` directly, in the order routes prefer them. */
export function directModels(
  models: readonly CatalogModel[],
  source: string,
  target: string,
  chosenModelIds: readonly string[] = [],
): CatalogModel[] {
  return translatorsOf(models, new Set(chosenModelIds))
    .filter((translator) => translator.source === source && translator.target === target)
    .map((translator) => translator.model);
}

/**
 * Every language pair `models` can translate, direct models first, then pairs through English. Where several
 * models translate one pair, a route uses one of `chosenModelIds` (the user's pick), else a bundled model, else a
 * remote one.
 */
export function routesAmong(
  models: readonly CatalogModel[],
  chosenModelIds: readonly string[] = [],
): TranslationRoute[] {
  const translators = translatorsOf(models, new Set(chosenModelIds));
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
  routes: readonly TranslationRoute[],
  source: string,
  target: string,
): TranslationRoute | undefined {
  return routes.find((route) => route.source === source && route.target === target);
}

export function sourceLanguages(routes: readonly TranslationRoute[]): string[] {
  return [...new Set(routes.map((route) => route.source))];
}

export function targetLanguages(routes: readonly TranslationRoute[], source: string): string[] {
  return routes.filter((route) => route.source === source).map((route) => route.target);
}
