import { markedParts } from '../marked-sentences';

export const UNSURE_HINT = 'The model is unsure of this sentence';
const LEGEND_ID = 'unsure-legend';

/**
 * A translation with the sentences the model was unsure of underlined (dotted, so not by colour alone), each
 * saying why on hover and, through the legend, to screen readers.
 */
export function MarkedTranslation({ text, unsure }: { text: string; unsure: readonly string[] }) {
  return (
    <>
      {markedParts(text, unsure).map((part, index) =>
        part.unsure ? (
          <mark
            key={index}
            className="unsure"
            title={UNSURE_HINT}
            aria-describedby={LEGEND_ID}
            data-testid="unsure-sentence"
          >
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** Says what the underline means, for touch screens (no hover) and screen readers; shown only beside marks. */
export function UnsureLegend() {
  return (
    <p className="muted unsure-legend" id={LEGEND_ID}>
      <span className="unsure-sample">Dotted underline</span>: {UNSURE_HINT.toLowerCase()}; check it.
    </p>
  );
}
