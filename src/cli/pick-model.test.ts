import { describe, expect, it } from 'vitest';
import { catalogModel } from '../engine/catalog-model.test-support';
import type { Catalog } from '../engine/types';
import type { TranslationRoute } from '../engine/translation-routes';
import { pickTranslationRoute, type ModelChoice } from './pick-model';

const CATALOG_URL = 'file:///app/public/models/catalog.json';

const model = catalogModel;

const ids = (route: TranslationRoute) => route.models.map((one) => one.id);

const catalog: Catalog = {
  version: 1,
  models: [
    model({
      id: 'remote-en-es',
      source: 'en',
      target: 'es',
      remote: true,
      baseUrl: 'https://host/opus-mt-en-es/',
    }),
    model({ id: 'lexlet-en-es', source: 'en', target: 'es' }),
    model({ id: 'lexlet-es-en', source: 'es', target: 'en' }),
    model({ id: 'fixture-en-fr', source: 'en', target: 'fr', fixture: true }),
    model({ id: 'clauses', task: 'contract-clauses', labels: ['a'] }),
  ],
};

describe('pickTranslationRoute', () => {
  it('prefers a bundled model for the pair', () => {
    expect(
      ids(pickTranslationRoute(catalog, CATALOG_URL, { from: 'en', to: 'es', allowFixtures: false })),
    ).toEqual(['lexlet-en-es']);
  });

  it('finds a model by id or by the URL of its files', () => {
    expect(
      ids(pickTranslationRoute(catalog, CATALOG_URL, { model: 'lexlet-es-en', allowFixtures: false })),
    ).toEqual(['lexlet-es-en']);
    const byUrl = pickTranslationRoute(catalog, CATALOG_URL, {
      model: 'https://host/opus-mt-en-es',
      allowFixtures: false,
    });
    expect(ids(byUrl)).toEqual(['remote-en-es']);
  });

  it('keeps the bundled model for a pair the Hugging Face models also cover, unless one is named', () => {
    const withHub: Catalog = {
      version: 1,
      models: [
        model({
          id: 'Xenova/opus-mt-en-es',
          source: 'en',
          target: 'es',
          remote: true,
          baseUrl: 'https://huggingface.co/Xenova/opus-mt-en-es/resolve/main/',
        }),
        ...catalog.models,
      ],
    };
    const pick = (choice: Partial<ModelChoice>) =>
      ids(pickTranslationRoute(withHub, CATALOG_URL, { allowFixtures: false, ...choice })).join();
    expect(pick({ from: 'en', to: 'es' })).toBe('lexlet-en-es');
    expect(pick({ model: 'Xenova/opus-mt-en-es' })).toBe('Xenova/opus-mt-en-es');
    expect(pick({ model: 'Xenova/opus-mt-en-es', from: 'en', to: 'es' })).toBe('Xenova/opus-mt-en-es');
    expect(pick({ model: 'https://huggingface.co/Xenova/opus-mt-en-es/resolve/main' })).toBe(
      'Xenova/opus-mt-en-es',
    );
  });

  it('names the pairs it has when the pair is unknown', () => {
    expect(() =>
      pickTranslationRoute(catalog, CATALOG_URL, { from: 'en', to: 'de', allowFixtures: false }),
    ).toThrow('No model translates en→de, directly or through English. Available pairs: en→es, es→en.');
  });

  it('translates through English when no model covers the pair, a bundled leg before a remote one', () => {
    const route = pickTranslationRoute(catalog, CATALOG_URL, { from: 'es', to: 'fr', allowFixtures: true });
    expect(ids(route)).toEqual(['lexlet-es-en', 'fixture-en-fr']);
    expect(route.viaEnglish).toBe(true);
    expect(() =>
      pickTranslationRoute(catalog, CATALOG_URL, { from: 'es', to: 'fr', allowFixtures: false }),
    ).toThrow('No model translates es→fr');
    const withFrench: Catalog = {
      version: 1,
      models: [...catalog.models, model({ id: 'lexlet-fr-en', source: 'fr', target: 'en' })],
    };
    const listed = () =>
      pickTranslationRoute(withFrench, CATALOG_URL, { from: 'de', to: 'fr', allowFixtures: false });
    expect(listed).toThrow('Available pairs: en→es, es→en, fr→en; through English: fr→es.');
  });

  it('offers test fixtures only when asked to', () => {
    const choice = { from: 'en', to: 'fr' };
    expect(() => pickTranslationRoute(catalog, CATALOG_URL, { ...choice, allowFixtures: false })).toThrow(
      /en→fr/,
    );
    expect(ids(pickTranslationRoute(catalog, CATALOG_URL, { ...choice, allowFixtures: true }))).toEqual([
      'fixture-en-fr',
    ]);
  });

  it('refuses a model whose languages contradict --from/--to, and non-translation models', () => {
    expect(() =>
      pickTranslationRoute(catalog, CATALOG_URL, {
        model: 'lexlet-es-en',
        from: 'en',
        to: 'es',
        allowFixtures: false,
      }),
    ).toThrow(/translates es→en/);
    expect(() =>
      pickTranslationRoute(catalog, CATALOG_URL, { model: 'clauses', allowFixtures: false }),
    ).toThrow(/No translation model "clauses"/);
  });
});
