/**
 * One-line repository for Node (the CLI): the catalog from a file path, file: URL or http(s) URL; bundled files
 * are read in place, remote ones cached under ~/.cache/lexlet/models.
 *
 *   const repository = await createNodeModelRepository('public/models/catalog.json');
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCatalog, parseCatalog } from '../catalog';
import { LexletError } from '../errors';
import { FsStore } from '../store/fs-store';
import type { ModelStore } from '../store/model-store';
import type { Catalog } from '../types';
import { createModelRepository } from './model-repository';
import type { ModelRepository } from './repository';

export interface NodeRepositoryOptions {
  /** Folder for downloaded files; defaults to $XDG_CACHE_HOME/lexlet/models or ~/.cache/lexlet/models. */
  cacheDir?: string;
  store?: ModelStore;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** A file system path or any URL becomes an absolute URL string. */
export function toCatalogUrl(location: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(location) ? location : pathToFileURL(resolve(location)).href;
}

async function readCatalogFile(url: string): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(fileURLToPath(url), 'utf8');
  } catch (error) {
    throw new LexletError('catalog-invalid', `Cannot read the model catalog ${url}.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LexletError('catalog-invalid', `Model catalog ${url} is not valid JSON.`, { cause: error });
  }
  return parseCatalog(json, url);
}

export async function createNodeModelRepository(
  catalogLocation: string,
  options: NodeRepositoryOptions = {},
): Promise<ModelRepository> {
  const url = toCatalogUrl(catalogLocation);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const catalog = url.startsWith('file:')
    ? await readCatalogFile(url)
    : await loadCatalog(url, fetchImpl, options.signal);
  const store = options.store ?? new FsStore(options.cacheDir ? { root: options.cacheDir } : {});
  return createModelRepository({ catalog, store, fetch: fetchImpl });
}
