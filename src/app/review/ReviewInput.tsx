import { useFileDrop } from '../components/use-file-drop';
import type { CatalogModel, ModelStatus } from '../../engine/types';
import { ModelChoice } from '../components/ModelChoice';
import { DocumentOpenButton } from '../components/DocumentOpenButton';
import { downloadOfferText, downloadText } from '../components/download-text';
import { ProgressBar } from '../components/ProgressBar';
import type { DownloadProgress } from '../engine-context';
import { explainGuess, KIND_NAMES, type KindGuess, type ReviewKind } from './review-kind';
import type { ReviewRun } from './use-review-run';

interface ReviewInputProps {
  text: string;
  onText(text: string): void;
  /** A paste over the whole text: a new document, so the old file name and type choice no longer apply. */
  onReplaceAll(): void;
  name: string;
  onFile(file: File): void;
  opening: boolean;
  guess: KindGuess;
  /** The user's choice; null while the guess applies. */
  chosenKind: ReviewKind | null;
  onChooseKind(kind: ReviewKind | null): void;
  model: CatalogModel | null;
  /** The models that can review this kind of document (a choice is shown when there are several). */
  models: readonly CatalogModel[];
  statuses: Record<string, ModelStatus>;
  onChooseModel(modelId: string): void;
  modelReady: boolean;
  download: DownloadProgress | undefined;
  run: ReviewRun;
  onReview(): void;
  onCancel(): void;
  onClear(): void;
}

function RunStatus({ run, download }: { run: ReviewRun; download: DownloadProgress | undefined }) {
  if (run.phase === 'downloading') {
    return (
      <div className="review-progress" data-testid="review-progress" data-phase="downloading">
        <span aria-live="polite">
          {run.model.name}: {download ? downloadText(download) : 'Downloading…'}
        </span>
        <ProgressBar
          loaded={download?.loaded ?? 0}
          total={download?.total ?? 0}
          label={`Downloading ${run.model.name}`}
        />
      </div>
    );
  }
  if (run.phase === 'tagging') {
    return (
      <div className="review-progress" data-testid="review-progress" data-phase="tagging">
        <span aria-live="polite">
          {run.total > 0
            ? `Reviewing… ${run.done.toLocaleString('en')} of ${run.total.toLocaleString('en')} clauses`
            : 'Opening the model…'}
        </span>
        <ProgressBar loaded={run.done} total={run.total} label="Reviewing the document" />
      </div>
    );
  }
  return null;
}

/** Where the document comes in: paste, open or drop a file; choose contract or terms of service; review. */
export function ReviewInput(props: ReviewInputProps) {
  const { text, guess, chosenKind, model, run } = props;
  const busy = run.phase !== 'idle' || props.opening;
  const kind = chosenKind ?? guess.kind;
  const { dragging, handlers: dropHandlers } = useFileDrop((files) => {
    const file = files[0];
    if (file) props.onFile(file);
  }, busy);

  return (
    <section className="review-input" aria-label="Document to review">
      <div
        className={`review-drop${dragging ? ' is-dragging' : ''}`}
        {...dropHandlers}
        data-testid="review-drop"
      >
        <label htmlFor="review-text" className="visually-hidden">
          Contract or terms of service to review
        </label>
        <textarea
          id="review-text"
          value={text}
          onChange={(event) => props.onText(event.target.value)}
          onPaste={(event) => {
            const box = event.currentTarget;
            if (box.value && box.selectionStart === 0 && box.selectionEnd === box.value.length)
              props.onReplaceAll();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !busy && model) {
              event.preventDefault();
              props.onReview();
            }
          }}
          placeholder="Paste a contract or terms of service, or open or drop a .txt, .docx or .pdf file"
          rows={8}
          spellCheck={false}
          data-testid="review-text"
        />
        {dragging ? (
          <div className="review-drop-hint" aria-hidden="true">
            {busy
              ? 'Wait for the review to finish, or cancel it, to open another document.'
              : 'Drop a .txt, .docx or .pdf file to review it. It stays on this device.'}
          </div>
        ) : null}
      </div>

      <div className="review-input-bar">
        <span className="actions">
          <DocumentOpenButton
            label={props.opening ? 'Opening…' : 'Open file…'}
            onFile={props.onFile}
            disabled={busy}
          />
          <button type="button" className="button" onClick={props.onClear} disabled={busy || !text}>
            Clear
          </button>
        </span>
        <span className="muted" data-testid="review-document-name">
          {props.name ? `${props.name} · ` : ''}
          {text.length.toLocaleString('en')} characters
        </span>
      </div>

      <div className="review-kind">
        <label className="field">
          <span>Document type</span>
          <select
            value={kind}
            onChange={(event) => props.onChooseKind(event.target.value as ReviewKind)}
            data-testid="review-kind"
          >
            {(Object.keys(KIND_NAMES) as ReviewKind[]).map((value) => (
              <option key={value} value={value}>
                {KIND_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        {model ? (
          <ModelChoice
            models={props.models}
            selectedId={model.id}
            statuses={props.statuses}
            onChoose={props.onChooseModel}
            disabled={busy}
          />
        ) : null}
        <p className="review-note muted" data-testid="review-kind-reason">
          {chosenKind === null || chosenKind === guess.kind ? (
            text.trim() ? (
              explainGuess(guess)
            ) : (
              'Guessed from the text once there is some.'
            )
          ) : (
            <>
              Chosen by you; the text looks like {KIND_NAMES[guess.kind].toLowerCase()}.{' '}
              <button type="button" className="link-button" onClick={() => props.onChooseKind(null)}>
                Use the guess
              </button>
            </>
          )}
        </p>
      </div>

      {model && !props.modelReady && run.phase === 'idle' ? (
        <p className="review-note muted" data-testid="review-model-offer">
          The first review downloads the model: {downloadOfferText(model).replace(/^Download /, '')}.
        </p>
      ) : null}
      {!model ? (
        <p className="error" role="alert" data-testid="review-no-model">
          No model for {KIND_NAMES[kind].toLowerCase()} is available in this model list.
        </p>
      ) : null}

      <div className="review-input-bar">
        <RunStatus run={run} download={props.download} />
        <span className="actions">
          {run.phase !== 'idle' ? (
            <button type="button" className="button" onClick={props.onCancel} data-testid="review-cancel">
              Cancel
            </button>
          ) : null}
          <button
            type="button"
            className="button primary"
            onClick={props.onReview}
            disabled={busy || !text.trim() || !model}
            title="Review (Ctrl+Enter)"
            data-testid="review-button"
          >
            Review
          </button>
        </span>
      </div>
    </section>
  );
}
