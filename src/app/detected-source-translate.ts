import type { EngineApi } from '../engine/api';
import type { BackendName, CatalogModel, GlossaryTerm } from '../engine/types';
import { findRoute, type TranslationRoute } from '../engine/translation-routes';
import { translateAlongRoute, type RouteCallbacks, type RouteTranslation } from './documents/translate-route';
import type { SourceRun } from './detected-source-runs';
import type { TranslateParagraph } from './documents/translate-paragraphs';

/**
 * The models that translate a language into the target, in order; null to keep text in that language as it is
 * written (it is in the target language already, or no model here translates it).
 */
export type ModelsFor = (language: string) => readonly string[] | null;

export interface MixedTextOptions {
  engine: Pick<EngineApi, 'translate'>;
  text: string;
  runs: readonly SourceRun[];
  modelsFor: ModelsFor;
  /** The glossary for a run's language (the user's glossary belongs to one pair). */
  glossaryFor: (language: string) => readonly GlossaryTerm[];
  /** Reported when no run needed a model. */
  backend: BackendName;
  callbacks?: RouteCallbacks;
  signal?: AbortSignal;
  /** The written form of the target language (zh-TW: Traditional characters). */
  targetLocale?: string;
}

/**
 * Translates a mixed text run by run, each from its own language, keeping what lies between runs (line breaks)
 * as it is. Streams as one translation: the finished runs, then the current run's sentences in reading order.
 */
export async function translateMixedText(options: MixedTextOptions): Promise<RouteTranslation> {
  const { text, runs, callbacks = {} } = options;
  const shown: string[] = [];
  const kept: string[] = [];
  let output = '';
  let cursor = 0;
  const total: RouteTranslation = { text: '', tokens: 0, seconds: 0, backend: options.backend };
  for (const run of runs) {
    output += text.slice(cursor, run.start);
    cursor = run.end;
    const piece = text.slice(run.start, run.end);
    const models = options.modelsFor(run.language);
    if (!models) {
      output += piece;
      shown.push(piece);
      kept.push(piece);
      callbacks.onSegments?.([...shown]);
      callbacks.onFinished?.([...kept], kept.length);
      continue;
    }
    let finished: readonly string[] = [];
    const result = await translateAlongRoute(
      options.engine,
      models,
      piece,
      {
        onStep: callbacks.onStep,
        onLoading: callbacks.onLoading,
        onSegments: (segments) => callbacks.onSegments?.([...shown, ...segments]),
        onFinished: (sentences, count) => {
          finished = sentences;
          callbacks.onFinished?.([...kept, ...sentences], kept.length + count);
        },
      },
      options.signal,
      options.glossaryFor(run.language),
      options.targetLocale,
    );
    output += result.text;
    shown.push(result.text);
    kept.push(...(finished.length > 0 ? finished : [result.text]));
    total.tokens += result.tokens;
    total.seconds += result.seconds;
    total.backend = result.backend;
    if (result.unsure) total.unsure = [...(total.unsure ?? []), ...result.unsure];
  }
  return { ...total, text: output + text.slice(cursor) };
}

/** The models from each language into `target` among the page's routes (null: keep text in that language). */
export function routeModels(
  routes: readonly TranslationRoute[],
  target: string,
): (language: string) => readonly CatalogModel[] | null {
  return (language) => (language === target ? null : (findRoute(routes, language, target)?.models ?? null));
}

/** The models a translation from these languages needs, each once, in the order they are first needed. */
export function modelsNeeded(
  languages: readonly string[],
  modelsOf: (language: string) => readonly CatalogModel[] | null,
): CatalogModel[] {
  const needed = new Map<string, CatalogModel>();
  for (const language of languages)
    for (const model of modelsOf(language) ?? []) if (!needed.has(model.id)) needed.set(model.id, model);
  return [...needed.values()];
}

export interface MixedDocumentOptions {
  engine: Pick<EngineApi, 'translate'>;
  /** Each paragraph's language (paragraphLanguages); a paragraph not in it is in `source`. */
  languages: ReadonlyMap<string, string>;
  source: string;
  modelsFor: ModelsFor;
  glossaryFor: (language: string) => readonly GlossaryTerm[];
  /** Reported for a paragraph kept as written. */
  backend: BackendName;
  signal?: AbortSignal;
  /** The written form of the target language (zh-TW: Traditional characters). */
  targetLocale?: string;
}

/** Translates each paragraph of a mixed document from its own language; one in the target language is kept. */
export function mixedDocumentParagraph(options: MixedDocumentOptions): TranslateParagraph {
  return async (paragraph, onPartial, onFraction) => {
    const language = options.languages.get(paragraph) ?? options.source;
    const models = options.modelsFor(language);
    if (!models) {
      onPartial(paragraph);
      onFraction(1);
      return { text: paragraph, tokens: 0, seconds: 0, backend: options.backend };
    }
    return translateAlongRoute(
      options.engine,
      models,
      paragraph,
      { onSegments: (value) => onPartial(value.join(' ')), onFraction },
      options.signal,
      options.glossaryFor(language),
      options.targetLocale,
    );
  };
}
