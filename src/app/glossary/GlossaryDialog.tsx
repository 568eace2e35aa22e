import { useRef, useState } from 'react';
import { glossaryCsv } from '../../engine/translate/glossary/csv';
import { saveFile } from '../documents/save-file';
import { languageName } from '../format';
import { mergeTerms, usableTerms } from './glossary-store';
import { emptyRow, toRows, toTerms, withoutEmptyRows, type GlossaryRow } from './glossary-rows';
import { readGlossaryFile } from './read-glossary-file';
import type { PairGlossary } from './use-glossary';

type Notice = { kind: 'status' | 'error'; text: string } | null;

/**
 * The pair's glossary as rows of term and translation, saved on the device as they are typed; CSV in and out.
 * Rendered only while open (see GlossaryControl), so each opening starts from what is stored.
 */
export function GlossaryDialog({ glossary, onClose }: { glossary: PairGlossary; onClose: () => void }) {
  const [rows, setRowsState] = useState<GlossaryRow[]>(() =>
    glossary.terms.length > 0 ? toRows(glossary.terms) : [emptyRow()],
  );
  const [notice, setNotice] = useState<Notice>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const lastSource = useRef<HTMLInputElement>(null);
  const from = languageName(glossary.source);
  const to = languageName(glossary.target);

  const setRows = (next: GlossaryRow[]) => {
    setRowsState(next);
    glossary.setTerms(toTerms(withoutEmptyRows(next)));
  };
  const edit = (id: number, side: 'source' | 'target', value: string) =>
    setRows(rows.map((row) => (row.id === id ? { ...row, [side]: value } : row)));
  const add = () => {
    setRowsState([...rows, emptyRow()]);
    // Focus the new row's term once it is rendered.
    requestAnimationFrame(() => lastSource.current?.focus());
  };

  const importFile = async (file: File) => {
    const read = await readGlossaryFile(file);
    if ('error' in read) {
      setNotice({ kind: 'error', text: read.error });
      return;
    }
    setRows(toRows(mergeTerms(toTerms(withoutEmptyRows(rows)), read.terms)));
    const count = read.terms.length;
    setNotice({
      kind: 'status',
      text: `Imported ${count} term${count === 1 ? '' : 's'} from “${file.name}”.`,
    });
  };

  const exportFile = () => {
    const csv = glossaryCsv(usableTerms(toTerms(rows)));
    saveFile(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      `glossary-${glossary.source}-${glossary.target}.csv`,
    );
  };

  const incomplete = rows.filter((row) => Boolean(row.source.trim()) !== Boolean(row.target.trim())).length;

  return (
    <dialog
      ref={(element) => {
        if (element && !element.open) element.showModal();
      }}
      className="glossary-dialog"
      aria-labelledby="glossary-title"
      onClose={onClose}
      data-testid="glossary-dialog"
    >
      <form method="dialog" className="glossary-head">
        <h2 id="glossary-title">
          Glossary: {from} → {to}
        </h2>
        <button type="submit" className="button" data-testid="glossary-close">
          Close
        </button>
      </form>
      <p className="muted">
        These terms are always translated as written here: in typed text, documents and Review’s clause
        translations. Matching ignores case; the glossary is kept on this device only. Tip: include the
        article (“the Licensee” → “el Licenciatario”) for smoother sentences.
      </p>
      <table className="glossary-table">
        <thead>
          <tr>
            <th scope="col">Term ({from})</th>
            <th scope="col">Translation ({to})</th>
            <th scope="col">
              <span className="visually-hidden">Delete</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.id} data-testid="glossary-row">
              <td>
                <input
                  ref={index === rows.length - 1 ? lastSource : undefined}
                  value={row.source}
                  lang={glossary.source}
                  onChange={(event) => edit(row.id, 'source', event.target.value)}
                  aria-label={`Term ${index + 1} (${from})`}
                  data-testid="glossary-source"
                />
              </td>
              <td>
                <input
                  value={row.target}
                  lang={glossary.target}
                  onChange={(event) => edit(row.id, 'target', event.target.value)}
                  aria-label={`Translation ${index + 1} (${to})`}
                  data-testid="glossary-target"
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button danger"
                  onClick={() => setRows(rows.filter((other) => other.id !== row.id))}
                  aria-label={`Delete term ${index + 1}`}
                  title="Delete this term"
                  data-testid="glossary-delete"
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {incomplete > 0 ? (
        <p className="muted" data-testid="glossary-incomplete">
          {incomplete === 1 ? 'One row needs' : `${incomplete} rows need`} both a term and a translation
          before it is used.
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={add} data-testid="glossary-add">
          Add term
        </button>
        <button
          type="button"
          className="button"
          onClick={() => fileInput.current?.click()}
          data-testid="glossary-import"
        >
          Import CSV…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
          data-testid="glossary-file"
        />
        <button
          type="button"
          className="button"
          onClick={exportFile}
          disabled={usableTerms(toTerms(rows)).length === 0}
          data-testid="glossary-export"
        >
          Export CSV
        </button>
      </div>
      {notice ? (
        <p
          className={notice.kind === 'error' ? 'error' : 'muted'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'glossary-error' : 'glossary-status'}
        >
          {notice.text}
        </p>
      ) : null}
    </dialog>
  );
}
