import { useRef, useState, type DragEvent, type ReactNode } from 'react';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

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
  const [over, setOver] = useState(false);
  // Entering a child fires dragleave on the parent; count the nesting instead of trusting single events.
  const depth = useRef(0);

  const enter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setOver(true);
  };
  const leave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  };
  const dragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    if (!disabled) onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className={`document-drop${over ? ' document-drop-over' : ''}`}
      onDragEnter={enter}
      onDragLeave={leave}
      onDragOver={dragOver}
      onDrop={drop}
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
