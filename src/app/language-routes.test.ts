import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogModel } from '../engine/types';
import {
  findRoute,
  isTestCatalog,
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
