import { describe, expect, it } from 'vitest';
import { CHINESE_TABLES_CACHE, chineseTables, isChineseTablesChunk } from './chinese-tables-cache';

/** A Cache Storage stand-in holding responses by URL. */
function fakeCaches(stored: Record<string, string> = {}) {
  const entries = new Map(Object.entries(stored).map(([url, body]) => [url, new Response(body)]));
  const opened: string[] = [];
  const cache = {
    match: async (request: Request) => entries.get(request.url)?.clone(),
    keys: async () => [...entries.keys()].map((url) => new Request(url)),
    delete: async (request: Request) => entries.delete(request.url),
    put: async (request: Request, response: Response) => void entries.set(request.url, response),
  };
  const storage = {
    open: async (name: string) => {
      opened.push(name);
      return cache;
    },
  } as unknown as CacheStorage;
  return { storage, entries, opened };
}

const URL_NOW = 'https://lexlet.test/assets/cn2t-NEW.js';

describe('the Chinese tables cache', () => {
  it('recognises the tables chunk only', () => {
    expect(isChineseTablesChunk('/assets/cn2t-Dj0Mm1HJ.js')).toBe(true);
    expect(isChineseTablesChunk('/assets/t2cn-DrdP_d7t.js')).toBe(false);
    expect(isChineseTablesChunk('/assets/cn2t-Dj0Mm1HJ.js.map')).toBe(false);
  });

  it('answers from the cache without downloading', async () => {
    const { storage, opened } = fakeCaches({ [URL_NOW]: 'tables' });
    const response = await chineseTables(new Request(URL_NOW), storage, () => {
      throw new Error('offline');
    });
    expect(await response.text()).toBe('tables');
    expect(opened).toEqual([CHINESE_TABLES_CACHE]);
  });

  it("downloads once, keeps this version's copy and drops an earlier one", async () => {
    const { storage, entries } = fakeCaches({ 'https://lexlet.test/assets/cn2t-OLD.js': 'old' });
    const response = await chineseTables(new Request(URL_NOW), storage, async () => new Response('new'));
    expect(await response.text()).toBe('new');
    expect([...entries.keys()]).toEqual([URL_NOW]);
  });

  it('passes a failed download on and keeps nothing', async () => {
    const { storage, entries } = fakeCaches();
    const response = await chineseTables(
      new Request(URL_NOW),
      storage,
      async () => new Response('', { status: 503 }),
    );
    expect(response.status).toBe(503);
    expect(entries.size).toBe(0);
  });
});
