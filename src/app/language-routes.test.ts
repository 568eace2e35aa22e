import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogModel } from '../engine/types';
import {
  findRoute,
  isTestCatalog,
  modelsForPair,
  sourceLanguages,
  targetLanguages,
  translationRoutes,
  visibleModels,
} from './language-routes';

function translator(source: string, target: string, extra: Partial<CatalogModel> = {}): CatalogModel {
  return {
    id: `${source}-${target}`,
    name: `${source}→${target}`,
    task: 'translation',
    source,
    target,
    baseUrl: `${source}-${target}/`,
    files: [],
    license: 'CC-BY-4.0',
    attribution: 'test',
    ...extra,
  };
}

const catalog = (models: CatalogModel[]): Catalog => ({ version: 1, models });

describe('translationRoutes', () => {
  it('offers direct models', () => {
    const routes = translationRoutes(catalog([translator('en', 'es'), translator('es', 'en')]));
    expect(routes.map((route) => `${route.source}>${route.target}:${route.viaEnglish}`)).toEqual([
      'en>es:false',
      'es>en:false',
    ]);
  });

  it('pivots through English when both legs exist, preferring a direct model', () => {
    const routes = translationRoutes(
      catalog([
        translator('fr', 'en'),
        translator('en', 'es'),
        translator('en', 'de'),
        translator('fr', 'de'),
      ]),
    );
    const frEs = findRoute(routes, 'fr', 'es');
    expect(frEs?.viaEnglish).toBe(true);
    expect(frEs?.models.map((model) => model.id)).toEqual(['fr-en', 'en-es']);
    expect(findRoute(routes, 'fr', 'de')?.viaEnglish).toBe(false);
    expect(findRoute(routes, 'es', 'fr')).toBeUndefined();
  });

  it('uses the bundled model for a pair that also has a remote one, unless the user chose the remote one', () => {
    const remote = (source: string, target: string) =>
      translator(source, target, { id: `Xenova/opus-mt-${source}-${target}`, remote: true });
    // Remote entries listed first, to show that order is not what decides.
    const models = catalog([
      remote('en', 'es'),
      remote('de', 'en'),
      translator('en', 'es'),
      translator('es', 'en'),
      remote('es', 'en'),
    ]);
    const routes = translationRoutes(models);
    expect(findRoute(routes, 'en', 'es')?.models.map((model) => model.id)).toEqual(['en-es']);
    expect(findRoute(routes, 'es', 'en')?.models.map((model) => model.id)).toEqual(['es-en']);
    // A pair only a remote model covers still gets a route, and pivots use the bundled leg.
    expect(findRoute(routes, 'de', 'es')?.models.map((model) => model.id)).toEqual([
      'Xenova/opus-mt-de-en',
      'en-es',
    ]);

    const chosen = translationRoutes(models, ['Xenova/opus-mt-en-es']);
    expect(findRoute(chosen, 'en', 'es')?.models.map((model) => model.id)).toEqual(['Xenova/opus-mt-en-es']);
    expect(findRoute(chosen, 'es', 'en')?.models.map((model) => model.id)).toEqual(['es-en']);
    expect(findRoute(chosen, 'de', 'es')?.models.map((model) => model.id)).toEqual([
      'Xenova/opus-mt-de-en',
      'Xenova/opus-mt-en-es',
    ]);

    expect(modelsForPair(models, 'en', 'es').map((model) => model.id)).toEqual([
      'en-es',
      'Xenova/opus-mt-en-es',
    ]);
    expect(modelsForPair(models, 'en', 'es', ['Xenova/opus-mt-en-es']).map((model) => model.id)).toEqual([
      'Xenova/opus-mt-en-es',
      'en-es',
    ]);
  });

  it('never offers fixtures from a real catalog, nor non-translation models', () => {
    const routes = translationRoutes(
      catalog([
        translator('en', 'es', { fixture: true }),
        translator('es', 'en'),
        { ...translator('en', 'en'), id: 'tos', task: 'unfair-tos', source: undefined, target: undefined },
      ]),
    );
    expect(routes.map((route) => route.models[0]?.id)).toEqual(['es-en']);
  });

  it('offers fixtures when the whole catalog is a test catalog', () => {
    const test = catalog([translator('en', 'es', { fixture: true })]);
    expect(isTestCatalog(test)).toBe(true);
    expect(translationRoutes(test)).toHaveLength(1);
    expect(visibleModels(test)).toHaveLength(1);
  });

  it('lists source and target languages', () => {
    const routes = translationRoutes(
      catalog([translator('en', 'es'), translator('es', 'en'), translator('en', 'de')]),
    );
    expect(sourceLanguages(routes)).toEqual(['en', 'es']);
    expect(targetLanguages(routes, 'en')).toEqual(['es', 'de']);
  });
});

describe('isTestCatalog', () => {
  it('is false for an empty or mixed catalog', () => {
    expect(isTestCatalog(catalog([]))).toBe(false);
    expect(isTestCatalog(catalog([translator('en', 'es', { fixture: true }), translator('es', 'en')]))).toBe(
      false,
    );
  });
});
