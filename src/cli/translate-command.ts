import { LexletError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import type { CatalogModel, GenerationOptions } from '../engine/types';
import { readLines } from './line-reader';
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
  for await (const line of readLines(command.input)) {
    if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
    const result = await engine.translate(
      { modelId: model.id, text: line.text, options: command.options },
      () => {},
      signal,
    );
    await write(command.output, result.text + (line.crlf ? '\r\n' : '\n'));
    lines++;
    tokens += result.tokens;
  }
  if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
  if (!quiet) {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (tokens / seconds).toFixed(0) : '–';
    errors.write(`${lines} line(s), ${tokens} tokens in ${seconds.toFixed(1)} s (${rate} tokens/s)\n`);
  }
}
