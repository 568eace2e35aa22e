import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import type { Catalog, CatalogModel, ModelStatus } from '../engine/types';
import { listModels } from './models-command';

function model(fields: Partial<CatalogModel> & { id: string }): CatalogModel {
  return {
    name: fields.id,
    task: 'translation',
    source: 'en',
    target: 'es',
    baseUrl: `file:///app/public/models/${fields.id}/`,
    files: [{ path: 'model.onnx', size: 2_500_000, sha256: 'a'.repeat(64) }],
    license: 'MIT',
    attribution: 'test',
    remote: false,
    ...fields,
  };
}

const hub = (id: string) =>
  model({
    id,
    remote: true,
    baseUrl: `https://huggingface.co/${id}/resolve/main/`,
    files: [{ path: 'model.onnx', size: null, sha256: null }],
  });

/** listModels only asks the engine for statuses. */
function engineWith(statuses: ModelStatus[]): Engine {
  return { modelStatuses: async () => statuses } as unknown as Engine;
}

describe('listModels', () => {
  it('shows remote models as needing the internet, with their size once a download told it', async () => {
    const catalog: Catalog = {
      version: 1,
      models: [model({ id: 'lexlet-en-es' }), hub('Xenova/opus-mt-en-es'), hub('Xenova/opus-mt-en-de')],
    };
    const table = await listModels(
      engineWith([
        { id: 'lexlet-en-es', state: 'ready', cachedBytes: 2_500_000, totalBytes: 2_500_000 },
        { id: 'Xenova/opus-mt-en-es', state: 'absent', cachedBytes: 0, totalBytes: null },
        { id: 'Xenova/opus-mt-en-de', state: 'ready', cachedBytes: 51_000_000, totalBytes: 51_000_000 },
      ]),
      catalog,
    );
    const rows = table.split('\n');
    expect(rows[1]).toMatch(/^lexlet-en-es\s+translation\s+en→es\s+2\.5 MB\s+yes$/);
    expect(rows[2]).toMatch(
      /^Xenova\/opus-mt-en-es\s+translation\s+en→es\s+unknown\s+no\s+remote, needs internet to download$/,
    );
    expect(rows[3]).toMatch(/^Xenova\/opus-mt-en-de\s+translation\s+en→es\s+51\.0 MB\s+yes\s+remote$/);
  });
});
