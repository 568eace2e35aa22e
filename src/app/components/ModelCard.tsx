import { useRef, useState } from 'react';
import type { CatalogModel } from '../../engine/types';
import { modelCardUrl, readModelCard } from '../model-card';

type Card = { text: string } | { error: string } | null;

/**
 * A button that opens the model's card in a dialog. The card is shown as preformatted text through React, so
 * whatever markup or HTML it holds is displayed, never interpreted.
 */
export function ModelCard({ model }: { model: CatalogModel }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [card, setCard] = useState<Card>(null);
  const url = modelCardUrl(model);
  if (!url) return null;

  const open = async () => {
    dialog.current?.showModal();
    if (card && 'text' in card) return;
    setCard(null);
    setCard(await readModelCard(url));
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void open()} data-testid="model-card-button">
        Model card
      </button>
      <dialog
        ref={dialog}
        className="model-card"
        aria-label={`Model card: ${model.name}`}
        data-testid="model-card"
      >
        <form method="dialog" className="model-card-head">
          <h2>{model.name}</h2>
          <button type="submit" className="button" data-testid="close-model-card">
            Close
          </button>
        </form>
        {card === null ? (
          <p className="muted">Loading the model card…</p>
        ) : 'text' in card ? (
          <pre className="model-card-text" data-testid="model-card-text">
            {card.text}
          </pre>
        ) : (
          <p className="error" role="alert">
            {card.error}
          </p>
        )}
      </dialog>
    </>
  );
}
