import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogModel } from '../../engine/types';
import { taggingModelFor, taggingModelsFor } from './tagging-model';

const model = (id: string, task: CatalogModel['task'], extra: Partial<CatalogModel> = {}): CatalogModel => ({
  id,
  name: id,
  task,
  baseUrl: `https://example.org/${id}/`,
  files: [{ path: 'model.onnx', size: 1, sha256: '0'.repeat(64) }],
  license: 'test',
  attribution: 'test',
  ...extra,
});

describe('taggingModelFor', () => {
  it('picks the model for the kind, bundled before remote', () => {
    const catalog: Catalog = {
      version: 1,
      models: [
        model('remote-cuad', 'contract-clauses', { remote: true }),
        model('cuad', 'contract-clauses'),
        model('tos', 'unfair-tos'),
        model('en-es', 'translation', { source: 'en', target: 'es' }),
      ],
    };
    expect(taggingModelFor(catalog, 'contract')?.id).toBe('cuad');
    expect(taggingModelFor(catalog, 'tos')?.id).toBe('tos');
  });

  it("prefers a bundled model trained on the text's language, the most specialised first", () => {
    const catalog: Catalog = {
      version: 1,
      models: [
        model('tos-en', 'unfair-tos'),
        model('tos-multi', 'unfair-tos', { languages: ['en', 'de', 'it', 'pl'] }),
        model('tos-fr-remote', 'unfair-tos', { languages: ['fr'], remote: true }),
      ],
    };
    expect(taggingModelFor(catalog, 'tos', [], 'en')?.id).toBe('tos-en');
    expect(taggingModelFor(catalog, 'tos', [], 'de')?.id).toBe('tos-multi');
    expect(taggingModelFor(catalog, 'tos', [], 'fr')?.id).toBe('tos-fr-remote');
    expect(taggingModelFor(catalog, 'tos', [], 'zh')?.id).toBe('tos-en');
    expect(taggingModelFor(catalog, 'tos')?.id).toBe('tos-en');
    expect(taggingModelFor(catalog, 'tos', ['tos-en'], 'de')?.id).toBe('tos-en');
  });

  it('offers no fixture in a real catalog, and none when the task has no model', () => {
    const catalog: Catalog = {
      version: 1,
      models: [
        model('fixture-cuad', 'contract-clauses', { fixture: true }),
        model('en-es', 'translation', { source: 'en', target: 'es' }),
      ],
    };
    expect(taggingModelFor(catalog, 'contract')).toBeNull();
    expect(taggingModelFor(catalog, 'tos')).toBeNull();
  });

  it("follows the user's choice among the models of the kind, and only there", () => {
    const catalog: Catalog = {
      version: 1,
      models: [
        model('tos-hashed', 'unfair-tos'),
        model('tos-encoder', 'unfair-tos'),
        model('cuad', 'contract-clauses'),
      ],
    };
    expect(taggingModelsFor(catalog, 'tos').map((m) => m.id)).toEqual(['tos-hashed', 'tos-encoder']);
    expect(taggingModelFor(catalog, 'tos', ['tos-encoder'])?.id).toBe('tos-encoder');
    expect(taggingModelFor(catalog, 'contract', ['tos-encoder'])?.id).toBe('cuad');
    expect(taggingModelFor(catalog, 'tos', ['gone'])?.id).toBe('tos-hashed');
  });
});
