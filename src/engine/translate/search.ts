import { abortError } from '../errors';
import { yieldIfBusy } from '../event-loop';

/** Logits for the next token plus whatever the model keeps for the prefix (its KV cache). */
export interface DecoderStep<S> {
  logits: Float32Array;
  state: S;
}

/** One running hypothesis: `tokens` start with the decoder start token; `state` is null on the first step. */
export interface Hypothesis<S> {
  tokens: readonly number[];
  state: S | null;
}

/**
 * A decoder that advances all running hypotheses (of equal length) by one token; `state` is what the previous
 * step returned for each prefix, and each result's state belongs to the new prefix.
 */
export interface StepModel<S> {
  step(hypotheses: readonly Hypothesis<S>[]): Promise<DecoderStep<S>[]>;
  /** Called once for every state no hypothesis needs any more (frees GPU buffers). */
  release(state: S): void;
}

export interface SearchOptions {
  startTokenId: number;
  eosTokenIds: readonly number[];
  bannedTokenIds?: readonly number[];
  /** 1 = greedy. */
  numBeams: number;
  lengthPenalty: number;
  earlyStopping: boolean;
  noRepeatNgramSize?: number;
  /** Normalise scores after banning tokens (generation_config `renormalize_logits`). */
  renormalize?: boolean;
  maxNewTokens: number;
  signal?: AbortSignal;
  /** Called after each step with the best unfinished hypothesis (without the start token). */
  onStep?: (tokens: readonly number[]) => void;
}

export interface SearchResult {
  /** Generated tokens, without the start token and EOS. */
  tokens: number[];
  /** Length-normalised log-probability. */
  score: number;
  /** Mean log-probability of its tokens (EOS included): how sure the decoder was, whatever the length penalty. */
  meanLogProb: number;
  /** Hypotheses advanced, summed over all steps. */
  decoderRuns: number;
}

interface Finished {
  tokens: number[];
  score: number;
  meanLogProb: number;
}

/** A state shared by the sibling hypotheses that extend the same prefix. */
class SharedState<S> {
  constructor(
    readonly value: S,
    private refs: number,
    private readonly free: (state: S) => void,
  ) {}

  drop(): void {
    this.refs -= 1;
    if (this.refs === 0) this.free(this.value);
  }
}

interface Beam<S> {
  /** Starts with the decoder start token. */
  tokens: number[];
  /** Sum of log-probabilities. */
  score: number;
  state: SharedState<S> | null;
}

interface Candidate {
  beam: number;
  token: number;
  score: number;
}

export function logSoftmax(logits: Float32Array): Float32Array {
  // Indexed loops: this runs once per hypothesis per step over the whole vocabulary, and iterators cost a third.
  const length = logits.length;
  let max = -Infinity;
  for (let i = 0; i < length; i++) {
    const value = logits[i] as number;
    if (value > max) max = value;
  }
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Math.exp((logits[i] as number) - max);
  const shift = max + Math.log(sum);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = (logits[i] as number) - shift;
  return out;
}

/** Indices of the k largest finite scores, best first. */
export function topK(scores: Float32Array, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (score === -Infinity || Number.isNaN(score)) continue;
    if (best.length === k && score <= (scores[best[k - 1] as number] as number)) continue;
    let at = best.length;
    while (at > 0 && score > (scores[best[at - 1] as number] as number)) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Allowed tokens as [start, end) ranges between the banned ones. */
function allowedRanges(banned: ReadonlySet<number>, length: number): number[] {
  const bounds: number[] = [];
  let from = 0;
  for (const token of [...banned].filter((id) => id >= 0 && id < length).sort((a, b) => a - b)) {
    if (token > from) bounds.push(from, token);
    from = Math.max(from, token + 1);
  }
  if (from < length) bounds.push(from, length);
  return bounds;
}

/**
 * The k most likely next tokens and their log-probabilities: what `topK(logSoftmax(logits), k)` gives with the
 * banned tokens at -Infinity (banned before the softmax when `renormalize`), without a vocabulary-sized array
 * per hypothesis per step. Scores are rounded to float32 as there.
 * It runs once per hypothesis per step over the whole vocabulary, two passes: one finds the largest logit and
 * the k best allowed ones together (ranking raw logits, the same order as their log-probabilities), the other
 * sums the exponentials in the order `logSoftmax` does, so the scores are the same to the bit. The loops skip
 * the few banned tokens by ranges rather than asking a set about every token.
 */
export function topLogProbs(
  logits: Float32Array,
  k: number,
  banned: ReadonlySet<number>,
  renormalize: boolean,
): { token: number; score: number }[] {
  const length = logits.length;
  const bounds = allowedRanges(banned, length);

  // The k best allowed logits, best first; on equal logits the lower token first.
  const tokens: number[] = [];
  const best: number[] = [];
  let max = -Infinity;
  for (let range = 0; range < bounds.length; range += 2) {
    for (let i = bounds[range] as number, end = bounds[range + 1] as number; i < end; i++) {
      const value = logits[i] as number;
      if (value > max) max = value;
      if (tokens.length === k && !(value > (best[k - 1] as number))) continue;
      if (value === -Infinity || Number.isNaN(value)) continue;
      let at = tokens.length;
      while (at > 0 && value > (best[at - 1] as number)) at--;
      tokens.splice(at, 0, i);
      best.splice(at, 0, value);
      if (tokens.length > k) {
        tokens.pop();
        best.pop();
      }
    }
  }
  // Without renormalising, the softmax runs over the banned tokens too.
  if (!renormalize) {
    for (const token of banned) {
      const value = token >= 0 && token < length ? (logits[token] as number) : -Infinity;
      if (value > max) max = value;
    }
  }

  let sum = 0;
  if (renormalize) {
    for (let range = 0; range < bounds.length; range += 2) {
      for (let i = bounds[range] as number, end = bounds[range + 1] as number; i < end; i++) {
        sum += Math.exp((logits[i] as number) - max);
      }
    }
  } else {
    for (let i = 0; i < length; i++) sum += Math.exp((logits[i] as number) - max);
  }
  const shift = max + Math.log(sum);
  const out: { token: number; score: number }[] = [];
  for (const [index, token] of tokens.entries()) {
    const score = Math.fround((best[index] as number) - shift);
    if (score !== -Infinity && !Number.isNaN(score)) out.push({ token, score });
  }
  return out;
}

/** Tokens that would repeat an n-gram already present in `tokens`. */
export function repeatedNgramTokens(tokens: readonly number[], n: number): number[] {
  if (n <= 0 || tokens.length < n) return [];
  const prefix = tokens.slice(tokens.length - n + 1).join(',');
  const banned: number[] = [];
  for (let start = 0; start + n <= tokens.length; start++) {
    if (tokens.slice(start, start + n - 1).join(',') === prefix) banned.push(tokens[start + n - 1] as number);
  }
  return banned;
}

const MAX_REPEAT_PERIOD = 8;
const MIN_REPEATS = 4;
const MIN_REPEATED_TOKENS = 8;

/**
 * Length to keep when `tokens` end in a loop (a block of up to 8 tokens repeated at least 4 times over at least
 * 8 tokens, the way small models degenerate); null when they don't. One copy of the block is kept.
 */
export function repetitionCut(tokens: readonly number[]): number | null {
  for (let period = 1; period <= MAX_REPEAT_PERIOD; period++) {
    let repeats = 1;
    while ((repeats + 1) * period <= tokens.length) {
      const end = tokens.length - repeats * period;
      let same = true;
      for (let i = 0; i < period && same; i++)
        same = tokens[end - period + i] === tokens[tokens.length - period + i];
      if (!same) break;
      repeats++;
    }
    if (repeats >= MIN_REPEATS && repeats * period >= MIN_REPEATED_TOKENS) {
      return tokens.length - (repeats - 1) * period;
    }
  }
  return null;
}

function normalise(score: number, length: number, lengthPenalty: number): number {
  return score / Math.max(1, length) ** lengthPenalty;
}

/**
 * Greedy (numBeams 1) and beam search in the manner of Hugging Face `generate`: log-softmax scores, 2·beams
 * candidates per step, EOS accepted from the top `numBeams` candidates, hypotheses ranked by
 * sum(log p) / length^lengthPenalty, and stop when no running beam can beat the finished ones.
 */
export async function search<S>(model: StepModel<S>, options: SearchOptions): Promise<SearchResult> {
  const numBeams = Math.max(1, Math.floor(options.numBeams));
  const earlyStopping = options.earlyStopping || numBeams === 1;
  const eos = new Set(options.eosTokenIds);
  const banned = new Set(options.bannedTokenIds ?? []);
  const finished: Finished[] = [];
  let beams: Beam<S>[] = [{ tokens: [options.startTokenId], score: 0, state: null }];
  let decoderRuns = 0;

  const finish = (tokens: number[], sumLogProbs: number, length: number) => {
    finished.push({
      tokens,
      score: normalise(sumLogProbs, length, options.lengthPenalty),
      meanLogProb: sumLogProbs / Math.max(1, length),
    });
    finished.sort((a, b) => b.score - a.score);
    if (finished.length > numBeams) finished.pop();
  };
  const isDone = () => {
    if (beams.length === 0) return true;
    if (finished.length < numBeams) return false;
    if (earlyStopping) return true;
    const best = beams[0] as Beam<S>;
    const worstFinished = (finished[finished.length - 1] as Finished).score;
    return normalise(best.score, best.tokens.length, options.lengthPenalty) <= worstFinished;
  };

  try {
    let done = false;
    for (let step = 0; step < options.maxNewTokens && !done; step++) {
      await yieldIfBusy();
      if (options.signal?.aborted) throw abortError();
      const outputs = await model.step(
        beams.map((beam) => ({ tokens: beam.tokens, state: beam.state?.value ?? null })),
      );
      decoderRuns += beams.length;
      for (const beam of beams) {
        beam.state?.drop();
        beam.state = null;
      }

      const candidates: Candidate[] = [];
      beams.forEach((beam, index) => {
        const logits = (outputs[index] as DecoderStep<S>).logits;
        const repeated = repeatedNgramTokens(beam.tokens, options.noRepeatNgramSize ?? 0);
        const bannedHere = repeated.length > 0 ? new Set([...banned, ...repeated]) : banned;
        // Banning before the softmax is the same as renormalising after it.
        for (const { token, score } of topLogProbs(logits, 2 * numBeams, bannedHere, !!options.renormalize)) {
          candidates.push({ beam: index, token, score: beam.score + score });
        }
      });
      candidates.sort((a, b) => b.score - a.score);

      const selected: Candidate[] = [];
      for (const [rank, candidate] of candidates.entries()) {
        const parent = beams[candidate.beam] as Beam<S>;
        if (eos.has(candidate.token)) {
          if (rank < numBeams) finish(parent.tokens.slice(1), candidate.score, parent.tokens.length);
          continue;
        }
        selected.push(candidate);
        if (selected.length === numBeams) break;
      }

      const children = outputs.map(
        (_, index) => selected.filter((candidate) => candidate.beam === index).length,
      );
      const states = outputs.map((output, index) => {
        const count = children[index] as number;
        if (count > 0) return new SharedState(output.state, count, (state: S) => model.release(state));
        model.release(output.state);
        return null;
      });
      const next: Beam<S>[] = [];
      for (const candidate of selected) {
        const parent = beams[candidate.beam] as Beam<S>;
        const beam: Beam<S> = {
          tokens: [...parent.tokens, candidate.token],
          score: candidate.score,
          state: states[candidate.beam] ?? null,
        };
        const generated = beam.tokens.slice(1);
        const keep = repetitionCut(generated);
        if (keep === null) {
          next.push(beam);
        } else {
          finish(generated.slice(0, keep), beam.score, generated.length);
          beam.state?.drop();
        }
      }
      beams = next;
      done = isDone();
      const best = beams[0];
      if (best && !done) options.onStep?.(best.tokens.slice(1));
    }
    // Out of budget: unfinished beams compete as they are (as `generate` does at max_length).
    if (!done) for (const beam of beams) finish(beam.tokens.slice(1), beam.score, beam.tokens.length - 1);
  } finally {
    for (const beam of beams) beam.state?.drop();
  }
  const best = finished[0] ?? { tokens: [], score: -Infinity, meanLogProb: -Infinity };
  return { tokens: best.tokens, score: best.score, meanLogProb: best.meanLogProb, decoderRuns };
}
