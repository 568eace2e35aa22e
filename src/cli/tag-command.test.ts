import { describe, expect, it } from 'vitest';
import { catalogModel } from '../engine/catalog-model.test-support';
import type { Catalog, CatalogModel } from '../engine/types';
import { taggingModel } from './tag-command';

const model = (fields: Partial<CatalogModel> & { id: string }) =>
  catalogModel({ task: 'unfair-tos', ...fields });

const catalog: Catalog = {
  version: 1,
  models: [
    model({ id: 'remote-tos', remote: true, baseUrl: 'https://host/tos/' }),
    model({ id: 'hashed-tos' }),
    model({ id: 'encoder-tos' }),
    model({ id: 'cuad', task: 'contract-clauses' }),
    model({ id: 'fixture-tos', fixture: true }),
  ],
};

describe('taggingModel', () => {
  it('defaults to the first bundled model of the task', () => {
    expect(taggingModel(catalog, 'unfair-tos', false)?.id).toBe('hashed-tos');
    expect(taggingModel(catalog, 'contract', false)?.id).toBe('cuad');
    expect(taggingModel({ version: 1, models: [] }, 'contract', false)).toBeNull();
  });

  it('takes the model the user names, if it does that task', () => {
    expect(taggingModel(catalog, 'unfair-tos', false, 'encoder-tos')?.id).toBe('encoder-tos');
    expect(() => taggingModel(catalog, 'unfair-tos', false, 'cuad')).toThrow(
      'No unfair-tos model is called cuad. Available: remote-tos, hashed-tos, encoder-tos.',
    );
    expect(() => taggingModel(catalog, 'unfair-tos', false, 'fixture-tos')).toThrow(/fixture-tos/);
    expect(taggingModel(catalog, 'unfair-tos', true, 'fixture-tos')?.id).toBe('fixture-tos');
  });
});
