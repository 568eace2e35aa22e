import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isAbortError } from '../../engine/errors';
import type { CatalogModel } from '../../engine/types';
import { DocumentDropZone } from '../components/DocumentDropZone';
import { DocumentOpenButton } from '../components/DocumentOpenButton';
import { DocumentView } from '../components/DocumentView';
import { LargeTextOffer } from '../components/LargeTextOffer';
import { downloadOfferText, downloadText } from '../components/download-text';
import { ProgressBar } from '../components/ProgressBar';
import { DocumentError, readDocumentFile, type OpenedDocument } from '../documents/read-document';
import { translateAlongRoute, type RouteCallbacks } from '../documents/translate-route';
import { useDocumentTranslation } from '../documents/use-document-translation';
import { useEngine } from '../engine-context';
import { catalogPlaceholder } from '../components/CatalogState';
import { errorMessage } from '../error-message';
import { CHINESE_SCRIPTS, chineseTargetLocale, isChineseScript } from '../chinese-script';
import { languageName } from '../format';
import { isLargeText, textAsFile } from '../large-text';
import { chooseModel, parseChosenModels } from '../chosen-models';
import { chooseSource, DETECT_LANGUAGE } from '../detected-source';
import { detectSource, paragraphLanguages, type SourceRun } from '../detected-source-runs';
import {
  mixedDocumentParagraph,
  modelsNeeded,
  routeModels,
  translateMixedText,
} from '../detected-source-translate';
import type { TranslateParagraph } from '../documents/translate-paragraphs';
import { useLanguageModel } from '../language-model';
import { bundledAlternative, fallbackNotice, parseUnreachable } from '../unreachable-model';
import { unavailablePairText } from '../unavailable-pair';
import { ModelChoice } from '../components/ModelChoice';
import { GlossaryControl } from '../glossary/GlossaryControl';
import { usePairGlossary } from '../glossary/use-glossary';
import { glossaryKey } from '../../engine/translate/glossary/glossary-key';
import {
  findRoute,
  modelsForPair,
  sourceLanguages,
  targetLanguages,
  translationRoutes,
  type TranslationRoute,
} from '../language-routes';
import { readSetting, STORAGE_KEYS, writeSetting } from '../preferences';
import {
  cancelledText,
  nextProgress,
  progressText,
  STARTING,
  statsText,
  type CancelledTranslation,
  type ProgressEvent,
  type TranslationStats,
} from '../translate-status';
import { MarkedTranslation, UnsureLegend } from '../components/MarkedTranslation';
import { NO_OUTPUT, parseStoredOutput, storedOutput, type TranslatedOutput } from '../translated-output';

/** The models from a language into the target; null keeps text in that language as written. */
type ModelsOf = (language: string) => readonly CatalogModel[] | null;

type RunState = { phase: 'idle' } | { phase: 'downloading' } | { phase: 'translating'; step: string };

/** A cancelled run, for the language pair it ran on. */
interface Cancelled extends CancelledTranslation {
  pair: string;
}

/** Detection for the From selector reads the start of a long text, so typing stays quick. */
const DETECTION_PREVIEW_CHARS = 10_000;

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
    unreachable,
    download,
    cancelDownload,
    refreshBackend,
    backend,
  } = useEngine();
  const [storedChoice, setStoredChoice] = usePersisted(STORAGE_KEYS.chosenModels, '[]');
  const chosenModels = useMemo(() => parseChosenModels(storedChoice), [storedChoice]);
  const routes = useMemo(
    () => (catalog ? translationRoutes(catalog, chosenModels) : []),
    [catalog, chosenModels],
  );
  const [storedSource, setSource] = usePersisted(STORAGE_KEYS.source, DETECT_LANGUAGE);
  const [storedTarget, setTarget] = usePersisted(STORAGE_KEYS.target, 'es');
  const [chineseScript, setChineseScript] = usePersisted(STORAGE_KEYS.chineseScript, 'zh');
  const [text, setText] = usePersisted(STORAGE_KEYS.text, '');
  const [segments, setSegments] = useState<string[]>([]);
  // Kept like the text it translates, so leaving the page or reloading loses neither.
  const [storedOutputValue, setStoredOutput] = usePersisted(STORAGE_KEYS.output, '');
  const output = useMemo(() => parseStoredOutput(storedOutputValue), [storedOutputValue]);
  const setOutput = (next: TranslatedOutput) => {
    // Written at once too: a run stopped by leaving the page ends after the page is gone, and keeps its part.
    writeSetting(STORAGE_KEYS.output, storedOutput(next));
    setStoredOutput(storedOutput(next));
  };
  const [cancelled, setCancelled] = useState<Cancelled | null>(null);
  const [stats, setStats] = useState<TranslationStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [copied, setCopied] = useState(false);
  const controller = useRef<AbortController | null>(null);
  // An open document replaces the text panes; what was typed stays in `text`, untouched.
  const [openedDocument, setOpenedDocument] = useState<OpenedDocument | null>(null);
  const [documentError, setDocumentError] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [openingStep, setOpeningStep] = useState<string | null>(null);
  const openAttempt = useRef(0);
  // Leaving the page stops a running translation, rather than letting a long document run on unseen.
  useEffect(() => () => controller.current?.abort(), []);

  // "Detect language" reads the typed text (or the open document) paragraph by paragraph; a language the user
  // picks always wins, and then the whole text is translated from it.
  const languageModel = useLanguageModel();
  const detectionText = openedDocument ? openedDocument.text : text;
  const detected = useMemo(
    () =>
      storedSource === DETECT_LANGUAGE && languageModel.model
        ? detectSource(languageModel.model, detectionText.slice(0, DETECTION_PREVIEW_CHARS))
        : null,
    [storedSource, languageModel.model, detectionText],
  );
  const detectedLanguages = detected?.languages ?? [];
  const sourceChoice = chooseSource(
    storedSource,
    detected?.guess ?? null,
    sourceLanguages(routes),
    languageModel.failed,
    detectedLanguages.slice(1),
  );
  const route = resolvePair(routes, sourceChoice.source, storedTarget);
  const source = route?.source ?? storedSource;
  const target = route?.target ?? storedTarget;
  // Chinese is written as the user chose; the models write Simplified, the engine rewrites it (zh-TW, zh-HK).
  const targetLocale = chineseTargetLocale(target, chineseScript);
  // A mixed text needs the models from each of its languages, the pair's own first.
  const modelsFrom = routeModels(routes, target);
  const isReady = (model: CatalogModel) => statuses[model.id]?.state === 'ready';
  const pair = `${source}>${target}`;
  const pairNotice = unavailablePairText(routes, sourceChoice.source, storedTarget, route);
  const glossary = usePairGlossary(source, target);
  // A document translated under other glossary terms is translated afresh, as under another pair.
  const documentTranslation = useDocumentTranslation(openedDocument, pair + glossaryKey(glossary.usable));
  const cancelledHere = cancelled?.pair === pair ? cancelled : null;
  const missing: CatalogModel[] = route
    ? modelsNeeded([source, ...detectedLanguages], (language) =>
        language === source ? route.models : modelsFrom(language),
      ).filter((model) => !isReady(model))
    : [];
  const busy = run.phase !== 'idle';
  // The pair's downloaded models open while the user types, so the first translation does not wait for them.
  const readyModels = (route?.models ?? [])
    .filter(isReady)
    .map((model) => model.id)
    .join(' ');
  const activeBackend = backend?.active;
  useEffect(() => {
    for (const id of readyModels.split(' ').filter(Boolean)) void engine.openModel(id).catch(() => undefined);
  }, [engine, readyModels, activeBackend]);
  const pairModels = catalog && route && !route.viaEnglish ? modelsForPair(catalog, source, target) : [];
  const chooseForPair = (modelId: string) =>
    setStoredChoice(JSON.stringify(chooseModel(chosenModels, pairModels, modelId)));
  const shown = busy && run.phase === 'translating' ? segments.join(' ') : output.text;

  // A remote pick whose host could not be reached last visit gives way to the bundled model, saying so. Done
  // while rendering, once per model, so the page never shows the pick it is about to drop.
  const [unreachableLastVisit, setUnreachableLastVisit] = useState(() =>
    parseUnreachable(readSetting(STORAGE_KEYS.unreachableModels)),
  );
  const [fallback, setFallback] = useState<string | null>(null);
  const picked = pairModels.length > 1 ? route?.models[0] : undefined;
  const pickedBundled = catalog && picked ? bundledAlternative(catalog, picked) : null;
  if (picked && pickedBundled && unreachableLastVisit.includes(picked.id)) {
    setUnreachableLastVisit(unreachableLastVisit.filter((id) => id !== picked.id));
    setStoredChoice(JSON.stringify(chooseModel(chosenModels, pairModels, pickedBundled.id)));
    setFallback(fallbackNotice(picked, pickedBundled));
  }

  const changeSource = (next: string) => {
    setSource(next);
    if (next !== DETECT_LANGUAGE && !findRoute(routes, next, target))
      setTarget(targetLanguages(routes, next)[0] ?? target);
  };
  const canSwap = Boolean(route && findRoute(routes, target, source));
  const swap = () => {
    if (!canSwap) return;
    setSource(target);
    setTarget(source);
    if (output.text && !openedDocument) {
      setText(output.text);
      setOutput(NO_OUTPUT);
      setSegments([]);
    }
  };

  /** Downloads the route's missing models first (the inline offer's path); false if that did not finish. */
  const ensureModels = async (signal: AbortSignal, needed: readonly CatalogModel[]): Promise<boolean> => {
    if (needed.length === 0) return true;
    setRun({ phase: 'downloading' });
    for (const model of needed) {
      if (!(await download(model.id))) return false;
      if (signal.aborted) return false;
    }
    return true;
  };

  const translateTypedText = async (
    modelIds: string[],
    signal: AbortSignal,
    runs: readonly SourceRun[],
    modelsOf: ModelsOf,
  ) => {
    let finished: { sentences: readonly string[]; total: number } = { sentences: [], total: 0 };
    let progress = STARTING;
    const advance = (event: ProgressEvent) => {
      progress = nextProgress(progress, event);
      setRun({ phase: 'translating', step: progressText(progress) });
    };
    const callbacks: RouteCallbacks = {
      onStep: (pivot) => advance({ type: 'leg', pivot }),
      onLoading: (stage, modelId) => {
        const model = catalog?.models.find((candidate) => candidate.id === modelId);
        advance({ type: 'loading', stage, source: model?.source, target: model?.target });
      },
      onSegments: (value) => setSegments([...value]),
      onFinished: (sentences, total) => {
        finished = { sentences, total };
        advance({ type: 'finished', done: sentences.length, total });
      },
    };
    try {
      const result =
        runs.length > 0
          ? await translateMixedText({
              engine,
              text,
              runs,
              modelsFor: (language) => modelsOf(language)?.map((model) => model.id) ?? null,
              glossaryFor: (language) => (language === source ? glossary.usable : []),
              backend: backend?.active ?? 'wasm',
              callbacks,
              signal,
              targetLocale,
            })
          : await translateAlongRoute(
              engine,
              modelIds,
              text,
              callbacks,
              signal,
              glossary.usable,
              targetLocale,
            );
      setOutput({ text: result.text, language: targetLocale ?? target, unsure: result.unsure ?? [] });
      setStats({ tokens: result.tokens, seconds: result.seconds, backend: result.backend });
    } catch (caught) {
      // A cancel keeps the sentences already translated, as a document keeps its finished paragraphs.
      if (signal.aborted) {
        setOutput({ text: finished.sentences.join(' '), language: targetLocale ?? target });
        setCancelled({ pair, kept: finished.sentences.length, total: finished.total });
      }
      throw caught;
    }
  };

  /** `languages`: each paragraph's language when detected (mixed documents), else null. */
  const translateOpenedDocument = async (
    modelIds: string[],
    signal: AbortSignal,
    languages: ReadonlyMap<string, string> | null,
    modelsOf: ModelsOf,
  ) => {
    setRun({ phase: 'translating', step: 'Translating the document…' });
    const translateParagraph: TranslateParagraph = languages
      ? mixedDocumentParagraph({
          engine,
          languages,
          source,
          modelsFor: (language) => modelsOf(language)?.map((model) => model.id) ?? null,
          glossaryFor: (language) => (language === source ? glossary.usable : []),
          backend: backend?.active ?? 'wasm',
          signal,
          targetLocale,
        })
      : (paragraph, onPartial, onFraction) =>
          translateAlongRoute(
            engine,
            modelIds,
            paragraph,
            { onSegments: (value) => onPartial(value.join(' ')), onFraction },
            signal,
            glossary.usable,
            targetLocale,
          );
    await documentTranslation.translate(translateParagraph, signal);
  };

  const translate = async () => {
    if (!route || busy || (!openedDocument && !text.trim())) return;
    // Ctrl+Enter on a large text takes the offer rather than freezing the page.
    if (!openedDocument && isLargeText(text)) {
      void openDocument(textAsFile(text));
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    setCancelled(null);
    if (!openedDocument) {
      setStats(null);
      setCopied(false);
      setSegments([]);
      setOutput({ text: '', language: target });
    }
    // With "Detect language", each paragraph is translated from its own language: the whole text is read now,
    // not only the start the From selector reads.
    const detector = storedSource === DETECT_LANGUAGE ? languageModel.model : null;
    const runs = detector && !openedDocument ? detectSource(detector, text).runs : [];
    const paragraphs = openedDocument?.paragraphs ?? [];
    const documentLanguages =
      detector && openedDocument ? paragraphLanguages(detector, paragraphs, source) : [];
    const modelsOf: ModelsOf = (language) => (language === source ? route.models : modelsFrom(language));
    const languages = [source, ...runs.map((run) => run.language), ...documentLanguages];
    try {
      if (
        !(await ensureModels(
          abort.signal,
          modelsNeeded(languages, modelsOf).filter((m) => !isReady(m)),
        ))
      ) {
        if (abort.signal.aborted) setCancelled({ pair, kept: 0, total: 0 });
        return;
      }
      const modelIds = route.models.map((model) => model.id);
      if (openedDocument) {
        const byParagraph = detector
          ? new Map(paragraphs.map((p, i) => [p, documentLanguages[i] ?? source]))
          : null;
        await translateOpenedDocument(modelIds, abort.signal, byParagraph, modelsOf);
      } else await translateTypedText(modelIds, abort.signal, runs, modelsOf);
    } catch (caught) {
      // Cancelling is the user's choice, not a failure: it shows as a status, not an error.
      if (abort.signal.aborted && isAbortError(caught))
        setCancelled((now) => now ?? { pair, kept: 0, total: 0 });
      else setError(errorMessage(caught));
    } finally {
      controller.current = null;
      setRun({ phase: 'idle' });
      void refreshBackend();
    }
  };

  /** Reads a chosen or dropped file; on failure the page stays as it was, with the reason shown. */
  const openDocument = async (file: File) => {
    if (busy) return;
    const attempt = ++openAttempt.current;
    setOpening(file.name);
    setOpeningStep(null);
    setDocumentError(null);
    try {
      const opened = await readDocumentFile(file, {
        onProgress: (step) => attempt === openAttempt.current && setOpeningStep(step),
      });
      if (attempt !== openAttempt.current) return;
      setOpenedDocument(opened);
      setError(null);
      setCancelled(null);
    } catch (caught) {
      if (attempt !== openAttempt.current) return;
      setDocumentError(
        caught instanceof DocumentError
          ? caught.message
          : `“${file.name}” could not be opened: ${errorMessage(caught)}`,
      );
    } finally {
      if (attempt === openAttempt.current) setOpening(null);
    }
  };

  const openDropped = (files: File[]) => {
    const [file] = files;
    if (files.length > 1) setDocumentError('Drop one document at a time.');
    else if (file) void openDocument(file);
  };

  const closeDocument = () => {
    openAttempt.current += 1;
    setOpening(null);
    setOpenedDocument(null);
    setDocumentError(null);
    setError(null);
    setCancelled(null);
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
      await navigator.clipboard.writeText(output.text);
      setCopied(true);
    } catch {
      setError('Could not copy to the clipboard. Select the text and copy it instead.');
    }
  };

  // For assistive technology only: on screen the highlighted navigation link already names the page.
  const title = <h1 className="visually-hidden">Translate</h1>;
  const placeholder = catalogPlaceholder(catalog, catalogError);
  if (placeholder || !catalog) {
    return (
      <>
        {title}
        {placeholder}
      </>
    );
  }
  if (routes.length === 0) {
    return (
      <>
        {title}
        <p className="muted" data-testid="no-models">
          No translation models are available yet.
        </p>
      </>
    );
  }

  const downloading = missing
    .map((model) => ({ model, progress: downloads[model.id] }))
    .find((entry) => entry.progress);
  const failedModel = missing.find((model) => downloadErrors[model.id]);
  const failedDownload = failedModel ? downloadErrors[failedModel.id] : undefined;
  const switchTo =
    failedModel && unreachable[failedModel.id] && catalog ? bundledAlternative(catalog, failedModel) : null;

  return (
    <section className="translate" aria-label="Translate">
      {title}
      <div className="pair">
        <label className="field">
          <span>From</span>
          <select
            value={storedSource === DETECT_LANGUAGE ? DETECT_LANGUAGE : source}
            onChange={(event) => changeSource(event.target.value)}
            disabled={busy && Boolean(openedDocument)}
            data-testid="source-language"
          >
            <option value={DETECT_LANGUAGE}>{sourceChoice.optionLabel}</option>
            {sourceLanguages(routes).map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </label>
        {sourceChoice.note ? (
          <span
            className={sourceChoice.unsure ? 'badge badge-warning' : 'badge'}
            role="status"
            data-testid="detected-language"
            data-language={sourceChoice.unsure ? '' : sourceChoice.source}
          >
            {sourceChoice.note}
          </span>
        ) : null}
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
            disabled={busy && Boolean(openedDocument)}
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
        {target === 'zh' ? (
          <label className="field">
            <span>Script</span>
            <select
              value={isChineseScript(chineseScript) ? chineseScript : 'zh'}
              onChange={(event) => setChineseScript(event.target.value)}
              disabled={busy && Boolean(openedDocument)}
              data-testid="chinese-script"
            >
              {CHINESE_SCRIPTS.map(({ locale, label }) => (
                <option key={locale} value={locale}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {route?.viaEnglish ? (
          <span className="badge" data-testid="via-english">
            via English
          </span>
        ) : null}
        <ModelChoice
          models={pairModels}
          selectedId={route?.models[0]?.id ?? ''}
          statuses={statuses}
          onChoose={chooseForPair}
          disabled={busy}
        />
        <GlossaryControl glossary={glossary} disabled={busy} />
      </div>

      {pairNotice ? (
        <p className="muted" role="status" data-testid="pair-unavailable">
          {pairNotice}
        </p>
      ) : null}
      {fallback ? (
        <p className="muted" role="status" data-testid="model-fallback">
          {fallback}
        </p>
      ) : null}

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
                  onClick={() => void (openedDocument || text.trim() ? translate() : download(model.id))}
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
              {switchTo ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button"
                    onClick={() => chooseForPair(switchTo.id)}
                    disabled={busy}
                    data-testid="use-bundled-model"
                  >
                    Use the bundled model
                  </button>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}

      {opening ? (
        <p className="muted" role="status" data-testid="document-opening">
          Opening “{opening}”{openingStep ? ` · reading ${openingStep}` : ''}…
        </p>
      ) : null}
      {documentError ? (
        <p className="error" role="alert" data-testid="document-error">
          {documentError}
        </p>
      ) : null}
      {!openedDocument && isLargeText(text) ? (
        <LargeTextOffer
          characters={text.length}
          disabled={busy || opening !== null}
          onAccept={() => void openDocument(textAsFile(text))}
        />
      ) : null}
      <DocumentDropZone onFiles={openDropped} disabled={busy}>
        {openedDocument ? (
          <DocumentView
            document={openedDocument}
            translation={documentTranslation}
            source={source}
            target={target}
            phase={run.phase}
            cancelled={cancelledHere !== null}
            canTranslate={Boolean(route)}
            onTranslate={() => void translate()}
            onCancel={cancel}
            onOpen={(file) => void openDocument(file)}
            onClose={closeDocument}
            onError={setDocumentError}
          />
        ) : (
          <div className="panes">
            <div className="pane">
              <label htmlFor="source-text" className="visually-hidden">
                Text to translate
              </label>
              <textarea
                id="source-text"
                lang={source}
                dir="auto"
                value={text}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={onKeyDown}
                placeholder="Type or paste text to translate, or drop a .txt, .docx or .pdf file here"
                rows={10}
                data-testid="source-text"
              />
              <div className="pane-footer">
                <span className="muted" data-testid="char-count">
                  {text.length.toLocaleString('en')} character{text.length === 1 ? '' : 's'}
                </span>
                <span className="actions">
                  <DocumentOpenButton
                    label="Open document…"
                    onFile={(file) => void openDocument(file)}
                    disabled={busy}
                  />
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
                lang={output.language || undefined}
                dir="auto"
                aria-live="polite"
                aria-busy={busy}
                data-testid="output"
                htmlFor="source-text"
              >
                {busy ? shown : <MarkedTranslation text={shown} unsure={output.unsure ?? []} />}
              </output>
              {!busy && (output.unsure?.length ?? 0) > 0 && <UnsureLegend />}
              <div className="pane-footer">
                <span
                  className="muted"
                  data-testid="translate-status"
                  data-state={
                    run.phase !== 'idle'
                      ? run.phase
                      : error
                        ? 'failed'
                        : cancelledHere
                          ? 'cancelled'
                          : stats
                            ? 'done'
                            : 'idle'
                  }
                  data-backend={stats?.backend ?? ''}
                >
                  {run.phase === 'downloading'
                    ? 'Downloading the model…'
                    : run.phase === 'translating'
                      ? run.step
                      : cancelledHere
                        ? cancelledText(cancelledHere)
                        : stats
                          ? statsText(stats)
                          : ''}
                </span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void copy()}
                  disabled={!output.text || busy}
                  data-testid="copy-button"
                >
                  {copied ? 'Copied' : 'Copy'}
                </button>
              </div>
            </div>
          </div>
        )}
      </DocumentDropZone>
      {error ? (
        <p className="error" role="alert" data-testid="translate-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
