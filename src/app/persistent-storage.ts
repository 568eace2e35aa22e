import type { ModelStatus, StorageInfo } from '../engine/types';

/** The part of `navigator.storage` used here; absent where the browser has none. */
export type PersistentStorage = Pick<StorageManager, 'persist'>;

/**
 * Asks the browser, once per page, to keep Lexlet's storage when space runs low, so that a stored model is not
 * evicted behind the user's back. Only the page may ask (`persist()` does not exist in the engine's worker), and
 * only once a model is stored: before that there is nothing to keep. Resolves with whether it asked.
 */
export function createPersistenceRequest(
  storage: PersistentStorage | undefined,
): (statuses: readonly ModelStatus[], info: StorageInfo | null) => Promise<boolean> {
  let asked = false;
  return async (statuses, info) => {
    if (asked || !storage?.persist || info?.persisted !== false) return false;
    if (!statuses.some((status) => status.state === 'ready')) return false;
    asked = true;
    // A refusal is the browser's call; the models still work, they just may be evicted under pressure.
    await storage.persist().catch(() => false);
    return true;
  };
}
