interface LargeTextOfferProps {
  characters: number;
  disabled: boolean;
  onAccept: () => void;
}

/** Offers document mode for text too large to translate in the text box (large-text.ts says why). */
export function LargeTextOffer({ characters, disabled, onAccept }: LargeTextOfferProps) {
  return (
    <div className="offer" role="status" data-testid="large-text-offer">
      <p>
        This text is large ({characters.toLocaleString('en')} characters). Lexlet translates text this long as
        a document: paragraph by paragraph, with progress, and you can stop and carry on later.
      </p>
      <button
        type="button"
        className="button primary"
        onClick={onAccept}
        disabled={disabled}
        data-testid="large-text-offer-button"
      >
        Translate as a document
      </button>
    </div>
  );
}
