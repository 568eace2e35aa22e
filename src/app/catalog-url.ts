/** Where the bundled catalog lives, relative to the app's base URL. */
export const DEFAULT_CATALOG = 'models/catalog.json';

/**
 * The catalog URL as an absolute URL (the worker fetches it, and relative model URLs resolve against it).
 * `?catalog=URL` overrides the bundled catalog, e.g. `?catalog=/fixtures/models/catalog.json` in tests or a
 * catalog on another host. `appBase` is Vite's base (`/` unless the app is deployed under a path).
 */
export function catalogUrl(location: { href: string; search: string }, appBase = '/'): string {
  const override = new URLSearchParams(location.search).get('catalog');
  if (override) return new URL(override, location.href).href;
  return new URL(DEFAULT_CATALOG, new URL(appBase, location.href)).href;
}
