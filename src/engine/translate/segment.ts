import { NUMBER_WITH_UNIT } from './numbers';
import { clauseOpenerPattern } from './conjunctions';
import { clauseMark } from './script';

/**
 * Splits text into what a sentence-level model should see and what must come back byte for byte:
 * line breaks, blank lines, indentation and inter-sentence spaces are `space`; sentences made only of
 * numbers, URLs, e-mail addresses or punctuation are `keep`.
 */
export type Piece =
  | { kind: 'space'; text: string }
  | { kind: 'keep'; text: string }
  | {
      kind: 'sentence';
      text: string;
      /** A clause of a long sentence that was split: 'first' or 'next' (continuing the sentence). */
      clause?: 'first' | 'next';
    };

/**
 * A host name without a scheme, as contracts write them ("example.com/terms", "lexlet.app", "example.co.uk"): only
 * common top-level domains, written in lower case, so a missing space after a full stop ("paid.In") is no address.
 */
const BARE_HOST = String.raw`(?<![\p{L}\p{N}@._%+-])(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+(?:com|org|net|edu|gov|int|info|biz|io|ai|app|dev|co|eu|uk|de|es|fr|ch|nl|cn|jp|ca|au|mx|br|pt|ie|se|dk|fi|pl|ru|law|legal)(?![\p{L}\p{N}_-])(?:\/[^\s<>"]*)?`;
export const URL_PATTERN = new RegExp(
  String.raw`\b(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|[wW]{3}\.)[^\s<>"]+|${BARE_HOST}`,
  'gu',
);
export const EMAIL_PATTERN = /[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+/gu;
const LETTER = /\p{L}/u;
/** An emoji with its modifiers and joined parts, or a flag: models drop or garble them, so they are kept. */
const EMOJI_PATTERN =
  /\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*|[\u{1F1E6}-\u{1F1FF}]{2}/gu;

/** True when a sentence has nothing a translation model should touch. */
export function isUntranslatable(text: string): boolean {
  return !LETTER.test(text.replace(URL_PATTERN, ' ').replace(EMAIL_PATTERN, ' '));
}

function splitEdges(text: string): [leading: string, core: string, trailing: string] {
  const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text);
  return match ? [match[1] ?? '', match[2] ?? '', match[3] ?? ''] : ['', text, ''];
}

function pushSpace(pieces: Piece[], text: string): void {
  if (!text) return;
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'space') last.text += text;
  else pieces.push({ kind: 'space', text });
}

function sentenceSegmenter(locale: string | undefined): Intl.Segmenter {
  try {
    return new Intl.Segmenter(locale, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
}

/** Sentence boundaries of `text`, never inside a URL or e-mail address (the segmenter breaks at `?` or `!`). */
function sentenceSpans(segmenter: Intl.Segmenter, text: string): string[] {
  const protectedSpans = [...text.matchAll(URL_PATTERN), ...text.matchAll(EMAIL_PATTERN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const cuts = [...segmenter.segment(text)]
    .map((segment) => segment.index)
    .filter((cut) => cut > 0 && !protectedSpans.some(({ start, end }) => cut > start && cut < end));
  const spans: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > from) spans.push(text.slice(from, cut));
    from = cut;
  }
  return spans;
}

/** A clause shorter than this joins its neighbour: fragments of two words translate worse than the whole. */
const MIN_CLAUSE_WORDS = 6;

/** Ideographs and kana: Chinese and Japanese write words of about one and a half of them, with no spaces. */
const UNSPACED_LETTERS = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

export function wordCount(text: string): number {
  const unspaced = text.match(UNSPACED_LETTERS)?.length ?? 0;
  const spaced = text
    .replace(UNSPACED_LETTERS, ' ')
    .split(/\s+/u)
    .filter((token) => WORDLIKE.test(token)).length;
  return spaced + Math.round(unspaced / 1.5);
}

/**
 * A long sentence as clauses: split after `,` `;` or `:` followed by whitespace, or after a full-width `，` `；` or
 * `：`; each clause at least MIN_CLAUSE_WORDS words (a short tail joins the clause before it). The whitespace between
 * clauses is kept.
 */
export function clauseSpans(sentence: string): { text: string; after: string }[] {
  const clauses: { text: string; after: string }[] = [];
  // Full-width marks (Chinese, Japanese) end a clause with no space after them.
  const pattern = /(?<=[,;:])\s+|(?<=[，；：])\s*/gu;
  let from = 0;
  const push = (text: string, after: string) => {
    const last = clauses[clauses.length - 1];
    if (last && (wordCount(last.text) < MIN_CLAUSE_WORDS || wordCount(text) < MIN_CLAUSE_WORDS / 2)) {
      last.text += last.after + text;
      last.after = after;
    } else {
      clauses.push({ text, after });
    }
  };
  for (const match of sentence.matchAll(pattern)) {
    push(sentence.slice(from, match.index), match[0]);
    from = match.index + match[0].length;
  }
  push(sentence.slice(from), '');
  return clauses;
}

/**
 * A clause of more than `limit` words cut before the clause openers of its language (conjunctions.ts), each
 * part at least MIN_CLAUSE_WORDS words; the whitespace before each cut is kept with the part before it.
 */
export function openerSpans(
  clause: string,
  locale: string | undefined,
  limit: number,
): { text: string; after: string }[] {
  const pattern = clauseOpenerPattern(locale);
  if (!pattern || wordCount(clause) <= limit) return [{ text: clause, after: '' }];
  const spans: { text: string; after: string }[] = [];
  let from = 0;
  for (const match of clause.matchAll(pattern)) {
    const head = clause.slice(from, match.index);
    const tail = clause.slice(match.index + match[0].length);
    if (wordCount(head) >= MIN_CLAUSE_WORDS && wordCount(tail) >= MIN_CLAUSE_WORDS) {
      spans.push({ text: head, after: match[0] });
      from = match.index + match[0].length;
    }
  }
  spans.push({ text: clause.slice(from), after: '' });
  return spans;
}

/**
 * A clause still over twice `limit` words after the cuts at punctuation and clause openers (a line with no
 * punctuation at all) cut at spaces into nearly equal runs of at most `limit` words: a model trained on short
 * sentences stops early on a long run and drops the rest. Unspaced text is left whole (the translator cuts it).
 */
export function wordRunSpans(clause: string, limit: number): { text: string; after: string }[] {
  const words = [...clause.matchAll(/\S+/gu)];
  if (words.length <= 2 * limit || wordCount(clause) <= 2 * limit) return [{ text: clause, after: '' }];
  const runs = Math.ceil(words.length / limit);
  const spans: { text: string; after: string }[] = [];
  let from = 0;
  for (let run = 1; run < runs; run++) {
    const last = words[Math.round((run * words.length) / runs) - 1] as RegExpExecArray;
    const end = last.index + last[0].length;
    const next = words[Math.round((run * words.length) / runs)] as RegExpExecArray;
    spans.push({ text: clause.slice(from, end), after: clause.slice(end, next.index) });
    from = next.index;
  }
  spans.push({ text: clause.slice(from), after: '' });
  return spans;
}

export interface SegmentOptions {
  /** Sentences of more words than this are split into clauses (for models trained on short sentences). */
  splitSentencesOverWords?: number;
  /** Source language, for the clause openers of a long sentence without commas. */
  locale?: string;
}

/** A stretch of a sentence before it becomes pieces: text for the model, or what is kept or spaced. */
type Part = { kind: 'text'; text: string } | Exclude<Piece, { kind: 'sentence' }>;

/**
 * Punctuation and symbols next to a kept match (", " ") " "%" after it, "(" "$" before it) stay with it: a model
 * shown ") Whereas such" or "%, from" as a clause drops the bracket or repeats the symbol.
 */
const GLUED_AFTER = /^[)\]}%‰°’”"'.,;:!?/-]+/u;
const GLUED_BEFORE = /[([{$€£¥#‘“"'/-]+$/u;

/** A stretch of text kept out of translation: as it is, or written as `keep` in its place. */
export interface KeptSpan {
  start: number;
  end: number;
  keep?: string;
}

/**
 * `text` cut around every match of `patterns` (and every span of `spans`): the matches come back as `keep` pieces, the text between them as
 * `text` parts, and the whitespace at each cut as `space`, so joining the parts gives `text` back.
 */
function cutAround(text: string, patterns: readonly RegExp[], spans: readonly KeptSpan[] = []): Part[] {
  const matches = [
    ...patterns.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((m): KeptSpan => ({ start: m.index, end: m.index + m[0].length })),
    ),
    ...spans,
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: Part[] = [];
  const pushText = (chunk: string, afterKeep: boolean, beforeKeep: boolean) => {
    const [before, middle, after] = splitEdges(chunk);
    const leading = afterKeep ? (GLUED_AFTER.exec(middle)?.[0] ?? '') : '';
    const rest = middle.slice(leading.length);
    const trailing = beforeKeep && !after ? (GLUED_BEFORE.exec(rest)?.[0] ?? '') : '';
    const [gap, core, tail] = splitEdges(rest.slice(0, rest.length - trailing.length));
    if (before) parts.push({ kind: 'space', text: before });
    if (leading) parts.push({ kind: 'keep', text: leading });
    if (gap) parts.push({ kind: 'space', text: gap });
    if (core) parts.push({ kind: 'text', text: core });
    if (tail) parts.push({ kind: 'space', text: tail });
    if (trailing) parts.push({ kind: 'keep', text: trailing });
    if (after) parts.push({ kind: 'space', text: after });
  };
  let from = 0;
  for (const { start, end, keep } of matches) {
    if (start < from) continue; // inside an earlier match (an e-mail address inside a URL)
    pushText(text.slice(from, start), from > 0, true);
    if (keep !== undefined) {
      parts.push({ kind: 'keep', text: keep });
      from = end;
      continue;
    }
    // A sentence's full stop right after a URL is punctuation, not part of the address.
    const trimmed = text.slice(start, end).replace(/[.,;:!?)]+$/u, '');
    parts.push({ kind: 'keep', text: trimmed });
    from = start + trimmed.length;
  }
  pushText(text.slice(from), from > 0, false);
  return parts;
}

/**
 * A sentence as the pieces a model sees: text between URLs and e-mail addresses (which a model would garble)
 * translated as clauses of the sentence, the addresses kept; long sentences also split into clauses.
 */
function pushSentence(pieces: Piece[], sentence: string, options: SegmentOptions): void {
  const limit = options.splitSentencesOverWords;
  const parts = cutAround(sentence, [URL_PATTERN, EMAIL_PATTERN, EMOJI_PATTERN]).flatMap((part): Part[] => {
    if (part.kind !== 'text') return [part];
    if (limit === undefined || wordCount(part.text) <= limit) return [part];
    // The last span of a clause ends where the clause did, so it takes the clause's own trailing space.
    const clauses = clauseSpans(part.text).flatMap(({ text, after }) =>
      openerSpans(text, options.locale, limit)
        .flatMap((span) =>
          wordRunSpans(span.text, limit).map((run, i, runs) =>
            i === runs.length - 1 ? { ...run, after: span.after } : run,
          ),
        )
        .map((span, i, spans) => (i === spans.length - 1 ? { ...span, after } : span)),
    );
    return clauses.flatMap(({ text, after }): Part[] =>
      after
        ? [
            { kind: 'text', text },
            { kind: 'space', text: after },
          ]
        : [{ kind: 'text', text }],
    );
  });
  pushParts(pieces, parts);
}

function pushParts(pieces: Piece[], parts: readonly Part[], position?: 'first' | 'next'): void {
  const texts = parts.filter((part) => part.kind === 'text' && !isUntranslatable(part.text));
  // Text cut at an address or a number is a clause of its sentence even when it is the only text left.
  const whole = texts.length === 1 && !position && !parts.some((part) => part.kind === 'keep');
  let seen = 0;
  for (const part of parts) {
    if (part.kind === 'space') pushSpace(pieces, part.text);
    else if (part.kind === 'keep' || isUntranslatable(part.text))
      pieces.push({ kind: 'keep', text: part.text });
    else if (whole) pieces.push({ kind: 'sentence', text: part.text });
    else {
      const clause = seen === 0 && position !== 'next' ? 'first' : 'next';
      pieces.push({ kind: 'sentence', text: part.text, clause });
      seen += 1;
    }
  }
}

/**
 * A sentence (or clause) whose translation changed its numbers, as pieces with the numbers kept verbatim and the
 * words between them translated as clauses of it; the pieces join back to `piece.text`.
 */
export function cutAroundNumbers(piece: Extract<Piece, { kind: 'sentence' }>): Piece[] {
  const pieces: Piece[] = [];
  pushParts(pieces, cutAround(piece.text, [NUMBER_WITH_UNIT]), piece.clause ?? 'first');
  return pieces;
}

/**
 * A sentence (or clause) cut around `spans`, each written as its `keep` text, and the words between them
 * translated as clauses of it.
 */
export function cutAroundSpans(
  piece: Extract<Piece, { kind: 'sentence' }>,
  spans: readonly KeptSpan[],
): Piece[] {
  const pieces: Piece[] = [];
  pushParts(pieces, cutAround(piece.text, [], spans), piece.clause ?? 'first');
  return pieces;
}

/** Lines are kept apart (a translation never moves text across a line break); each line splits into sentences. */
export function segmentText(text: string, locale?: string, options: SegmentOptions = {}): Piece[] {
  const segmenter = sentenceSegmenter(locale);
  const pieces: Piece[] = [];
  for (const part of text.split(/(\r?\n)/u)) {
    const [leading, content, trailing] = splitEdges(part);
    pushSpace(pieces, leading);
    for (const segment of sentenceSpans(segmenter, content)) {
      const [before, sentence, after] = splitEdges(segment);
      pushSpace(pieces, before);
      if (sentence) pushSentence(pieces, sentence, { locale, ...options });
      pushSpace(pieces, after);
    }
    pushSpace(pieces, trailing);
  }
  return pieces;
}

const CLAUSE_END = /[,;:，；：]$/u;
const TRAILING_CLAUSE_MARK = /\s*[,;:，；：]\s*$/u;
const SENTENCE_END = /(?<![.!?。！？])[.!?。！？]$/u;
const STARTS_LOWER = /^\p{Ll}/u;
/** Chinese, Japanese, Arabic...: letters without case, which say nothing about a name. */
const STARTS_CASELESS = /^\p{Lo}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
const FIRST_WORD = /^\p{Lu}\p{L}*/u;

/**
 * A clause's translation as a part of its sentence: a model trained on whole sentences ends a clause with a full
 * stop and starts the next with a capital; the source's own clause mark (written as the target language writes
 * it) and lower-case start are restored.
 */
export function fitClause(piece: Piece, translation: string, targetLocale?: string): string {
  if (piece.kind !== 'sentence' || !piece.clause) return translation;
  let fitted = translation;
  const mark = CLAUSE_END.exec(piece.text)?.[0];
  // A model shown a clause that ends in a comma often copies it and then adds its full stop (",.").
  if (mark && SENTENCE_END.test(fitted))
    fitted = fitted.slice(0, -1).replace(TRAILING_CLAUSE_MARK, '') + clauseMark(mark, targetLocale);
  else if (ENDS_IN_WORD.test(piece.text) && SENTENCE_END.test(fitted)) fitted = fitted.slice(0, -1);
  const word = FIRST_WORD.exec(fitted)?.[0];
  // English "I" (and "I'm", "I've") is capitalised anywhere in a sentence. After a caseless source's clause mark
  // the model's capital is most often only its sentence start (nine in ten words after an English comma are lower
  // case), so a capitalised word is lowered there too, though never an acronym.
  const lower =
    STARTS_LOWER.test(piece.text) || (STARTS_CASELESS.test(piece.text) && CAPITALISED.test(word ?? ''));
  if (piece.clause === 'next' && lower && word && word !== 'I') {
    fitted = fitted.charAt(0).toLowerCase() + fitted.slice(1);
  }
  return fitted;
}
