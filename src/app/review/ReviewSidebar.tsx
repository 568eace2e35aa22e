import type { Fact } from '../../engine/types';
import {
  CONFIDENCE_MAX,
  CONFIDENCE_MIN,
  CONFIDENCE_STEP,
  confidenceText,
  type FoundCategory,
} from './clauses';
import type { ReviewKind } from './review-kind';
import type { MissingCategories } from './expected-categories';
import type { FactRow } from './facts-list';
import { hueStyle } from './hue-style';

interface ReviewSidebarProps {
  kind: ReviewKind;
  /** Categories found at the current confidence, in the model's label order, with their counts. */
  found: FoundCategory[];
  /** The tagged clauses shown (`taggedSelection`), the number the page header and the exports give too. */
  clauseCount: number;
  hueOf(label: string): number;
  hidden: ReadonlySet<string>;
  onToggle(label: string): void;
  onShowAll(show: boolean): void;
  onJump(label: string): void;
  /** "2 of 5" when the selected clause carries the label. */
  occurrence(label: string): { nth: number; of: number } | null;
  missing: MissingCategories;
  facts: FactRow[];
  onJumpToFact(fact: Fact): void;
  shift: number;
  onShift(shift: number): void;
  onExportJson(): void;
  onExportCsv(): void;
  onPrint(): void;
}

function ConfidenceSetting({ shift, onShift }: { shift: number; onShift(shift: number): void }) {
  return (
    <section className="review-panel" aria-labelledby="review-confidence-heading">
      <h3 id="review-confidence-heading">Confidence</h3>
      <input
        type="range"
        className="review-slider"
        min={CONFIDENCE_MIN}
        max={CONFIDENCE_MAX}
        step={CONFIDENCE_STEP}
        value={shift}
        onChange={(event) => onShift(Number(event.target.value))}
        aria-labelledby="review-confidence-heading"
        aria-valuetext={confidenceText(shift)}
        data-testid="confidence-slider"
      />
      <div className="review-slider-ends muted" aria-hidden="true">
        <span>More clauses</span>
        <span>Surer clauses</span>
      </div>
      <p className="review-note">
        <output data-testid="confidence-text">{confidenceText(shift)}</output>{' '}
        {shift !== 0 ? (
          <button type="button" className="link-button" onClick={() => onShift(0)}>
            Reset
          </button>
        ) : null}
      </p>
      <p className="review-note muted">
        Each category has its own cutoff, set when the model was trained. Move left to also see weaker
        matches, right to keep only the surest.
      </p>
    </section>
  );
}

export function ReviewSidebar(props: ReviewSidebarProps) {
  const { kind, found, hueOf, hidden, onToggle, onShowAll, onJump, occurrence, missing, facts } = props;
  return (
    <aside className="review-sidebar" aria-label="Review summary">
      <ConfidenceSetting shift={props.shift} onShift={props.onShift} />

      <section className="review-panel" aria-labelledby="review-found-heading" data-testid="categories-found">
        <h3 id="review-found-heading">
          {kind === 'tos' ? 'Potentially unfair terms' : 'Clauses found'} ({props.clauseCount})
        </h3>
        {found.length === 0 ? (
          <p className="muted">None at this confidence.</p>
        ) : (
          <>
            <p className="review-note">
              {found.length.toLocaleString('en')} {found.length === 1 ? 'category' : 'categories'} ·{' '}
              <button type="button" className="link-button" onClick={() => onShowAll(true)}>
                Show all
              </button>{' '}
              ·{' '}
              <button type="button" className="link-button" onClick={() => onShowAll(false)}>
                Hide all
              </button>
            </p>
            <ul className="review-categories">
              {found.map(({ label, count }) => {
                const shown = !hidden.has(label);
                const at = occurrence(label);
                return (
                  <li key={label} data-testid="category" data-label={label} data-count={count}>
                    <input
                      type="checkbox"
                      checked={shown}
                      onChange={() => onToggle(label)}
                      aria-label={`Show ${label}`}
                      data-testid="category-toggle"
                    />
                    <span className="review-swatch" style={hueStyle(hueOf(label))} aria-hidden="true" />
                    <button
                      type="button"
                      className="link-button review-category-name"
                      onClick={() => onJump(label)}
                      disabled={!shown}
                      title={`Go to the ${at ? 'next' : 'first'} ${label} clause`}
                      data-testid="category-jump"
                    >
                      {label}
                    </button>
                    <span className="review-count" data-testid="category-count">
                      {at ? `${at.nth} of ${at.of}` : count}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>

      <section
        className="review-panel"
        aria-labelledby="review-missing-heading"
        data-testid="categories-missing"
      >
        <h3 id="review-missing-heading">
          {kind === 'tos' ? 'Not detected' : 'Usually present, not found'} ({missing.expected.length})
        </h3>
        {missing.expected.length === 0 ? (
          <p className="muted">{kind === 'tos' ? 'Every type was detected.' : 'All of them were found.'}</p>
        ) : (
          <ul className="review-missing">
            {missing.expected.map(({ label, why }) => (
              <li key={label} data-testid="missing-category" data-label={label}>
                <strong>{label}</strong>
                {why ? (
                  <span className="muted"> — {why}</span>
                ) : (
                  <span className="muted"> — not detected</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {missing.others.length > 0 ? (
          <details className="review-details">
            <summary>Other categories not found ({missing.others.length})</summary>
            <p className="muted review-note">{missing.others.join(' · ')}</p>
          </details>
        ) : null}
      </section>

      <section className="review-panel" aria-labelledby="review-facts-heading" data-testid="key-facts">
        <h3 id="review-facts-heading">Key facts</h3>
        {facts.length === 0 ? (
          <p className="muted">No title, parties or dates found in the opening.</p>
        ) : (
          <dl className="review-facts">
            {facts.map(({ name, fact, shown }) => (
              <div key={`${name}-${fact.start}`} data-testid="fact" data-name={name}>
                <dt>{name}</dt>
                <dd>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => props.onJumpToFact(fact)}
                    title="Show in the document"
                  >
                    {shown}
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="review-panel" aria-labelledby="review-export-heading">
        <h3 id="review-export-heading">Export</h3>
        <p className="review-note muted">What is shown: this confidence and the categories ticked above.</p>
        <div className="actions">
          <button type="button" className="button" onClick={props.onExportJson} data-testid="export-json">
            JSON
          </button>
          <button type="button" className="button" onClick={props.onExportCsv} data-testid="export-csv">
            CSV
          </button>
          <button type="button" className="button" onClick={props.onPrint} data-testid="print-report-button">
            Print report
          </button>
        </div>
      </section>
    </aside>
  );
}
