import { abortError } from '../errors';
import { contradictingRule } from './clause-conflicts';
import { clauseContexts } from './clause-context';
import { clausesAllowedByDocument } from './document-rules';
import { yieldToEventLoop } from '../event-loop';
import { extractKeyFacts, type KeyFacts } from './facts';
import { segmentClauses, type TextSegment } from './segment';
import { guessLanguage } from './text-language';
import type { SentenceTagger } from './tagger';

export interface TaggedSpan {
  label: string;
  /** Offsets into the document text exactly as given: `text.slice(start, end) === span.text`. */
  start: number;
  end: number;
  score: number;
  text: string;
}

/** A (clause, label) pair that scored below the label's threshold; the clause text is `text.slice(start, end)`. */
export interface CandidateSpan {
  label: string;
  start: number;
  end: number;
  score: number;
}

/** What `lexlet tag --task contract FILE` prints (`spans` and `facts`), plus what a reviewer may ask for. */
export interface DocumentTags {
  /** The model's decision: one span per (clause, label) at or over the label's threshold, in document order. */
  spans: TaggedSpan[];
  facts: KeyFacts;
  /**
   * Only with `candidateFloor`: the (clause, label) pairs scoring at least the floor but under the label's
   * threshold, in document order, so a reviewer can lower the bar without tagging again.
   */
  candidates?: CandidateSpan[];
  /** Only with `candidateFloor`: each label's decision threshold. */
  thresholds?: Record<string, number>;
  /** The language whose thresholds decided the tags, when the tagger keeps a set per language. */
  thresholdsLanguage?: string;
}

export interface TagProgress {
  /** Clauses tagged so far, out of `total`. */
  done: number;
  total: number;
}

export interface DocumentTagOptions {
  /** Longer blocks are split into sentences before tagging (the taggers are trained on sentences). */
  maxSegmentChars?: number;
  /** Keep sub-threshold scores at or above this floor as `candidates` (0 < floor ≤ 1). */
  candidateFloor?: number;
  /** Called once before the first batch (done 0) and after each batch of clauses. */
  onProgress?: (progress: TagProgress) => void;
  /** Checked between batches; an aborted signal ends the work with an 'aborted' LexletError. */
  signal?: AbortSignal;
  /** Clauses per progress step, rounded to whole tagger batches (64). */
  batchSize?: number;
  /**
   * The document's language (ISO 639-1), for a multilingual tagger's per-language thresholds; guessed from the
   * text's common words when not given.
   */
  language?: string;
}

/** SentenceTagger's batch size (load-tagger keeps the default). */
const TAGGER_BATCH = 64;

/**
 * Tags a whole document: segment into clauses, tag each clause (read in its context when the model was trained
 * so), keep one span per (clause, label) over the label's threshold, in document order. A model with document rules
 * (`document-rules.ts`) also decides each label over the whole document; the clauses those rules hold back are
 * candidates. Headings are not tagged (they name a topic without stating a term), and a label the clause's own
 * text rules out (`clause-conflicts.ts`) is neither a span nor a candidate.
 *
 * Progress is reported per batch of clauses and an abort is honoured between batches; neither changes a score,
 * so `lexlet tag` prints the same bytes whether or not it asks for them.
 */
export async function tagDocument(
  text: string,
  tagger: SentenceTagger,
  options: DocumentTagOptions = {},
): Promise<DocumentTags> {
  const { onProgress, signal, candidateFloor } = options;
  if (candidateFloor !== undefined && !(candidateFloor > 0 && candidateFloor <= 1)) {
    throw new RangeError(`candidateFloor must be in (0, 1], got ${candidateFloor}`);
  }
  const segments: TextSegment[] = segmentClauses(text, { maxChars: options.maxSegmentChars ?? 600 }).filter(
    (s) => s.kind !== 'heading',
  );
  const { labels, documentRules } = tagger.config;
  const language = tagger.config.thresholdsByLanguage ? (options.language ?? guessLanguage(text)) : undefined;
  const thresholds = tagger.thresholdsFor(language);
  const contexts = tagger.readsContext ? clauseContexts(text, segments) : [];
  const ids = segments.map((s, i) => {
    const clause = text.slice(s.start, s.end);
    const context = contexts[i];
    return context ? tagger.idsInContext(clause, context) : tagger.ids(clause);
  });
  // The tagger pads each batch to its longest text, and padding changes the last bits of a score; visiting the
  // clauses in the tagger's own order (fewest ids first, stable) and in whole tagger batches keeps every batch,
  // and so every score, the same as tagging the document in one call.
  const order = ids
    .map((list, index) => ({ index, length: list.length }))
    .sort((a, b) => a.length - b.length)
    .map((item) => item.index);
  const batchSize =
    TAGGER_BATCH * Math.max(1, Math.round((options.batchSize ?? TAGGER_BATCH) / TAGGER_BATCH));
  const probs: Float32Array[] = new Array<Float32Array>(segments.length);

  onProgress?.({ done: 0, total: segments.length });
  for (let from = 0; from < order.length; from += batchSize) {
    if (signal?.aborted) throw abortError();
    const batch = order.slice(from, from + batchSize);
    const batchProbs = await tagger.probabilitiesOfIds(batch.map((index) => ids[index] ?? []));
    batch.forEach((index, row) => {
      const rowProbs = batchProbs[row];
      if (rowProbs) probs[index] = rowProbs;
    });
    const done = Math.min(order.length, from + batchSize);
    onProgress?.({ done, total: segments.length });
    // Model runs resolve as microtasks: without this, an abort (a message) would wait for the whole document.
    if (signal && done < order.length) await yieldToEventLoop();
  }
  if (signal?.aborted) throw abortError();

  const spans: TaggedSpan[] = [];
  const candidates: CandidateSpan[] = [];
  const byDocument = documentRules ? clausesAllowedByDocument(probs, documentRules) : null;
  const labelIndex = new Map(labels.map((label, j) => [label, j]));
  segments.forEach((segment, i) => {
    const segmentProbs = probs[i];
    if (!segmentProbs) return;
    const tags = tagger.decide(segmentProbs, language);
    const clause = text.slice(segment.start, segment.end);
    // Labels the clause's own words rule out are dropped here, so spans and candidates agree with each other.
    const allowed = (label: string) => !contradictingRule(label, clause);
    const decided = (label: string) => !byDocument || byDocument[labelIndex.get(label) ?? -1]?.[i] === true;
    for (const label of tags.labels.filter((label) => allowed(label) && decided(label))) {
      spans.push({
        label,
        start: segment.start,
        end: segment.end,
        score: tags.scores[label] ?? 0,
        text: clause,
      });
    }
    if (candidateFloor === undefined) return;
    labels.forEach((label, j) => {
      const score = segmentProbs[j] ?? 0;
      const belowBar = score < (thresholds[j] ?? Infinity) || !decided(label);
      if (score >= candidateFloor && belowBar && allowed(label)) {
        candidates.push({ label, start: segment.start, end: segment.end, score: tags.scores[label] ?? 0 });
      }
    });
  });

  const result: DocumentTags = { spans, facts: extractKeyFacts(text) };
  if (language && tagger.config.thresholdsByLanguage?.[language]) result.thresholdsLanguage = language;
  if (candidateFloor !== undefined) {
    result.candidates = candidates;
    result.thresholds = Object.fromEntries(labels.map((label, j) => [label, thresholds[j] ?? 1]));
  }
  return result;
}
