import { useRef } from 'react';
import { DOCUMENT_ACCEPT } from '../documents/document-file';

/** A button that opens the system file picker for a document; the file is read on the device only. */
export function DocumentOpenButton({
  label,
  onFile,
  disabled,
}: {
  label: string;
  onFile: (file: File) => void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        disabled={disabled}
        title="Open a .txt, .docx or .pdf file"
        data-testid="document-open"
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={DOCUMENT_ACCEPT}
        hidden
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it, say) opens it again.
          event.target.value = '';
          if (file) onFile(file);
        }}
        data-testid="document-input"
      />
    </>
  );
}
