/**
 * Lexlet as the benchmark runs it: the engine's sentence translator alone (no repairs: what the model decodes),
 * one sentence at a time or several decoded together, and the whole pipeline the CLI runs (sentence splitting,
 * clause splitting, number and name repairs).
 */
import type { Engine } from '../src/engine/engine';
import type { SentenceTranslator } from '../src/engine/translate/sentence-translator';
import type { PassOutput } from './rounds';

/** Lines the CLI sends to the engine as one text (src/cli/translate-command.ts). */
export const CLI_LINES_PER_REQUEST = 32;

/** Each sentence decoded alone. */
export async function translateOneByOne(
  translator: SentenceTranslator,
  sentences: readonly string[],
  numBeams: number,
): Promise<PassOutput> {
  const texts: string[] = [];
  let tokens = 0;
  for (const sentence of sentences) {
    const result = await translator.translate(sentence, { numBeams });
    texts.push(result.text);
    tokens += result.tokens;
  }
  return { texts, tokens };
}

/** Runs of `together` consecutive sentences, each run decoded together. */
export async function translateTogether(
  translator: SentenceTranslator,
  sentences: readonly string[],
  numBeams: number,
  together: number,
): Promise<PassOutput> {
  const texts: string[] = [];
  let tokens = 0;
  for (let start = 0; start < sentences.length; start += together) {
    const results = await translator.translateBatch(sentences.slice(start, start + together), { numBeams });
    for (const result of results) {
      texts.push(result.text);
      tokens += result.tokens;
    }
  }
  return { texts, tokens };
}

/**
 * The full pipeline, lines grouped as the CLI groups them. The engine remembers sentences it translated, so the
 * caller gives each pass an engine that has not seen them (see `forgetTranslations`).
 */
export async function translateAsCli(
  engine: Engine,
  modelId: string,
  lines: readonly string[],
  numBeams: number,
): Promise<PassOutput> {
  const texts: string[] = [];
  let tokens = 0;
  for (let start = 0; start < lines.length; start += CLI_LINES_PER_REQUEST) {
    const chunk = lines.slice(start, start + CLI_LINES_PER_REQUEST);
    const result = await engine.translate(
      { modelId, text: chunk.join('\n'), options: { numBeams } },
      () => {},
    );
    texts.push(...result.text.split('\n'));
    tokens += result.tokens;
  }
  return { texts, tokens };
}

/** Reloads the catalog (which empties the engine's memory of translations) and reopens the model, untimed. */
export async function forgetTranslations(engine: Engine, catalogUrl: string, modelId: string): Promise<void> {
  await engine.loadCatalog(catalogUrl);
  await engine.downloadModel(modelId, () => undefined);
  const backend = await engine.getBackend();
  await engine.translator(modelId, backend.active);
}
