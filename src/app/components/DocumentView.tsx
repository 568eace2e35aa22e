import { useState } from 'react';
import { translationDocxBlob } from '../documents/export-docx';
import { translatedFileName, translationTextBlob } from '../documents/export-file';
import { exportParagraphs, partialExportNote } from '../documents/export-paragraphs';
import { progressText } from '../documents/document-progress';
import type { OpenedDocument } from '../documents/read-document';
import { saveFile } from '../documents/save-file';
import type { DocumentTranslation } from '../documents/use-document-translation';
import { errorMessage } from '../error-message';
import { statsText } from '../translate-status';
import { DocumentOpenButton } from './DocumentOpenButton';
import { DocumentRows } from './DocumentRows';
import { ProgressBar } from './ProgressBar';

const KIND_LABELS: Record<OpenedDocument['kind'], string> = {
  txt: 'Text file',
  docx: 'Word document',
  pdf: 'PDF',
};

type Phase = 'idle' | 'downloading' | 'translating';

function statusText(phase: Phase, translation: DocumentTranslation, cancelled: boolean): string {
  const { progress, stats, complete } = translation;
  if (phase === 'downloading') return 'Downloading the model…';
  if (phase === 'translating') return progressText(progress, translation.secondsLeft);
  if (complete && stats) {
    return `Translated ${progress.paragraphsTotal.toLocaleString('en')} paragraph${progress.paragraphsTotal === 1 ? '' : 's'} · ${statsText(stats)}`;
  }
  return cancelled ? `Cancelled · ${progressText(progress)}` : progressText(progress);
}

/** An opened document: its paragraphs beside their translations, with progress, cancel and export. */
export function DocumentView({
  document,
  translation,
  source,
  target,
  phase,
  cancelled,
  canTranslate,
  onTranslate,
  onCancel,
  onOpen,
  onClose,
  onError,
}: {
  document: OpenedDocument;
  translation: DocumentTranslation;
  source: string;
  target: string;
  phase: Phase;
  /** The last run was cancelled: said in the status, as the user's choice rather than an error. */
  cancelled: boolean;
  canTranslate: boolean;
  onTranslate: () => void;
  onCancel: () => void;
  onOpen: (file: File) => void;
  onClose: () => void;
  onError: (message: string) => void;
}) {
  const [exporting, setExporting] = useState(false);
  const busy = phase !== 'idle';
  const { progress, complete } = translation;
  const state = busy ? phase : complete ? 'done' : progress.paragraphsDone > 0 ? 'partial' : 'idle';
  const characters = document.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
  // What is translated so far can be exported at any time, the rest in the original, as the note says.
  const exported = () => exportParagraphs(document, translation.translations);
  const canExport = progress.paragraphsDone > 0;
  const exportNote = partialExportNote(progress.paragraphsDone, progress.paragraphsTotal);

  const exportText = () =>
    saveFile(
      translationTextBlob(exported().map((paragraph) => paragraph.text)),
      translatedFileName(document.name, target, 'txt'),
    );
  const exportDocx = async () => {
    setExporting(true);
    try {
      const title = translatedFileName(document.name, target, 'docx').replace(/\.docx$/u, '');
      const blob = await translationDocxBlob(exported(), { title, language: target, sourceLanguage: source });
      saveFile(blob, translatedFileName(document.name, target, 'docx'));
    } catch (error) {
      onError(`The Word document could not be created: ${errorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="document" aria-label={`Document ${document.name}`} data-testid="document-view">
      <div className="document-bar">
        <div className="document-title">
          <strong data-testid="document-name">{document.name}</strong>
          <span className="muted" data-testid="document-summary">
            {KIND_LABELS[document.kind]} · {document.paragraphs.length.toLocaleString('en')} paragraph
            {document.paragraphs.length === 1 ? '' : 's'} · {characters.toLocaleString('en')} characters
          </span>
        </div>
        <span className="actions">
          <DocumentOpenButton label="Open another…" onFile={onOpen} disabled={busy} />
          <button
            type="button"
            className="button"
            onClick={onClose}
            disabled={busy}
            data-testid="document-close"
          >
            Close document
          </button>
        </span>
      </div>

      <div className="document-progress">
        <ProgressBar
          loaded={progress.charactersDone}
          total={progress.charactersTotal}
          label="Translation progress"
          testId="document-progress"
        />
        <span className="muted" data-testid="document-status" data-state={state}>
          {statusText(phase, translation, cancelled)}
        </span>
        {/* Announced once per paragraph rather than on every token. */}
        <span className="visually-hidden" role="status">
          {complete
            ? 'Translation finished.'
            : `${progress.paragraphsDone} of ${progress.paragraphsTotal} paragraphs translated.`}
        </span>
      </div>

      <DocumentRows
        paragraphs={document.paragraphs}
        translations={translation.translations}
        running={translation.running}
        source={source}
        target={target}
      />

      <div className="document-actions">
        <span className="actions">
          {busy ? (
            <button type="button" className="button" onClick={onCancel} data-testid="document-cancel">
              Cancel
            </button>
          ) : null}
          <button
            type="button"
            className="button primary"
            onClick={onTranslate}
            disabled={busy || complete || !canTranslate}
            data-testid="document-translate"
          >
            {busy
              ? 'Translating…'
              : progress.paragraphsDone > 0 && !complete
                ? 'Continue translating'
                : 'Translate document'}
          </button>
        </span>
        <span className="actions">
          {exportNote ? (
            <span className="muted" data-testid="document-export-note">
              {exportNote}
            </span>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={exportText}
            disabled={!canExport}
            data-testid="document-export-txt"
          >
            Export .txt
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void exportDocx()}
            disabled={!canExport || exporting}
            data-testid="document-export-docx"
          >
            Export .docx
          </button>
        </span>
      </div>
    </section>
  );
}
