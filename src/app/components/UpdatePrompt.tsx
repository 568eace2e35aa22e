import { useRegisterSW } from 'virtual:pwa-register/react';

/** Offers a new version when one is waiting (the service worker registers with registerType 'prompt'). */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  const reload = () => {
    // workbox-window reloads by itself only if a service worker controlled the page when it loaded; on the
    // first visit (controlled later through clients.claim) the page must reload when the new worker takes over.
    navigator.serviceWorker?.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    void updateServiceWorker(true);
  };

  if (needRefresh) {
    return (
      <div className="banner banner-info" role="status" data-testid="update-prompt">
        <span>Update available</span>
        <span className="banner-actions">
          <button type="button" className="button primary" onClick={reload}>
            Reload
          </button>
          <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </span>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner banner-info" role="status" data-testid="offline-ready">
        <span>Lexlet is ready to work offline.</span>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>
          OK
        </button>
      </div>
    );
  }
  return null;
}
