import type { ReactNode } from 'react';
import { useFileDrop } from './use-file-drop';

/** Accepts a document dropped anywhere on its children; shows where to drop while a file is dragged over. */
export function DocumentDropZone({
  onFiles,
  disabled,
  children,
}: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const { dragging: over, handlers } = useFileDrop(onFiles, disabled);

  return (
    <div
      className={`document-drop${over ? ' document-drop-over' : ''}`}
      {...handlers}
      data-testid="document-drop"
    >
      {children}
      {over ? (
        <div className="document-drop-hint" aria-hidden="true">
          {disabled
            ? 'Wait for the translation to finish, or cancel it, to open another document.'
            : 'Drop a .txt, .docx or .pdf file to translate it. It stays on this device.'}
        </div>
      ) : null}
    </div>
  );
}
