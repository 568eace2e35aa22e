import { LexletError } from '../engine/errors';
import { findRoute, routesAmong, type TranslationRoute } from '../engine/translation-routes';
import type { Catalog, CatalogModel } from '../engine/types';

export interface ModelChoice {
  from?: string;
  to?: string;
  /** Catalog id, or the URL a catalog model's files live at. */
  model?: string;
  /** Test fixtures only count when the catalog was named explicitly. */
  allowFixtures: boolean;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/u, '') === b.replace(/\/+$/u, '');
}

function pairs(routes: TranslationRoute[]): string {
  const direct = routes.filter((route) => !route.viaEnglish);
  const pivoted = routes.filter((route) => route.viaEnglish);
  const names = (list: TranslationRoute[]) =>
    list.map((route) => `${route.source}→${route.target}`).join(', ');
  if (direct.length === 0) return 'none';
  return pivoted.length ? `${names(direct)}; through English: ${names(pivoted)}` : names(direct);
}

function directRoute(model: CatalogModel): TranslationRoute {
  return { source: model.source ?? '', target: model.target ?? '', models: [model], viaEnglish: false };
}

/**
 * The models that translate the request, in order: the named model; else a direct model for the pair (a bundled
 * one first: it works offline); else two through English, as the app does. Otherwise an error that says what the
 * catalog does offer.
 */
export function pickTranslationRoute(
  catalog: Catalog,
  catalogUrl: string,
  choice: ModelChoice,
): TranslationRoute {
  const translation = catalog.models.filter(
    (model) => model.task === 'translation' && (choice.allowFixtures || !model.fixture),
  );
  if (choice.model) {
    const wanted = choice.model;
    const model = translation.find(
      (candidate) => candidate.id === wanted || sameUrl(new URL(candidate.baseUrl, catalogUrl).href, wanted),
    );
    if (!model) {
      throw new LexletError(
        'model-unknown',
        `No translation model "${wanted}" in the catalog. Known: ${translation.map((m) => m.id).join(', ') || 'none'}.`,
      );
    }
    if ((choice.from && choice.from !== model.source) || (choice.to && choice.to !== model.target)) {
      throw new LexletError(
        'unsupported-pair',
        `Model ${model.id} translates ${model.source}→${model.target}, not ${choice.from ?? '?'}→${choice.to ?? '?'}.`,
      );
    }
    return directRoute(model);
  }
  const routes = routesAmong(translation);
  const route = findRoute(routes, choice.from ?? '', choice.to ?? '');
  if (!route) {
    throw new LexletError(
      'unsupported-pair',
      `No model translates ${choice.from}→${choice.to}, directly or through English. Available pairs: ${pairs(routes)}.`,
    );
  }
  return route;
}
