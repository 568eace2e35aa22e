import type { DocumentTags } from './document-tagger';
import type { SentenceTags } from './tagger';

/** `lexlet tag --task unfair-tos`: one line per input line, keys in this order. */
export function formatSentenceTags(tags: SentenceTags): string {
  return JSON.stringify({ labels: tags.labels, ids: tags.ids, scores: tags.scores });
}

/** `lexlet tag --task contract FILE`: one JSON object; span offsets index the file's text exactly as read. */
export function formatDocumentTags(tags: DocumentTags): string {
  return JSON.stringify({
    spans: tags.spans.map(({ label, start, end, score, text }) => ({ label, start, end, score, text })),
    facts: tags.facts,
  });
}
