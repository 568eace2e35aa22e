import { LexletError } from '../engine/errors';
import type { Engine } from '../engine/engine';
import type { TranslationRoute } from '../engine/translation-routes';
import { glossaryForLeg } from '../engine/translate/glossary/route-glossary';
import type { GenerationOptions, GlossaryTerm } from '../engine/types';
import { shortLinesMessage, shortTranslation, type ShortLine } from './length-check';
import { readLines, type InputLine } from './line-reader';
import { readyGroups } from './ready-groups';
import { progressReporter } from './stderr-progress';

export interface TranslateCommand {
  engine: Engine;
  /** One model, or two through English: each translates the output of the one before. */
  route: TranslationRoute;
  options: GenerationOptions;
  /** Terms translated as given (--glossary), on every line. */
  glossary?: readonly GlossaryTerm[];
  /** The written form of the last model's target language (zh-TW: Traditional characters); its own when absent. */
  targetLocale?: string;
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

/** The translation by one model of each line of `lines`, in order. */
async function translateWith(
  command: TranslateCommand,
  modelId: string,
  lines: readonly string[],
  glossary: readonly GlossaryTerm[] | undefined,
  targetLocale: string | undefined,
): Promise<{ lines: string[]; tokens: number }> {
  const { engine, signal } = command;
  const translate = (text: string) =>
    engine.translate({ modelId, text, options: command.options, glossary, targetLocale }, () => {}, signal);
  // A translation keeps every line break of its input and adds none, so the lines map one to one.
  const result = await translate(lines.join('\n'));
  const translated = result.text.split('\n');
  if (translated.length === lines.length) return { lines: translated, tokens: result.tokens };
  // Never expected; if it happens, line by line still keeps the one-to-one promise.
  const alone = [];
  for (const line of lines) alone.push(await translate(line));
  return { lines: alone.map((one) => one.text), tokens: alone.reduce((sum, one) => sum + one.tokens, 0) };
}

/** The translation of each line of `group`, in order, through every model of the route. */
async function translateLines(
  command: TranslateCommand,
  group: readonly InputLine[],
): Promise<{ lines: string[]; tokens: number }> {
  let lines = group.map((line) => line.text);
  let tokens = 0;
  const last = command.route.models.length - 1;
  for (const [leg, model] of command.route.models.entries()) {
    const glossary = command.glossary?.length ? glossaryForLeg(command.glossary, leg) : undefined;
    const targetLocale = leg === last ? command.targetLocale : undefined;
    const step = await translateWith(command, model.id, lines, glossary, targetLocale);
    lines = step.lines;
    tokens += step.tokens;
  }
  return { lines, tokens };
}

/**
 * One output line per input line, in order, each written as soon as it is translated. A line whose translation
 * came back far shorter than it is still written, then reported and the command fails, so that a script never
 * takes a truncated translation for a whole one.
 */
export async function runTranslate(command: TranslateCommand): Promise<void> {
  const { engine, route, errors, quiet, signal } = command;
  for (const model of route.models) {
    // Bundled models are read and verified in place; others are downloaded once into the cache.
    const verb = model.baseUrl.startsWith('file:') ? 'Verifying' : 'Downloading';
    await engine.downloadModel(model.id, progressReporter(errors, quiet, verb), signal);
  }
  const backend = await engine.getBackend();
  // Open the sessions before reading input so a broken model fails fast.
  for (const model of route.models) await engine.translator(model.id, backend.active, signal);
  if (!quiet) {
    const models = route.models.map((model) => `${model.name} (${model.id})`).join(', then ');
    const via = route.viaEnglish ? ' through English' : '';
    const terms = command.glossary?.length;
    const glossary = terms ? `, with a glossary of ${terms} term${terms === 1 ? '' : 's'}` : '';
    errors.write(
      `Translating ${route.source}→${command.targetLocale ?? route.target}${via} with ${models} on ${backend.reason}${glossary}\n`,
    );
  }

  let lines = 0;
  let tokens = 0;
  const short: ShortLine[] = [];
  const started = performance.now();
  for await (const group of readyGroups(readLines(command.input), MAX_LINES_PER_REQUEST)) {
    if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
    const translated = await translateLines(command, group);
    const text = group.map((line, index) => translated.lines[index] + (line.crlf ? '\r\n' : '\n')).join('');
    await write(command.output, text);
    group.forEach((line, index) => {
      const found = shortTranslation(lines + index + 1, line.text, translated.lines[index] ?? '');
      if (found) short.push(found);
    });
    lines += group.length;
    tokens += translated.tokens;
  }
  if (signal.aborted) throw new LexletError('aborted', 'Cancelled.');
  if (!quiet) {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (tokens / seconds).toFixed(0) : '–';
    errors.write(`${lines} line(s), ${tokens} tokens in ${seconds.toFixed(1)} s (${rate} tokens/s)\n`);
  }
  if (short.length > 0) throw new LexletError('truncated', shortLinesMessage(short));
}
