import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { EngineApi } from '../engine/api';
import { isAbortError } from '../engine/errors';
import type { BackendInfo, BackendPreference, Catalog, ModelStatus, StorageInfo } from '../engine/types';
import { RESTARTED_MESSAGE } from './engine-client';
import type { EngineSession } from './engine-session';
import { errorMessage } from './error-message';
import { createPersistenceRequest } from './persistent-storage';
import { readBackendPreference, readSetting, STORAGE_KEYS, writeSetting } from './preferences';
import { bundledAlternative, isUnreachable, parseUnreachable, unreachableText } from './unreachable-model';

export interface DownloadProgress {
  loaded: number;
  total: number;
  /** Bytes per second. */
  rate: number;
  etaSeconds: number | null;
}

export interface EngineContextValue {
  engine: EngineApi;
  catalog: Catalog | null;
  catalogError: string | null;
  backend: BackendInfo | null;
  /** The user's backend setting (applied to the engine, and remembered). */
  preference: BackendPreference;
  refreshBackend(): Promise<void>;
  setBackendPreference(preference: BackendPreference): Promise<void>;
  statuses: Record<string, ModelStatus>;
  refreshStatuses(): Promise<void>;
  /** Downloads running now, by model id. */
  downloads: Record<string, DownloadProgress>;
  /** The last failure of each model's download, by model id. */
  downloadErrors: Record<string, string>;
  /** Models whose last download failed because their host never answered, by model id. */
  unreachable: Record<string, true>;
  /** Downloads the model (joining a download already running); resolves with whether it is ready. */
  download(modelId: string): Promise<boolean>;
  cancelDownload(modelId: string): void;
  deleteModel(modelId: string): Promise<void>;
  storage: StorageInfo | null;
  /** A message for the whole app, e.g. that the engine was restarted. */
  notice: string | null;
  dismissNotice(): void;
}

const EngineContext = createContext<EngineContextValue | null>(null);

export function useEngine(): EngineContextValue {
  const value = useContext(EngineContext);
  if (!value) throw new Error('useEngine must be used inside <EngineProvider>');
  return value;
}

export function EngineProvider({ session, children }: { session: EngineSession; children: ReactNode }) {
  const engine = session.engine;
  const [catalogState, setCatalogState] = useState(session.catalogState);
  const [backend, setBackend] = useState<BackendInfo | null>(null);
  const [preference, setPreference] = useState<BackendPreference>(readBackendPreference);
  const [statuses, setStatuses] = useState<Record<string, ModelStatus>>({});
  const [downloads, setDownloads] = useState<Record<string, DownloadProgress>>({});
  const [downloadErrors, setDownloadErrors] = useState<Record<string, string>>({});
  const [unreachable, setUnreachable] = useState<Record<string, true>>({});
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const running = useRef(new Map<string, { controller: AbortController; done: Promise<boolean> }>());
  const requestPersistence = useMemo(
    () => createPersistenceRequest(typeof navigator === 'undefined' ? undefined : navigator.storage),
    [],
  );

  const refreshBackend = useCallback(async () => {
    try {
      setBackend(await engine.getBackend());
    } catch {
      // The engine is restarting or failed; its own notice explains that.
    }
  }, [engine]);

  const refreshStatuses = useCallback(async () => {
    try {
      const [list, info] = await Promise.all([engine.modelStatuses(), engine.storage()]);
      setStatuses(Object.fromEntries(list.map((status) => [status.id, status])));
      setStorage(info);
      // Once a model is stored, ask the browser not to evict it; then show what it decided.
      if (await requestPersistence(list, info)) setStorage(await engine.storage());
    } catch {
      // As above: nothing to show until the engine is back.
    }
  }, [engine, requestPersistence]);

  useEffect(() => {
    const offCatalog = session.onCatalog(setCatalogState);
    const offEvents = session.onEvent((event) => {
      if (event.type === 'ready') {
        void refreshBackend();
        void refreshStatuses();
      } else if (event.type === 'restarted') {
        setNotice(RESTARTED_MESSAGE);
      } else {
        setNotice(`The engine could not be started (${event.reason}). Reload the page to try again.`);
      }
    });
    setCatalogState(session.catalogState);
    void refreshBackend();
    void refreshStatuses();
    return () => {
      offCatalog();
      offEvents();
    };
  }, [session, refreshBackend, refreshStatuses]);

  const setBackendPreference = useCallback(
    async (next: BackendPreference) => {
      // Shown at once; the engine may take a moment to probe the adapter.
      setPreference(next);
      writeSetting(STORAGE_KEYS.backend, next);
      try {
        setBackend(await engine.setBackend(next));
      } catch {
        // A restarting engine applies the stored setting when it is ready again.
      }
    },
    [engine],
  );

  /** Kept across visits so the next one does not silently pick the unreachable model again. */
  const rememberUnreachable = useCallback((modelId: string, offline: boolean) => {
    setUnreachable(({ [modelId]: _, ...rest }) => (offline ? { ...rest, [modelId]: true } : rest));
    const stored = parseUnreachable(readSetting(STORAGE_KEYS.unreachableModels)).filter(
      (id) => id !== modelId,
    );
    writeSetting(STORAGE_KEYS.unreachableModels, JSON.stringify(offline ? [...stored, modelId] : stored));
  }, []);

  const download = useCallback(
    (modelId: string): Promise<boolean> => {
      const existing = running.current.get(modelId);
      if (existing) return existing.done;
      const controller = new AbortController();
      setDownloadErrors(({ [modelId]: _, ...rest }) => rest);
      setDownloads((current) => ({
        ...current,
        [modelId]: { loaded: 0, total: 0, rate: 0, etaSeconds: null },
      }));
      const done = engine
        .downloadModel(
          modelId,
          (event) => {
            if (event.status !== 'progress') return;
            const { loaded, total, rate, etaSeconds } = event;
            setDownloads((current) =>
              current[modelId] ? { ...current, [modelId]: { loaded, total, rate, etaSeconds } } : current,
            );
          },
          controller.signal,
        )
        .then(
          (status) => {
            rememberUnreachable(modelId, false);
            return status.state === 'ready';
          },
          (error: unknown) => {
            if (isAbortError(error)) return false;
            const model = catalogState.catalog?.models.find((entry) => entry.id === modelId);
            const offline = Boolean(model?.remote) && isUnreachable(error);
            rememberUnreachable(modelId, offline);
            const message =
              model && catalogState.catalog && offline
                ? unreachableText(model, bundledAlternative(catalogState.catalog, model))
                : errorMessage(error);
            setDownloadErrors((current) => ({ ...current, [modelId]: message }));
            return false;
          },
        )
        .finally(() => {
          running.current.delete(modelId);
          setDownloads(({ [modelId]: _, ...rest }) => rest);
          void refreshStatuses();
        });
      running.current.set(modelId, { controller, done });
      void refreshStatuses();
      return done;
    },
    [engine, refreshStatuses, catalogState.catalog, rememberUnreachable],
  );

  const cancelDownload = useCallback((modelId: string) => {
    running.current.get(modelId)?.controller.abort();
  }, []);

  const deleteModel = useCallback(
    async (modelId: string) => {
      try {
        await engine.deleteModel(modelId);
      } catch (error) {
        setDownloadErrors((current) => ({ ...current, [modelId]: errorMessage(error) }));
      }
      await refreshStatuses();
    },
    [engine, refreshStatuses],
  );

  const value = useMemo<EngineContextValue>(
    () => ({
      engine,
      catalog: catalogState.catalog,
      catalogError: catalogState.error ? errorMessage(catalogState.error) : null,
      backend,
      preference,
      refreshBackend,
      setBackendPreference,
      statuses,
      refreshStatuses,
      downloads,
      downloadErrors,
      unreachable,
      download,
      cancelDownload,
      deleteModel,
      storage,
      notice,
      dismissNotice: () => setNotice(null),
    }),
    [
      engine,
      catalogState,
      backend,
      preference,
      refreshBackend,
      setBackendPreference,
      statuses,
      refreshStatuses,
      downloads,
      downloadErrors,
      unreachable,
      download,
      cancelDownload,
      deleteModel,
      storage,
      notice,
    ],
  );

  return <EngineContext.Provider value={value}>{children}</EngineContext.Provider>;
}
