/**
 * One-line repository for the browser (worker or page): catalog over fetch, files in Cache Storage.
 *
 *   const repository = await createBrowserModelRepository(new URL('models/catalog.json', location.href).href);
 */
import { loadCatalog } from '../catalog';
import { CacheStorageStore } from '../store/cache-storage-store';
import type { ModelStore } from '../store/model-store';
import { createModelRepository } from './model-repository';
import type { ModelRepository } from './repository';

export interface BrowserRepositoryOptions {
  fetch?: typeof fetch;
  store?: ModelStore;
  signal?: AbortSignal;
}

export async function createBrowserModelRepository(
  catalogUrl: string,
  options: BrowserRepositoryOptions = {},
): Promise<ModelRepository> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const plainFetch: typeof fetch = (input, init) => fetchImpl(input, init);
  const catalog = await loadCatalog(catalogUrl, plainFetch, options.signal);
  return createModelRepository({
    catalog,
    store: options.store ?? new CacheStorageStore(),
    fetch: plainFetch,
  });
}
