import { extractKeyFacts, type KeyFacts } from './facts';
import { segmentClauses, type TextSegment } from './segment';
import type { SentenceTagger } from './tagger';

export interface TaggedSpan {
  label: string;
  /** Offsets into the document text exactly as given: `text.slice(start, end) === span.text`. */
  start: number;
  end: number;
  score: number;
  text: string;
}

/** What `lexlet tag --task contract FILE` prints. */
export interface DocumentTags {
  spans: TaggedSpan[];
  facts: KeyFacts;
}

export interface DocumentTagOptions {
  /** Longer blocks are split into sentences before tagging (the taggers are trained on sentences). */
  maxSegmentChars?: number;
}

/**
 * Tags a whole document: segment into clauses, tag each clause, keep one span per (clause, label) over the label's
 * threshold, in document order. Headings are not tagged (they name a topic without stating a term).
 */
export async function tagDocument(
  text: string,
  tagger: SentenceTagger,
  options: DocumentTagOptions = {},
): Promise<DocumentTags> {
  const segments: TextSegment[] = segmentClauses(text, { maxChars: options.maxSegmentChars ?? 600 }).filter(
    (s) => s.kind !== 'heading',
  );
  const probs = await tagger.probabilities(segments.map((s) => text.slice(s.start, s.end)));
  const spans: TaggedSpan[] = [];
  segments.forEach((segment, i) => {
    const segmentProbs = probs[i];
    if (!segmentProbs) return;
    const tags = tagger.decide(segmentProbs);
    for (const label of tags.labels) {
      spans.push({
        label,
        start: segment.start,
        end: segment.end,
        score: tags.scores[label] ?? 0,
        text: text.slice(segment.start, segment.end),
      });
    }
  });
  return { spans, facts: extractKeyFacts(text) };
}
