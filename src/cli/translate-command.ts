import { LexletError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import type { CatalogModel, GenerationOptions } from '../engine/types';
import { readLines, type InputLine } from './line-reader';
import { readyGroups } from './ready-groups';
import { progressReporter } from './stderr-progress';

export interface TranslateCommand {
  engine: Engine;
  model: CatalogModel;
  options: GenerationOptions;
  input: AsyncIterable<Uint8Array | string>;
  output: NodeJS.WritableStream;
  errors: NodeJS.WriteStream;
  quiet: boolean;
  signal: AbortSignal;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Lines read at once are translated as one text: their sentences are then decoded together. */
const MAX_LINES_PER_REQUEST = 32;

/** The translation of each line of `group`, in order. */
async function translateLines(
  command: TranslateCommand,
  group: readonly InputLine[],
): Promise<{ lines: string[]; tokens: number }> {
  const { engine, model, signal } = command;
  const translate = (text: string) =>
    engine.translate({ modelId: model.id, text, options: command.options }, () => {}, signal);
  // A translation keeps every line break of its input and adds none, so the lines map one to one.
  const result = await translate(group.map((line) => line.text).join('\n'));
  const lines = result.text.split('\n');
  if (lines.length === group.length) return { lines, tokens: result.tokens };
  // Never expected; if it happens, line by line still keeps the one-to-one promise.
  const alone = [];
  for (const line of group) alone.push(await translate(line.text));
  return { lines: alone.map((one) => one.text), tokens: alone.reduce((sum, one) => sum + one.tokens, 0) };
}

/** One output line per input line, in order, each written as soon as it is translated. */
export async function runTranslate(command: TranslateCommand): Promise<void> {
  const { engine, model, errors, quiet, signal } = command;
  // Bundled models are read and verified in place; others are downloaded once into the cache.
  const verb = model.baseUrl.startsWith('file:') ? 'Verifying' : 'Downloading';
  await engine.downloadModel(model.id, progressReporter(errors, quiet, verb), signal);
  const backend = await engine.getBackend();
  // Open the sessions before reading input so a broken model fails fast.
  await engine.translator(model.id, backend.active, signal);
  if (!quiet) errors.write(`Translating with ${model.name} (${model.id}) on ${backend.reason}\n`);

  let lines = 0;
  let tokens = 0;
  const started = performance.now();
  for await (const group of readyGroups(readLines(command.input), MAX_LINES_PER_REQUEST)) {
    if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
    const translated = await translateLines(command, group);
    const text = group.map((line, index) => translated.lines[index] + (line.crlf ? '\r\n' : '\n')).join('');
    await write(command.output, text);
    lines += group.length;
    tokens += translated.tokens;
  }
  if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
  if (!quiet) {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (tokens / seconds).toFixed(0) : '–';
    errors.write(`${lines} line(s), ${tokens} tokens in ${seconds.toFixed(1)} s (${rate} tokens/s)\n`);
  }
}
