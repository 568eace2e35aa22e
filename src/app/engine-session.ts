import type { EngineApi } from '../engine/api';
import { LexletError } from '../engine/errors';
import type { Catalog } from '../engine/types';
import { connectSources, mayConnect } from './connect-policy';
import { EngineClient, type EngineClientEvent } from './engine-client';
import { readBackendPreference } from './preferences';

export interface CatalogState {
  catalog: Catalog | null;
  error: unknown;
}

/**
 * The app's one engine: a watched worker that is given the catalog and the backend setting each time it
 * starts, and remembers the catalog it loaded for the UI.
 */
export class EngineSession {
  readonly client: EngineClient;
  private state: CatalogState = { catalog: null, error: null };
  private readonly listeners = new Set<(state: CatalogState) => void>();

  constructor(
    readonly catalogUrl: string,
    createWorker: () => Worker,
    /** Whether the page's Content-Security-Policy lets the app fetch a URL (connect-policy.ts). */
    private readonly mayFetch: (url: string) => boolean = () => true,
  ) {
    this.client = new EngineClient({ createWorker, prepare: (engine) => this.prepare(engine) });
  }

  get engine(): EngineApi {
    return this.client.engine;
  }

  get catalogState(): CatalogState {
    return this.state;
  }

  onCatalog(listener: (state: CatalogState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEvent(listener: (event: EngineClientEvent) => void): () => void {
    return this.client.onEvent(listener);
  }

  private async prepare(engine: EngineApi): Promise<void> {
    const preference = readBackendPreference();
    if (preference !== 'auto') await engine.setBackend(preference);
    if (!this.mayFetch(this.catalogUrl)) {
      this.publish({ catalog: null, error: blockedCatalogError(this.catalogUrl) });
      return;
    }
    try {
      this.publish({ catalog: await engine.loadCatalog(this.catalogUrl), error: null });
    } catch (error) {
      // The engine still runs (backend, storage); the UI shows why no models are offered.
      this.publish({ catalog: null, error });
    }
  }

  private publish(state: CatalogState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** A `?catalog=` on a host the policy does not list: the browser would block it with no reason given. */
function blockedCatalogError(url: string): LexletError {
  return new LexletError(
    'catalog-invalid',
    `Lexlet may not contact ${new URL(url).origin}, where this catalog is: it fetches only from its own site ` +
      "and the model hosts of its bundled catalog. Serve the catalog from this site, or have the site's server " +
      'allow that host (serve.js --connect)',
  );
}

export function createEngineSession(catalogUrl: string): EngineSession {
  return new EngineSession(
    catalogUrl,
    () =>
      new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
        type: 'module',
        name: 'lexlet-engine',
      }),
    (url) => mayConnect(url, window.location.origin, connectSources(document)),
  );
}
