import { LexletError } from '../engine/errors';
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

function pairs(models: CatalogModel[]): string {
  const names = models.map((model) => `${model.source}→${model.target}`);
  return names.length ? [...new Set(names)].join(', ') : 'none';
}

/** The translation model for the request, or an error that says what the catalog does offer. */
export function pickTranslationModel(
  catalog: Catalog,
  catalogUrl: string,
  choice: ModelChoice,
): CatalogModel {
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
    return model;
  }
  const matching = translation.filter((model) => model.source === choice.from && model.target === choice.to);
  // Bundled models come first: they work offline.
  const model = matching.find((candidate) => !candidate.remote) ?? matching[0];
  if (!model) {
    throw new LexletError(
      'unsupported-pair',
      `No model translates ${choice.from}→${choice.to}. Available pairs: ${pairs(translation)}.`,
    );
  }
  return model;
}
