import type { TranslateSentences } from '../document';
import { ENDS_UNSPACED, STARTS_UNSPACED, spacesSentences } from '../script';
import { fitClause, type Piece } from '../segment';
import { RETRY, type Prepared, type SentencePass } from './pass';

/** Tries a pass gets before its cut, whatever it answers: a guard against a pass that never gives up. */
const MAX_ATTEMPTS = 4;

/** A translation never adds line breaks: callers rely on lines mapping one to one. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/gu, ' ');

export interface PassRun {
  passes: readonly SentencePass[];
  translateSentences: TranslateSentences;
  /** Target language, for the punctuation of pieces a cut translates apart. */
  targetLocale?: string;
}

export interface PassTranslations {
  translations: string[];
  /**
   * The decoder's confidence in each sentence as the `always` passes prepared it (a later repair keeps it);
   * undefined for a sentence cut into pieces or a model that gives none.
   */
  confidences: (number | undefined)[];
  tokens: number;
}

/** Translations of `texts`, each distinct text translated once, without streaming; and the tokens generated. */
async function translateEach(
  texts: readonly string[],
  translate: TranslateSentences,
): Promise<{ translations: Map<string, string>; confidences: Map<string, number>; tokens: number }> {
  const unique = [...new Set(texts)];
  const results = unique.length > 0 ? await translate(unique, () => undefined) : [];
  const confidences = new Map<string, number>();
  unique.forEach((text, i) => {
    const confidence = results[i]?.confidence;
    if (confidence !== undefined) confidences.set(text, confidence);
  });
  return {
    translations: new Map(unique.map((text, i) => [text, oneLine(results[i]?.text ?? '')])),
    confidences,
    tokens: results.reduce((sum, result) => sum + result.tokens, 0),
  };
}

/** Runs of the model, counting the tokens of every run. */
class Runs {
  tokens = 0;
  /** The decoder's confidence in each text the model translated, by that text. */
  readonly confidences = new Map<string, number>();

  constructor(private readonly run: PassRun) {}

  async plain(texts: readonly string[]): Promise<Map<string, string>> {
    const done = await translateEach(texts, this.run.translateSentences);
    this.tokens += done.tokens;
    done.confidences.forEach((confidence, text) => this.confidences.set(text, confidence));
    return done.translations;
  }

  async plainList(texts: readonly string[]): Promise<string[]> {
    const translated = await this.plain(texts);
    return texts.map((text) => translated.get(text) ?? '');
  }

  async streamed(
    texts: readonly string[],
    onPartial: (index: number, text: string) => void,
  ): Promise<string[]> {
    if (texts.length === 0) return [];
    const results = await this.run.translateSentences(texts, onPartial);
    return results.map((result, index) => {
      this.tokens += result.tokens;
      if (result.confidence !== undefined) this.confidences.set(texts[index] as string, result.confidence);
      return oneLine(result.text);
    });
  }

  /** Each cut's sentence pieces translated apart (one run for all cuts), joined with its kept pieces. */
  async joinCuts(cuts: readonly (readonly Piece[])[]): Promise<string[]> {
    const words = await this.plain(
      cuts.flatMap((pieces) => pieces.flatMap((piece) => (piece.kind === 'sentence' ? [piece.text] : []))),
    );
    return cuts.map((pieces) => {
      const written = pieces.map((piece) =>
        piece.kind === 'sentence'
          ? fitClause(piece, words.get(piece.text) ?? '', this.run.targetLocale)
          : piece.text,
      );
      return written.reduce((joined, text, i) => {
        const before = pieces[i - 1];
        return i > 0 && before && this.spacedApart(before, pieces[i] as Piece, joined, text)
          ? `${joined} ${text}`
          : joined + text;
      }, '');
    });
  }

  /**
   * Whether two pieces cut from a Chinese or Japanese sentence, which nothing spaced in the source ("有2个"), need a
   * space between their translations into a spaced language ("has 2 children"), punctuation aside.
   */
  private spacedApart(before: Piece, after: Piece, left: string, right: string): boolean {
    if (!spacesSentences(this.run.targetLocale) || before.kind === 'space' || after.kind === 'space')
      return false;
    if (!ENDS_UNSPACED.test(before.text) && !STARTS_UNSPACED.test(after.text)) return false;
    return /[\p{L}\p{N}.,;:!?%)]$/u.test(left) && /^[\p{L}\p{N}(]/u.test(right);
  }
}

/** Whether a repair keeps what every earlier `on-loss` pass checks (or the translation it replaces lacked it too). */
async function keepsEarlier(
  earlier: readonly SentencePass[],
  source: string,
  repaired: string,
  previous: string,
): Promise<boolean> {
  for (const pass of earlier) {
    if (!pass.keeps) continue;
    if (!(await pass.keeps(source, repaired)) && (await pass.keeps(source, previous))) return false;
  }
  return true;
}

/**
 * The `on-loss` passes in turn: each finds the translations that lost what it protects, translates their sentences
 * again as it prepares them (attempt after attempt), and cuts those it cannot repair so.
 */
async function repairLosses(
  sources: readonly string[],
  translations: readonly string[],
  passes: readonly SentencePass[],
  runs: Runs,
): Promise<string[]> {
  const out = [...translations];
  for (const [position, pass] of passes.entries()) {
    const earlier = passes.slice(0, position);
    let broken: number[] = [];
    for (const [index, source] of sources.entries())
      if (pass.keeps && !(await pass.keeps(source, out[index] as string))) broken.push(index);
    const toCut: number[] = [];
    for (let attempt = 0; broken.length > 0; attempt++) {
      const tries: { index: number; prepared: Prepared }[] = [];
      for (const index of broken) {
        const prepared =
          attempt < MAX_ATTEMPTS
            ? await pass.prepare(sources[index] as string, { attempt, translation: out[index] })
            : undefined;
        if (prepared) tries.push({ index, prepared });
        else toCut.push(index);
      }
      const translated = await runs.plain(tries.map(({ prepared }) => prepared.text));
      broken = [];
      for (const { index, prepared } of tries) {
        const restored = prepared.restore(translated.get(prepared.text) ?? '');
        const source = sources[index] as string;
        if (restored !== RETRY && (await keepsEarlier(earlier, source, restored, out[index] as string)))
          out[index] = restored;
        else broken.push(index);
      }
    }
    const cuts = toCut
      .sort((a, b) => a - b)
      .flatMap((index) => {
        const pieces = pass.cut?.(sources[index] as string);
        return pieces ? [{ index, pieces }] : [];
      });
    const joined = await runs.joinCuts(cuts.map(({ pieces }) => pieces));
    cuts.forEach(({ index }, i) => (out[index] = joined[i] as string));
  }
  return out;
}

/** A sentence through the `always` passes: what the model sees, or the cut that replaces it. */
interface Chain {
  layers: Prepared[];
  text: string;
  cut?: Piece[];
}

async function prepareChain(
  sentence: string,
  passes: readonly SentencePass[],
  attempt: number,
): Promise<Chain> {
  const layers: Prepared[] = [];
  let text = sentence;
  for (const pass of passes) {
    const prepared = attempt < MAX_ATTEMPTS ? await pass.prepare(text, { attempt }) : undefined;
    if (prepared) {
      layers.push(prepared);
      text = prepared.text;
      continue;
    }
    const cut = pass.cut?.(text);
    if (cut) return { layers, text, cut };
  }
  return { layers, text };
}

/** A translation back through the layers of its chain, outermost last; RETRY when any layer lost its stand-ins. */
function unwind(layers: readonly Prepared[], translation: string): string | typeof RETRY {
  let restored = translation;
  for (const layer of [...layers].reverse()) {
    const next = layer.restore(restored);
    if (next === RETRY) return RETRY;
    restored = next;
  }
  return restored;
}

/**
 * Translates `sentences` through `passes`: the `always` passes prepare each sentence, the model translates
 * (streaming the first try), the `on-loss` passes repair what the translation lost, and the `always` passes
 * restore their stand-ins. A sentence whose stand-ins were lost goes round again with the next attempt.
 */
export async function translateWithPasses(
  sentences: readonly string[],
  run: PassRun,
  onPartial: (index: number, text: string) => void = () => undefined,
): Promise<PassTranslations> {
  const before = run.passes.filter((pass) => pass.runs === 'always');
  const after = run.passes.filter((pass) => pass.runs === 'on-loss');
  const runs = new Runs(run);
  const out: string[] = new Array<string>(sentences.length).fill('');
  const confidences: (number | undefined)[] = new Array<number | undefined>(sentences.length).fill(undefined);
  let pending = sentences.map((_, index) => index);
  for (let attempt = 0; pending.length > 0; attempt++) {
    const chains = await Promise.all(
      pending.map((index) => prepareChain(sentences[index] as string, before, attempt)),
    );
    const modelled = pending.flatMap((index, i) =>
      chains[i]?.cut ? [] : [{ index, chain: chains[i] as Chain }],
    );
    const cut = pending.flatMap((index, i) => {
      const chain = chains[i] as Chain;
      return chain.cut ? [{ index, chain, pieces: chain.cut }] : [];
    });
    const texts = modelled.map(({ chain }) => chain.text);
    // Only the first try streams: a retry's partial output would replace text already shown.
    const raw =
      attempt === 0
        ? await runs.streamed(texts, (row, partial) => {
            const { index, chain } = modelled[row] as { index: number; chain: Chain };
            onPartial(index, preview(chain.layers, partial));
          })
        : await runs.plainList(texts);
    const repaired = await repairLosses(texts, raw, after, runs);
    const joined = await runs.joinCuts(cut.map(({ pieces }) => pieces));
    pending = [];
    modelled.forEach(({ index, chain }, row) => {
      const restored = unwind(chain.layers, repaired[row] as string);
      if (restored === RETRY) pending.push(index);
      else {
        out[index] = restored;
        confidences[index] = runs.confidences.get(chain.text);
      }
    });
    cut.forEach(({ index, chain }, row) => {
      const restored = unwind(chain.layers, joined[row] as string);
      if (restored === RETRY) pending.push(index);
      else {
        out[index] = restored;
        confidences[index] = undefined;
      }
    });
    pending.sort((a, b) => a - b);
  }
  return { translations: out, confidences, tokens: runs.tokens };
}

/** A streaming partial shown through the layers' previews. */
function preview(layers: readonly Prepared[], partial: string): string {
  return [...layers].reverse().reduce((text, layer) => layer.preview?.(text) ?? text, partial);
}
