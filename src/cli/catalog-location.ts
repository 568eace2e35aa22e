import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The bundled catalog, next to the models it lists (read in place). */
export const DEFAULT_CATALOG_URL = new URL('../../public/models/catalog.json', import.meta.url).href;

/** A catalog given as a URL stays one; anything else is a path relative to the working directory. */
export function catalogUrl(location: string | undefined): string {
  if (!location) return DEFAULT_CATALOG_URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(location)) return location;
  return pathToFileURL(resolve(location)).href;
}

export function displayLocation(url: string): string {
  return url.startsWith('file:') ? fileURLToPath(url) : url;
}
