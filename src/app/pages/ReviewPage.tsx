import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Fact } from '../../engine/types';
import { DocumentError, readDocumentFile } from '../documents/read-document';
import { saveFile } from '../documents/save-file';
import { useEngine } from '../engine-context';
import { catalogPlaceholder } from '../components/CatalogState';
import { errorMessage } from '../error-message';
import { chineseTargetLocale, targetLanguage, withChineseScripts } from '../chinese-script';
import { chooseModel, parseChosenModels } from '../chosen-models';
import { findRoute, targetLanguages, translationRoutes } from '../language-routes';
import { readSetting, STORAGE_KEYS, writeSetting } from '../preferences';
import { categoryHue } from '../review/category-colors';
import { ClauseCard, type ClauseTranslator } from '../review/ClauseCard';
import { ClauseList } from '../review/ClauseList';
import {
  nextClauseWith,
  occurrenceOf,
  scoredSpans,
  taggedClausesText,
  taggedSelection,
  type Clause,
} from '../review/clauses';
import { DocumentView, type ScrollRequest } from '../review/DocumentView';
import { missingCategories } from '../review/expected-categories';
import { exportBaseName, exportRows, toCsv, toJson, type ReviewExport } from '../review/export-formats';
import { factRows } from '../review/facts-list';
import { PrintReport } from '../review/PrintReport';
import { ReviewInput } from '../review/ReviewInput';
import { guessDocumentKind, KIND_NAMES, type ReviewKind } from '../review/review-kind';
import { ReviewSidebar } from '../review/ReviewSidebar';
import { taggingModelFor, taggingModelsFor } from '../review/tagging-model';
import { guessLanguage } from '../../engine/legal/text-language';
import { languageName } from '../format';
import { translationKey, useClauseTranslations } from '../review/use-clause-translations';
import { usePersistedText } from '../review/use-persisted-text';
import { cancelledReviewText } from '../review/review-status';
import { useReviewRun, type ReviewResult } from '../review/use-review-run';
import { useWarmTagger } from '../review/use-warm-tagger';

/** The tagging models read English, so clauses are translated from English. */
const CLAUSE_LANGUAGE = 'en';

const parseKind = (value: string | null): ReviewKind | null =>
  value === 'contract' || value === 'tos' ? value : null;

type View = 'document' | 'list';

/** Everything shown about a finished review, at the current confidence and category choices. */
function useReviewView(result: ReviewResult | null, shift: number, hidden: ReadonlySet<string>) {
  const spans = useMemo(() => (result ? scoredSpans(result.tags) : []), [result]);
  const thresholds = useMemo(() => result?.tags.thresholds ?? {}, [result]);
  const labels = useMemo(() => {
    const fromModel = Object.keys(thresholds);
    return fromModel.length > 0 ? fromModel : (result?.model.labels ?? []);
  }, [thresholds, result]);
  const { clauses, found } = useMemo(
    () => taggedSelection(spans, thresholds, shift, hidden, labels),
    [spans, thresholds, shift, hidden, labels],
  );
  const missing = useMemo(
    () => missingCategories(result?.kind ?? 'contract', labels, new Set(found.map((item) => item.label))),
    [result, labels, found],
  );
  const facts = useMemo(() => (result ? factRows(result.tags.facts) : []), [result]);
  const hueOf = useCallback((label: string) => categoryHue(labels, label), [labels]);
  return { thresholds, labels, found, missing, clauses, facts, hueOf };
}

export function ReviewPage() {
  const { catalog, catalogError, statuses, downloads } = useEngine();
  const [text, setText] = usePersistedText(STORAGE_KEYS.reviewText);
  const [name, setName] = usePersistedText(STORAGE_KEYS.reviewName);
  const [chosenKind, setChosenKindState] = useState(() => parseKind(readSetting(STORAGE_KEYS.reviewKind)));
  const [opening, setOpening] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const { run, result, error, cancelled, start, cancel } = useReviewRun();
  const [shift, setShift] = useState(0);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selectedStart, setSelectedStart] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const [view, setView] = useState<View>('document');
  const [printing, setPrinting] = useState(false);
  const clauseTranslations = useClauseTranslations();
  const [storedTarget, setStoredTarget] = useState(
    () => readSetting(STORAGE_KEYS.reviewTranslateTarget) ?? '',
  );

  const deferredText = useDeferredValue(text);
  const guess = useMemo(() => guessDocumentKind(deferredText), [deferredText]);
  const kind = chosenKind ?? guess.kind;
  const [storedChoice, setStoredChoice] = useState(() => readSetting(STORAGE_KEYS.chosenModels) ?? '[]');
  const chosenModels = useMemo(() => parseChosenModels(storedChoice), [storedChoice]);
  const kindModels = useMemo(() => (catalog ? taggingModelsFor(catalog, kind) : []), [catalog, kind]);
  const language = useMemo(() => guessLanguage(deferredText), [deferredText]);
  const model = catalog ? taggingModelFor(catalog, kind, chosenModels, language) : null;
  useWarmTagger(model, run.phase !== 'idle');
  const reviewView = useReviewView(result, shift, hidden);
  const { clauses, thresholds } = reviewView;
  const selectedIndex = selectedStart === null ? -1 : clauses.findIndex((c) => c.start === selectedStart);
  const selected = selectedIndex >= 0 ? selectedIndex : null;

  const chooseTagger = (modelId: string) => {
    // Re-read: the Translate page may have changed other picks since this page loaded.
    const current = parseChosenModels(readSetting(STORAGE_KEYS.chosenModels));
    const next = JSON.stringify(chooseModel(current, kindModels, modelId));
    setStoredChoice(next);
    writeSetting(STORAGE_KEYS.chosenModels, next);
  };

  const setChosenKind = (next: ReviewKind | null) => {
    setChosenKindState(next);
    writeSetting(STORAGE_KEYS.reviewKind, next ?? '');
  };

  // Printing from the browser's menu as well as from the button shows the report.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const review = (reviewText: string, reviewName: string, reviewKind: ReviewKind) => {
    const reviewModel = catalog
      ? taggingModelFor(catalog, reviewKind, chosenModels, guessLanguage(reviewText))
      : null;
    if (!reviewModel || !reviewText.trim()) return;
    setShift(0);
    setHidden(new Set());
    setSelectedStart(null);
    setScrollRequest(null);
    clauseTranslations.reset();
    void start({ text: reviewText, name: reviewName, kind: reviewKind, model: reviewModel });
  };

  const openFile = async (file: File) => {
    setOpening(true);
    setFileError(null);
    try {
      const document = await readDocumentFile(file);
      setText(document.text);
      setName(document.name);
      setChosenKind(null);
      review(document.text, document.name, guessDocumentKind(document.text).kind);
    } catch (caught) {
      setFileError(caught instanceof DocumentError ? caught.message : errorMessage(caught));
    } finally {
      setOpening(false);
    }
  };

  // Clauses translate with the models picked on the Translate page, where a pair has several.
  const routes = useMemo(
    () => (catalog ? translationRoutes(catalog, chosenModels) : []),
    [catalog, chosenModels],
  );
  const targets = withChineseScripts(targetLanguages(routes, CLAUSE_LANGUAGE));
  const target = targets.includes(storedTarget) ? storedTarget : (targets[0] ?? '');
  const translator: ClauseTranslator | null =
    result && targets.length > 0
      ? {
          targets,
          target,
          setTarget: (next) => {
            setStoredTarget(next);
            writeSetting(STORAGE_KEYS.reviewTranslateTarget, next);
          },
          viaEnglish: (code) => findRoute(routes, CLAUSE_LANGUAGE, targetLanguage(code))?.viaEnglish ?? false,
          result: (clause) =>
            clauseTranslations.translations[translationKey(clause.start, clause.end, target)],
          translate: (clause) => {
            const route = findRoute(routes, CLAUSE_LANGUAGE, targetLanguage(target));
            if (!route) return;
            const key = translationKey(clause.start, clause.end, target);
            const clauseText = result.text.slice(clause.start, clause.end);
            void clauseTranslations.translate(
              key,
              clauseText,
              route,
              chineseTargetLocale(route.target, target),
            );
          },
        }
      : null;

  const showClause = (clause: Clause) => {
    setSelectedStart(clause.start);
    setView('document');
    setScrollRequest((current) => ({ offset: clause.start, seq: (current?.seq ?? 0) + 1 }));
  };
  const jumpTo = (label: string) => {
    const next = nextClauseWith(clauses, label, selected);
    const clause = next === null ? undefined : clauses[next];
    if (clause) showClause(clause);
  };
  const jumpToFact = (fact: Fact) => {
    setView('document');
    setScrollRequest((current) => ({ offset: fact.start, seq: (current?.seq ?? 0) + 1 }));
  };
  const step = (by: number) => {
    if (selected === null || clauses.length === 0) return;
    const clause = clauses[(selected + by + clauses.length) % clauses.length];
    if (clause) showClause(clause);
  };

  const exported = (): ReviewExport | null =>
    result && {
      document: { name: result.name || 'Pasted text', kind: result.kind, characters: result.text.length },
      model: { id: result.model.id, name: result.model.name },
      filters: { confidenceShift: shift, hiddenCategories: [...hidden] },
      facts: result.tags.facts,
      spans: exportRows(result.text, clauses),
    };
  const exportJson = () => {
    const review = exported();
    if (!review || !result) return;
    saveFile(new Blob([toJson(review)], { type: 'application/json' }), `${exportBaseName(result.name)}.json`);
  };
  const exportCsv = () => {
    if (!result) return;
    const csv = toCsv(exportRows(result.text, clauses));
    saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${exportBaseName(result.name)}.csv`);
  };
  const print = () => {
    flushSync(() => setPrinting(true));
    window.print();
  };

  const placeholder = catalogPlaceholder(catalog, catalogError);
  // For assistive technology only: on screen the highlighted navigation link already names the page.
  const title = <h1 className="visually-hidden">Review</h1>;
  if (placeholder || !catalog) {
    return (
      <>
        {title}
        {placeholder}
      </>
    );
  }

  const cardFor = (clause: Clause, index: number, inList: boolean) => (
    <ClauseCard
      clause={clause}
      text={result?.text ?? ''}
      hueOf={reviewView.hueOf}
      thresholds={thresholds}
      shift={shift}
      translator={translator}
      showText={inList}
      testId={inList ? 'clause-list-card' : 'clause-card'}
      heading={`Clause ${index + 1} of ${clauses.length}`}
      actions={
        inList ? (
          <button type="button" className="button" onClick={() => showClause(clause)}>
            Show in document
          </button>
        ) : (
          <>
            <button type="button" className="button" onClick={() => step(-1)} aria-label="Previous clause">
              ‹
            </button>
            <button type="button" className="button" onClick={() => step(1)} aria-label="Next clause">
              ›
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setSelectedStart(null)}
              aria-label="Close"
              data-testid="clause-card-close"
            >
              ✕
            </button>
          </>
        )
      }
    />
  );
  const selectedClause = selected === null ? undefined : clauses[selected];
  const stale = result !== null && result.text !== text;

  return (
    <section className="review" aria-label="Review">
      {title}
      <ReviewInput
        text={text}
        onText={(next) => {
          setText(next);
          if (!next.trim()) setName('');
        }}
        onReplaceAll={() => {
          setName('');
          setChosenKind(null);
        }}
        name={name}
        onFile={(file) => void openFile(file)}
        opening={opening}
        guess={guess}
        chosenKind={chosenKind}
        onChooseKind={setChosenKind}
        model={model}
        models={kindModels}
        statuses={statuses}
        onChooseModel={chooseTagger}
        modelReady={model ? statuses[model.id]?.state === 'ready' : false}
        download={model ? downloads[model.id] : undefined}
        run={run}
        onReview={() => review(text, name, kind)}
        onCancel={cancel}
        onClear={() => {
          setText('');
          setName('');
          setChosenKind(null);
        }}
      />
      {fileError ? (
        <p className="error" role="alert" data-testid="review-file-error">
          {fileError}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="review-error">
          {error}
        </p>
      ) : null}
      {cancelled && run.phase === 'idle' ? (
        <p className="muted" role="status" data-testid="review-cancelled">
          {cancelledReviewText(result !== null)}
        </p>
      ) : null}

      {result ? (
        <div className="review-results" data-testid="review-results">
          <div className="review-results-bar">
            <span
              className="muted"
              data-testid="review-status"
              data-state={run.phase === 'idle' ? 'done' : 'running'}
              data-review={result.id}
              data-seconds={result.seconds.toFixed(3)}
            >
              {KIND_NAMES[result.kind]} · {result.model.name}
              {result.tags.thresholdsLanguage ? (
                <span
                  data-testid="review-read-as"
                  title="The model keeps a decision threshold per category for each language it was trained on; these are the ones for this document's language."
                >
                  {' '}
                  · read as {languageName(result.tags.thresholdsLanguage)}
                </span>
              ) : null}{' '}
              · {taggedClausesText(clauses.length)} · {result.seconds.toFixed(2)} s
            </span>
            <span className="review-view-switch" role="group" aria-label="View">
              <button
                type="button"
                className="button"
                aria-pressed={view === 'document'}
                onClick={() => setView('document')}
                data-testid="view-document"
              >
                Document
              </button>
              <button
                type="button"
                className="button"
                aria-pressed={view === 'list'}
                onClick={() => setView('list')}
                data-testid="view-list"
              >
                Clause list ({clauses.length})
              </button>
            </span>
          </div>
          {stale ? (
            <p className="banner banner-warning review-stale" role="status" data-testid="review-stale">
              The text has changed since this review; the highlights show the reviewed version. Review again
              to update them.
            </p>
          ) : null}
          <div className="review-workspace">
            <div className="review-main">
              {view === 'document' ? (
                <DocumentView
                  text={result.text}
                  clauses={clauses}
                  facts={reviewView.facts.map((row) => row.fact)}
                  hueOf={reviewView.hueOf}
                  selected={selected}
                  onSelect={(index) => setSelectedStart(clauses[index]?.start ?? null)}
                  scrollRequest={scrollRequest}
                  card={selectedClause && selected !== null ? cardFor(selectedClause, selected, false) : null}
                />
              ) : (
                <ClauseList
                  clauses={clauses}
                  selected={selected}
                  renderClause={(clause, index) => cardFor(clause, index, true)}
                />
              )}
            </div>
            <ReviewSidebar
              kind={result.kind}
              found={reviewView.found}
              clauseCount={clauses.length}
              hueOf={reviewView.hueOf}
              hidden={hidden}
              onToggle={(label) =>
                setHidden((current) => {
                  const next = new Set(current);
                  if (!next.delete(label)) next.add(label);
                  return next;
                })
              }
              onShowAll={(show) => setHidden(show ? new Set() : new Set(reviewView.labels))}
              onJump={jumpTo}
              occurrence={(label) => (selected === null ? null : occurrenceOf(clauses, label, selected))}
              missing={reviewView.missing}
              facts={reviewView.facts}
              onJumpToFact={jumpToFact}
              shift={shift}
              onShift={setShift}
              onExportJson={exportJson}
              onExportCsv={exportCsv}
              onPrint={print}
            />
          </div>
        </div>
      ) : null}

      {printing && result ? (
        <PrintReport
          name={result.name || 'pasted text'}
          kind={result.kind}
          modelName={result.model.name}
          text={result.text}
          facts={reviewView.facts}
          found={reviewView.found}
          missing={reviewView.missing}
          clauses={clauses}
          shift={shift}
          hidden={hidden}
        />
      ) : null}
    </section>
  );
}
