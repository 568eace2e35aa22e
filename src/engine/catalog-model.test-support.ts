import type { CatalogModel } from './types';

/** A catalog entry for tests: a bundled translation model named after its id unless `fields` say otherwise. */
export function catalogModel(fields: Partial<CatalogModel> & { id: string }): CatalogModel {
  return {
    name: fields.id,
    task: 'translation',
    baseUrl: `${fields.id}/`,
    files: [],
    license: 'MIT',
    attribution: 'test',
    ...fields,
  };
}
