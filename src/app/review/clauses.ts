/**
 * From the engine's tags to what the page shows: every scored (clause, label) pair, the confidence setting that
 * filters them, and clauses (one text range with all its visible labels) in document order.
 */
import type { DocumentTags } from '../../engine/types';

/** A (clause, label) score; `decided` when the model itself tags it (score at or over the label's threshold). */
export interface ScoredSpan {
  label: string;
  start: number;
  end: number;
  score: number;
  decided: boolean;
}

export interface ClauseLabel {
  label: string;
  score: number;
  decided: boolean;
}

/** One stretch of text and its visible labels, surest first. */
export interface Clause {
  start: number;
  end: number;
  labels: ClauseLabel[];
}

/** Scores under this are never shown; asked of the engine so lowering the confidence needs no second run. */
export const CANDIDATE_FLOOR = 0.02;
/** The confidence setting moves every label's cutoff by this many logits either way (0 = the model's own). */
export const CONFIDENCE_MIN = -4;
export const CONFIDENCE_MAX = 4;
export const CONFIDENCE_STEP = 0.5;

/** The model's decision and the sub-threshold candidates, one list in document order. */
export function scoredSpans(tags: DocumentTags): ScoredSpan[] {
  const decided = tags.spans.map(({ label, start, end, score }) => ({
    label,
    start,
    end,
    score,
    decided: true,
  }));
  const candidates = (tags.candidates ?? []).map((candidate) => ({ ...candidate, decided: false }));
  return [...decided, ...candidates].sort((a, b) => a.start - b.start || b.score - a.score);
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The score a label needs at a confidence setting: its threshold moved by `shift` on the log-odds scale, so every
 * label keeps its own calibration (a label whose threshold is 0.1 is not treated like one whose threshold is 0.5).
 */
export function cutoff(threshold: number, shift: number): number {
  if (shift === 0) return threshold;
  const clamped = Math.min(1 - 1e-6, Math.max(1e-6, threshold));
  return Math.min(1, Math.max(CANDIDATE_FLOOR, sigmoid(logit(clamped) + shift)));
}

/**
 * Whether a span shows at a confidence setting. At 0 exactly the model's decision shows; lower settings add
 * candidates over the lowered cutoff; higher ones drop decided spans under the raised cutoff.
 */
export function isShown(span: ScoredSpan, thresholds: Record<string, number>, shift: number): boolean {
  if (shift === 0) return span.decided;
  const bar = cutoff(thresholds[span.label] ?? 1, shift);
  return shift < 0 ? span.decided || span.score >= bar : span.decided && span.score >= bar;
}

export function shownSpans(
  spans: readonly ScoredSpan[],
  thresholds: Record<string, number>,
  shift: number,
): ScoredSpan[] {
  return spans.filter((span) => isShown(span, thresholds, shift));
}

export function countByLabel(spans: readonly ScoredSpan[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const span of spans) counts.set(span.label, (counts.get(span.label) ?? 0) + 1);
  return counts;
}

/** Groups spans by text range, leaving out hidden labels; ranges without a visible label are dropped. */
export function groupClauses(spans: readonly ScoredSpan[], hidden: ReadonlySet<string>): Clause[] {
  const byRange = new Map<string, Clause>();
  for (const span of spans) {
    if (hidden.has(span.label)) continue;
    const key = `${span.start}:${span.end}`;
    let clause = byRange.get(key);
    if (!clause) {
      clause = { start: span.start, end: span.end, labels: [] };
      byRange.set(key, clause);
    }
    clause.labels.push({ label: span.label, score: span.score, decided: span.decided });
  }
  const clauses = [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const clause of clauses) clause.labels.sort((a, b) => b.score - a.score);
  return clauses;
}

/** A category shown at the chosen confidence and how many clauses carry it. */
export interface FoundCategory {
  label: string;
  count: number;
}

/** What a finished review shows at one confidence setting. */
export interface TaggedSelection {
  /**
   * The tagged clauses, hidden categories left out, in document order: the one list behind the header's count,
   * the side panel's count, the clause list, the print-out and the exports, so none of them can disagree.
   */
  clauses: Clause[];
  /** Categories with at least one clause at this confidence, in `labels` order; hidden ones stay so they can be
   * shown again. */
  found: FoundCategory[];
}

export function taggedSelection(
  spans: readonly ScoredSpan[],
  thresholds: Record<string, number>,
  shift: number,
  hidden: ReadonlySet<string>,
  labels: readonly string[],
): TaggedSelection {
  const shown = shownSpans(spans, thresholds, shift);
  const counts = countByLabel(shown);
  return {
    clauses: groupClauses(shown, hidden),
    found: labels.flatMap((label) => {
      const count = counts.get(label);
      return count ? [{ label, count }] : [];
    }),
  };
}

/** "1 tagged clause", "12 tagged clauses". */
export function taggedClausesText(count: number): string {
  return `${count.toLocaleString('en')} tagged clause${count === 1 ? '' : 's'}`;
}

/** The next clause (after `current`, wrapping around) that carries `label`; null when none does. */
export function nextClauseWith(
  clauses: readonly Clause[],
  label: string,
  current: number | null,
): number | null {
  const n = clauses.length;
  const from = current === null ? 0 : current + 1;
  for (let step = 0; step < n; step++) {
    const index = (from + step) % n;
    if (clauses[index]?.labels.some((item) => item.label === label)) return index;
  }
  return null;
}

/** Which occurrence of `label` a clause is ("2 of 5"), or null when it does not carry it. */
export function occurrenceOf(
  clauses: readonly Clause[],
  label: string,
  index: number,
): { nth: number; of: number } | null {
  let nth = 0;
  let of = 0;
  clauses.forEach((clause, i) => {
    if (!clause.labels.some((item) => item.label === label)) return;
    of += 1;
    if (i === index) nth = of;
  });
  return nth > 0 ? { nth, of } : null;
}

/** "Model default", "Lower: shows more (−1.5)", "Higher: shows fewer (+2)". */
export function confidenceText(shift: number): string {
  if (shift === 0) return "Model default (each category's own cutoff)";
  const amount = Math.abs(shift).toLocaleString('en', { maximumFractionDigits: 1 });
  return shift < 0 ? `Lower: shows more (−${amount})` : `Higher: shows fewer (+${amount})`;
}
