/**
 * `load` run on the first call and its promise shared by later calls; a failed load is forgotten, so the next call
 * tries again (a chunk the network lost, an app that went offline and came back).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}
