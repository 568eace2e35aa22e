import type { ReactNode } from 'react';
import { targetName } from '../chinese-script';
import type { Clause } from './clauses';
import { cutoff } from './clauses';
import { hueStyle } from './hue-style';
import type { ClauseTranslation } from './use-clause-translations';

/** What a clause card needs to offer "Translate this clause" (absent when no translation model exists). */
export interface ClauseTranslator {
  targets: string[];
  target: string;
  setTarget(target: string): void;
  viaEnglish(target: string): boolean;
  result(clause: Clause): ClauseTranslation | undefined;
  translate(clause: Clause): void;
}

interface ClauseCardProps {
  clause: Clause;
  text: string;
  hueOf(label: string): number;
  thresholds: Record<string, number>;
  shift: number;
  translator: ClauseTranslator | null;
  /** Show the clause's own text (in the clause list; in the document it sits right above the card). */
  showText?: boolean;
  heading: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

function TranslationResult({ result }: { result: ClauseTranslation }) {
  if (result.state === 'failed') {
    return (
      <p className="error" role="alert" data-testid="clause-translation-error">
        {result.text}
      </p>
    );
  }
  const busy = result.state !== 'done';
  return (
    <div className="review-translation" aria-live="polite" aria-busy={busy}>
      <span className="muted">
        {targetName(result.target)}
        {result.state === 'downloading' ? ' · downloading the model…' : busy ? ' · translating…' : ''}
      </span>
      <p lang={result.target} data-testid="clause-translation" data-state={result.state}>
        {result.text}
      </p>
    </div>
  );
}

export function ClauseCard(props: ClauseCardProps) {
  const { clause, text, hueOf, thresholds, shift, translator, showText, heading, actions, testId } = props;
  const result = translator?.result(clause);
  const busy = result?.state === 'downloading' || result?.state === 'translating';
  return (
    <article className="review-card" data-testid={testId} data-start={clause.start} data-end={clause.end}>
      <header className="review-card-head">
        <span className="review-card-title">{heading}</span>
        {actions ? <span className="actions">{actions}</span> : null}
      </header>
      <ul className="review-labels">
        {clause.labels.map((item) => {
          const bar = cutoff(thresholds[item.label] ?? 1, shift);
          return (
            <li key={item.label} data-testid="clause-label" data-label={item.label}>
              <span className="review-swatch" style={hueStyle(hueOf(item.label))} aria-hidden="true" />
              <strong>{item.label}</strong>
              <span title={`Score ${item.score.toFixed(4)}`} data-testid="clause-score">
                score {item.score.toFixed(2)}
              </span>
              <span className="muted">cutoff {bar.toFixed(2)}</span>
              {item.decided ? null : <span className="badge">under the model’s own cutoff</span>}
            </li>
          );
        })}
      </ul>
      {showText ? <p className="review-card-text">{text.slice(clause.start, clause.end)}</p> : null}
      {translator ? (
        <div className="review-translate">
          <label className="review-inline-field">
            <span>Translate this clause into</span>
            <select
              value={translator.target}
              onChange={(event) => translator.setTarget(event.target.value)}
              data-testid="clause-translate-target"
            >
              {translator.targets.map((code) => (
                <option key={code} value={code}>
                  {targetName(code)}
                  {translator.viaEnglish(code) ? ' (via English)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            onClick={() => translator.translate(clause)}
            disabled={busy}
            data-testid="clause-translate"
          >
            Translate this clause
          </button>
        </div>
      ) : null}
      {result ? <TranslationResult result={result} /> : null}
    </article>
  );
}
