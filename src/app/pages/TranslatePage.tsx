import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CatalogModel, TranslateEvent } from '../../engine/types';
import { downloadOfferText, downloadText } from '../components/download-text';
import { ProgressBar } from '../components/ProgressBar';
import { useEngine } from '../engine-context';
import { errorMessage } from '../error-message';
import { languageName } from '../format';
import {
  findRoute,
  sourceLanguages,
  targetLanguages,
  translationRoutes,
  type TranslationRoute,
} from '../language-routes';
import { readSetting, STORAGE_KEYS, writeSetting } from '../preferences';
import { statsText, type TranslationStats } from '../translate-status';

type RunState = { phase: 'idle' } | { phase: 'downloading' } | { phase: 'translating'; step: string };

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);

/** A persisted string setting: what the user typed or chose survives a reload. */
function usePersisted(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => readSetting(key) ?? initial);
  useEffect(() => writeSetting(key, value), [key, value]);
  return [value, setValue];
}

/** Picks a valid pair when the stored one is not in the catalog (or the catalog changed). */
function resolvePair(
  routes: TranslationRoute[],
  source: string,
  target: string,
): TranslationRoute | undefined {
  return (
    findRoute(routes, source, target) ??
    routes.find((route) => route.source === source) ??
    routes.find((route) => !route.viaEnglish) ??
    routes[0]
  );
}

export function TranslatePage() {
  const {
    engine,
    catalog,
    catalogError,
    statuses,
    downloads,
    downloadErrors,
    download,
    cancelDownload,
    refreshBackend,
  } = useEngine();
  const routes = useMemo(() => (catalog ? translationRoutes(catalog) : []), [catalog]);
  const [storedSource, setSource] = usePersisted(STORAGE_KEYS.source, 'en');
  const [storedTarget, setTarget] = usePersisted(STORAGE_KEYS.target, 'es');
  const [text, setText] = usePersisted(STORAGE_KEYS.text, '');
  const [segments, setSegments] = useState<string[]>([]);
  const [output, setOutput] = useState('');
  const [stats, setStats] = useState<TranslationStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [copied, setCopied] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const route = resolvePair(routes, storedSource, storedTarget);
  const source = route?.source ?? storedSource;
  const target = route?.target ?? storedTarget;
  const missing: CatalogModel[] = route
    ? route.models.filter((model) => statuses[model.id]?.state !== 'ready')
    : [];
  const busy = run.phase !== 'idle';
  const shown = busy && run.phase === 'translating' ? segments.join(' ') : output;

  const changeSource = (next: string) => {
    setSource(next);
    if (!findRoute(routes, next, target)) setTarget(targetLanguages(routes, next)[0] ?? target);
  };
  const canSwap = Boolean(route && findRoute(routes, target, source));
  const swap = () => {
    if (!canSwap) return;
    setSource(target);
    setTarget(source);
    if (output) {
      setText(output);
      setOutput('');
      setSegments([]);
    }
  };

  const translate = async () => {
    if (!route || busy || !text.trim()) return;
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    setStats(null);
    setCopied(false);
    setSegments([]);
    setOutput('');
    try {
      if (missing.length > 0) {
        setRun({ phase: 'downloading' });
        for (const model of missing) {
          if (!(await download(model.id))) return;
          if (abort.signal.aborted) return;
        }
      }
      let input = text;
      let tokens = 0;
      let seconds = 0;
      let backend: TranslationStats['backend'] = 'wasm';
      for (const [index, model] of route.models.entries()) {
        const last = index === route.models.length - 1;
        setRun({ phase: 'translating', step: last ? 'Translating…' : 'Translating to English…' });
        const onEvent = (event: TranslateEvent) => {
          if (!last || event.type === 'stats') return;
          const value = event.type === 'token' ? event.text : event.translation;
          setSegments((current) => {
            const next = [...current];
            next[event.segment] = value;
            return next;
          });
        };
        const result = await engine.translate({ modelId: model.id, text: input }, onEvent, abort.signal);
        input = result.text;
        tokens += result.tokens;
        seconds += result.seconds;
        backend = result.backend;
      }
      setOutput(input);
      setStats({ tokens, seconds, backend });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      controller.current = null;
      setRun({ phase: 'idle' });
      void refreshBackend();
    }
  };

  const cancel = () => {
    controller.current?.abort();
    for (const model of missing) cancelDownload(model.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void translate();
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(output);
      setCopied(true);
    } catch {
      setError('Could not copy to the clipboard. Select the text and copy it instead.');
    }
  };

  if (catalogError) {
    return (
      <p className="error" role="alert" data-testid="catalog-error">
        {catalogError}
      </p>
    );
  }
  if (!catalog) return <p className="muted">Loading the model list…</p>;
  if (routes.length === 0) {
    return (
      <p className="muted" data-testid="no-models">
        No translation models are available yet.
      </p>
    );
  }

  const downloading = missing
    .map((model) => ({ model, progress: downloads[model.id] }))
    .find((entry) => entry.progress);
  const failedDownload = missing.map((model) => downloadErrors[model.id]).find(Boolean);

  return (
    <section className="translate" aria-label="Translate">
      <div className="pair">
        <label className="field">
          <span>From</span>
          <select
            value={source}
            onChange={(event) => changeSource(event.target.value)}
            data-testid="source-language"
          >
            {sourceLanguages(routes).map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button icon"
          onClick={swap}
          disabled={!canSwap || busy}
          aria-label="Swap languages"
          title="Swap languages"
          data-testid="swap-languages"
        >
          ⇄
        </button>
        <label className="field">
          <span>To</span>
          <select
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            data-testid="target-language"
          >
            {targetLanguages(routes, source).map((code) => {
              const option = findRoute(routes, source, code);
              return (
                <option key={code} value={code}>
                  {languageName(code)}
                  {option?.viaEnglish ? ' (via English)' : ''}
                </option>
              );
            })}
          </select>
        </label>
        {route?.viaEnglish ? (
          <span className="badge" data-testid="via-english">
            via English
          </span>
        ) : null}
      </div>

      {missing.length > 0 ? (
        <div className="offer" data-testid="download-offer">
          {downloading?.progress ? (
            <>
              <span data-testid="download-offer-status">
                {downloading.model.name}: {downloadText(downloading.progress)}
              </span>
              <ProgressBar
                loaded={downloading.progress.loaded}
                total={downloading.progress.total}
                label={`Downloading ${downloading.model.name}`}
                testId="download-progress"
              />
              <button type="button" className="button" onClick={() => cancelDownload(downloading.model.id)}>
                Cancel download
              </button>
            </>
          ) : (
            <>
              <span>The model for this pair is not on this device yet.</span>
              {missing.map((model) => (
                <button
                  key={model.id}
                  type="button"
                  className="button primary"
                  onClick={() => void (text.trim() ? translate() : download(model.id))}
                  disabled={busy}
                  data-testid="download-offer-button"
                >
                  {downloadOfferText(model)}
                </button>
              ))}
            </>
          )}
          {failedDownload ? (
            <p className="error" role="alert" data-testid="download-error">
              {failedDownload}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="panes">
        <div className="pane">
          <label htmlFor="source-text" className="visually-hidden">
            Text to translate
          </label>
          <textarea
            id="source-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Type or paste text to translate"
            rows={10}
            data-testid="source-text"
          />
          <div className="pane-footer">
            <span className="muted" data-testid="char-count">
              {text.length.toLocaleString('en')} character{text.length === 1 ? '' : 's'}
            </span>
            <span className="actions">
              {busy ? (
                <button type="button" className="button" onClick={cancel} data-testid="cancel-button">
                  Cancel
                </button>
              ) : null}
              <button
                type="button"
                className="button primary"
                onClick={() => void translate()}
                disabled={busy || !text.trim() || !route}
                title={`Translate (${isMac ? '⌘' : 'Ctrl'}+Enter)`}
                data-testid="translate-button"
              >
                Translate
              </button>
            </span>
          </div>
        </div>
        <div className="pane">
          <output
            className="output"
            aria-live="polite"
            aria-busy={busy}
            data-testid="output"
            htmlFor="source-text"
          >
            {shown}
          </output>
          <div className="pane-footer">
            <span
              className="muted"
              data-testid="translate-status"
              data-state={run.phase !== 'idle' ? run.phase : error ? 'failed' : stats ? 'done' : 'idle'}
              data-backend={stats?.backend ?? ''}
            >
              {run.phase === 'downloading'
                ? 'Downloading the model…'
                : run.phase === 'translating'
                  ? run.step
                  : stats
                    ? statsText(stats)
                    : ''}
            </span>
            <button
              type="button"
              className="button"
              onClick={() => void copy()}
              disabled={!output || busy}
              data-testid="copy-button"
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      </div>
      {error ? (
        <p className="error" role="alert" data-testid="translate-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
