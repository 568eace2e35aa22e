/**
 * On the first visit the catalog is fetched before the service worker exists, so nothing caches it. When the
 * service worker takes control, fetch it once more through it, so the app also starts offline next time.
 */
export function cacheCatalogWhenControlled(catalogUrl: string): void {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  if (!container || container.controller) return;
  container.addEventListener('controllerchange', () => void fetch(catalogUrl).catch(() => undefined), {
    once: true,
  });
}
