import { useState } from 'react';
import { languageName } from '../format';
import { GlossaryDialog } from './GlossaryDialog';
import './glossary.css';
import type { PairGlossary } from './use-glossary';

/** The Translate page's glossary button: how many terms the pair has, and the editor behind it. */
export function GlossaryControl({ glossary, disabled }: { glossary: PairGlossary; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const count = glossary.usable.length;
  const pair = `${languageName(glossary.source)} → ${languageName(glossary.target)}`;
  return (
    <>
      <button
        type="button"
        className="button glossary-button"
        onClick={() => setOpen(true)}
        disabled={disabled}
        aria-label={`Glossary for ${pair}: ${count} term${count === 1 ? '' : 's'}`}
        title={`Terms always translated your way (${pair})`}
        data-testid="glossary-button"
      >
        Glossary{' '}
        <span className="badge" data-testid="glossary-count">
          {count}
        </span>
      </button>
      {open ? <GlossaryDialog glossary={glossary} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
