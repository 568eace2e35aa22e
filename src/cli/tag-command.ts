import { readFile } from 'node:fs/promises';
import type { Engine } from '../engine/engine';
import { LexletError } from '../engine/errors';
import { formatDocumentTags, formatSentenceTags, tagDocument, type SentenceTagger } from '../engine/legal';
import { guessLineLanguages } from '../engine/legal/text-language';
import type { Catalog, CatalogModel, ModelTask } from '../engine/types';
import { readLines } from './line-reader';

export type TagTask = 'unfair-tos' | 'contract';

const CATALOG_TASK: Record<TagTask, ModelTask> = { 'unfair-tos': 'unfair-tos', contract: 'contract-clauses' };
const BATCH_LINES = 64;

export function isTagTask(task: string | undefined): task is TagTask {
  return task === 'unfair-tos' || task === 'contract';
}

/**
 * The catalog's model for a tagging task (the first bundled one, or the one `modelId` names), or null when none
 * ships yet. A named model of another task is an error, not a silent fallback.
 */
export function taggingModel(
  catalog: Catalog,
  task: TagTask,
  allowFixtures: boolean,
  modelId?: string,
): CatalogModel | null {
  const models = catalog.models.filter(
    (model) => model.task === CATALOG_TASK[task] && (allowFixtures || !model.fixture),
  );
  if (modelId !== undefined) {
    const named = models.find((model) => model.id === modelId);
    if (named) return named;
    const ids = models.map((model) => model.id).join(', ') || 'none';
    throw new LexletError('model-unknown', `No ${task} model is called ${modelId}. Available: ${ids}.`);
  }
  return models.find((model) => !model.remote) ?? models[0] ?? null;
}

/**
 * Without a named model, a line in a language the default model was not trained on goes to the bundled model of
 * the task trained on it (the most specialised one), as the Review page picks a model for a document.
 */
export function taggingModelsByLanguage(catalog: Catalog, task: TagTask): Map<string, CatalogModel> {
  const bundled = catalog.models.filter(
    (model) => model.task === CATALOG_TASK[task] && !model.fixture && !model.remote,
  );
  const byLanguage = new Map<string, CatalogModel>();
  const bySpecialism = [...bundled].sort((a, b) => (a.languages?.length ?? 1) - (b.languages?.length ?? 1));
  for (const model of bySpecialism) {
    for (const language of model.languages ?? ['en']) {
      if (!byLanguage.has(language)) byLanguage.set(language, model);
    }
  }
  return byLanguage;
}

export interface TagCommand {
  engine: Engine;
  model: CatalogModel;
  /** `unfair-tos`: the model for lines in each language, where it is not `model` (see taggingModelsByLanguage). */
  modelsByLanguage?: ReadonlyMap<string, CatalogModel>;
  task: TagTask;
  /** For `contract`: a file to read instead of stdin. */
  file?: string;
  input: AsyncIterable<Uint8Array | string>;
  output: NodeJS.WritableStream;
  signal: AbortSignal;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

async function readAll(input: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of input)
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

function decodeStrict(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new LexletError('input-invalid', `${where} is not valid UTF-8.`, { cause: error });
  }
}

/**
 * `unfair-tos`: one JSON line of tags per input line, in order. `contract`: the whole document, one JSON object
 * of clause spans (offsets into the text exactly as read) and key facts.
 */
export async function runTag(command: TagCommand): Promise<void> {
  const { engine, model, signal } = command;
  await engine.downloadModel(model.id, () => {}, signal);
  const tagger = await engine.tagger(model.id);
  if (command.task === 'contract') {
    const bytes = command.file ? await readFile(command.file) : await readAll(command.input);
    const text = decodeStrict(bytes, command.file ?? 'Input');
    await write(command.output, `${formatDocumentTags(await tagDocument(text, tagger))}\n`);
    return;
  }
  const taggers = new Map<string, Promise<SentenceTagger>>([[model.id, Promise.resolve(tagger)]]);
  const taggerOf = (chosen: CatalogModel) => {
    let loading = taggers.get(chosen.id);
    if (!loading) {
      loading = engine.downloadModel(chosen.id, () => {}, signal).then(() => engine.tagger(chosen.id));
      taggers.set(chosen.id, loading);
    }
    return loading;
  };
  // A line's language picks its model and, in a multilingual model, its thresholds: guess only where one of them
  // depends on it.
  const routes = [...(command.modelsByLanguage?.values() ?? [])];
  const guessLanguages =
    routes.some((chosen) => chosen.id !== model.id) || tagger.config.thresholdsByLanguage !== undefined;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const languages = guessLanguages ? guessLineLanguages(batch) : batch.map(() => undefined);
    const groups = new Map<CatalogModel, number[]>();
    languages.forEach((language, line) => {
      const chosen = (language && command.modelsByLanguage?.get(language)) || model;
      groups.set(chosen, [...(groups.get(chosen) ?? []), line]);
    });
    const lines: string[] = new Array<string>(batch.length);
    for (const [chosen, indices] of groups) {
      const lineTagger = await taggerOf(chosen);
      const tags = await lineTagger.tagSentences(
        indices.map((i) => batch[i] ?? ''),
        indices.map((i) => languages[i]),
      );
      tags.forEach((tag, k) => {
        lines[indices[k] ?? 0] = `${formatSentenceTags(tag)}\n`;
      });
    }
    await write(command.output, lines.join(''));
    batch = [];
  };
  for await (const line of readLines(command.input)) {
    if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
    batch.push(line.text);
    if (batch.length === BATCH_LINES) await flush();
  }
  await flush();
}
