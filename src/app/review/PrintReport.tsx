import type { Clause, FoundCategory } from './clauses';
import { confidenceText } from './clauses';
import { KIND_NAMES, type ReviewKind } from './review-kind';
import type { MissingCategories } from './expected-categories';
import type { FactRow } from './facts-list';

interface PrintReportProps {
  name: string;
  kind: ReviewKind;
  modelName: string;
  text: string;
  facts: FactRow[];
  found: FoundCategory[];
  missing: MissingCategories;
  clauses: Clause[];
  shift: number;
  hidden: ReadonlySet<string>;
}

/**
 * The printable report: rendered only while printing (the print stylesheet shows it alone), so the screen never
 * holds a second, unvirtualised copy of every clause.
 */
export function PrintReport(props: PrintReportProps) {
  const { name, kind, modelName, text, facts, found, missing, clauses, shift, hidden } = props;
  return (
    <article className="review-print" data-testid="print-report">
      <h1>Review of {name}</h1>
      <p>
        {KIND_NAMES[kind]} · {modelName} · {new Date().toLocaleDateString('en', { dateStyle: 'long' })} ·
        Confidence: {confidenceText(shift)}
        {hidden.size > 0 ? ` · Hidden: ${[...hidden].join(', ')}` : ''}
      </p>
      <p>Tagged on this device by Lexlet. Automated tagging is an aid to review, not legal advice.</p>

      <h2>Key facts</h2>
      {facts.length === 0 ? (
        <p>None found.</p>
      ) : (
        <dl>
          {facts.map(({ name: factName, fact, shown }) => (
            <div key={`${factName}-${fact.start}`}>
              <dt>{factName}</dt>
              <dd>{shown}</dd>
            </div>
          ))}
        </dl>
      )}

      <h2>
        {kind === 'tos' ? 'Potentially unfair terms' : 'Clauses found'} ({clauses.length})
      </h2>
      {found.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {found.map(({ label, count }) => (
            <li key={label}>
              {label}: {count}
            </li>
          ))}
        </ul>
      )}

      <h2>{kind === 'tos' ? 'Not detected' : 'Usually present, not found'}</h2>
      {missing.expected.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {missing.expected.map(({ label, why }) => (
            <li key={label}>
              {label}
              {why ? ` — ${why}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h2>Clauses ({clauses.length})</h2>
      {clauses.map((clause) => (
        <section key={clause.start} className="review-print-clause">
          <h3>
            {clause.labels.map((item) => `${item.label} (${item.score.toFixed(2)})`).join(' · ')}
            <span>
              {' '}
              — characters {clause.start}–{clause.end}
            </span>
          </h3>
          <p>{text.slice(clause.start, clause.end)}</p>
        </section>
      ))}
    </article>
  );
}
