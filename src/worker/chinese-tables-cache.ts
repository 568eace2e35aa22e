/**
 * OpenCC's Simplified → Traditional tables (opencc-js `cn2t`, 1.1 MB of script, 0.4 MB compressed) are not in the
 * service worker's precache: only a translation into Traditional Chinese needs them. The service worker keeps them
 * here on first use and answers from here, so that writing Traditional Chinese works offline after that.
 */
export const CHINESE_TABLES_CACHE = 'lexlet-chinese-tables';

/** The tables' chunk, as Vite emits it (`cn2t-HASH.js`). */
export function isChineseTablesChunk(pathname: string): boolean {
  return /\/cn2t-[^/]*\.js$/u.test(pathname);
}

/**
 * The tables from the cache, else from the network, then kept (the copies of earlier app versions, each under
 * another hashed name, dropped). A failed download is passed on and not kept.
 */
export async function chineseTables(
  request: Request,
  storage: CacheStorage,
  download: (request: Request) => Promise<Response> = fetch,
): Promise<Response> {
  const cache = await storage.open(CHINESE_TABLES_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await download(request);
  if (response.ok) {
    for (const earlier of await cache.keys()) await cache.delete(earlier);
    await cache.put(request, response.clone());
  }
  return response;
}
