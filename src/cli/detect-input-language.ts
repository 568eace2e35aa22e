import { readFile } from 'node:fs/promises';
import { LexletError } from '../engine/errors';
import { detectLanguage, detectParagraphs, parseLanguageModel, type LanguageModel } from '../engine/langid';

/** The language identifier shipped with the app, read in place. */
export const LANGUAGE_MODEL_FILE = new URL('../../public/models/lexlet-langid/langid.json', import.meta.url);

export async function readLanguageModel(file: URL = LANGUAGE_MODEL_FILE): Promise<LanguageModel> {
  return parseLanguageModel(JSON.parse(await readFile(file, 'utf8')));
}

async function readAll(input: AsyncIterable<Uint8Array | string>): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of input)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

async function* once(text: string): AsyncIterable<string> {
  yield text;
}

/** The languages lines of the input (long enough to tell) are in, each once, in order of first appearance. */
function lineLanguages(model: LanguageModel, text: string): string[] {
  const lines = detectParagraphs(model, text).filter((line) => line.long);
  return [...new Set(lines.flatMap((line) => line.language ?? []))];
}

/**
 * `--from auto`: reads the whole input, names its language and hands the same text on. Input whose lines are in
 * different languages fails, naming them (each part needs its own --from); so does input too short to tell (a script should not get a translation from a guessed language);
 * so does input in a script none of its languages uses; input without any letters has nothing to detect and is
 * taken as English.
 */
export async function detectInputLanguage(
  input: AsyncIterable<Uint8Array | string>,
  errors: NodeJS.WritableStream,
  quiet: boolean,
  model?: LanguageModel,
): Promise<{ from: string; input: AsyncIterable<string> }> {
  const text = await readAll(input);
  const detector = model ?? (await readLanguageModel());
  const guess = detectLanguage(detector, text);
  if (guess.otherScript) {
    throw new LexletError(
      'input-invalid',
      `The input is not in a language lexlet detects (${detector.languages.join(', ')}); name it with --from.`,
    );
  }
  if (guess.best === null) return { from: 'en', input: once(text) };
  const languages = lineLanguages(detector, text);
  if (languages.length > 1) {
    throw new LexletError(
      'input-invalid',
      `The input mixes languages (${languages.join(', ')}); translate each part with its own --from.`,
    );
  }
  if (guess.language === null) {
    throw new LexletError(
      'input-invalid',
      `Cannot tell the language of the input (closest: ${guess.best}, confidence ${guess.confidence.toFixed(2)}); ` +
        'name it with --from.',
    );
  }
  if (!quiet) errors.write(`Detected: ${guess.language} (confidence ${guess.confidence.toFixed(3)})\n`);
  return { from: guess.language, input: once(text) };
}
