import { parseArgs } from 'node:util';
import { LexletError, abortError, isAbortError } from '../engine/errors';
import { catalogUrl, displayLocation } from './catalog-location';
import { USAGE } from './help';
import { listModels } from './models-command';
import { readGlossaryFile } from './glossary-file';
import { createNodeEngine, type CliBackend } from './node-engine';
import { detectInputLanguage } from './detect-input-language';
import { chooseLocales } from './locale-choice';
import { pickTranslationRoute } from './pick-model';
import { isTagTask, runTag, taggingModel, taggingModelsByLanguage } from './tag-command';
import { runTranslate } from './translate-command';

/** Bad arguments: exit status 2 with the usage hint. */
class UsageError extends Error {}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  model: { type: 'string' },
  beam: { type: 'string' },
  backend: { type: 'string' },
  catalog: { type: 'string' },
  glossary: { type: 'string' },
  task: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function backendOption(value: string | undefined): CliBackend {
  if (value === undefined || value === 'cpu' || value === 'wasm') return value ?? 'cpu';
  throw new UsageError(`--backend must be cpu or wasm, not "${value}".`);
}

function beamOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const beams = Number(value);
  if (!Number.isInteger(beams) || beams < 1 || beams > 16)
    throw new UsageError('--beam must be a whole number 1–16.');
  return beams;
}

/** Runs one command; resolves to the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return values.help || command === 'help' ? 0 : 2;
  }
  const file = command === 'tag' && values.task === 'contract' ? rest.shift() : undefined;
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]}`);
  if (command !== 'translate' && command !== 'models' && command !== 'tag') {
    throw new UsageError(`Unknown command: ${command}`);
  }
  if (command === 'tag' && !isTagTask(values.task)) {
    throw new UsageError('tag needs --task unfair-tos or --task contract.');
  }

  const url = catalogUrl(values.catalog);
  const engine = createNodeEngine(backendOption(values.backend));
  const controller = new AbortController();
  const onSignal = () => {
    controller.abort();
    // Unblocks a read waiting for more input.
    process.stdin.destroy();
  };
  process.once('SIGINT', onSignal);
  try {
    const catalog = await engine.loadCatalog(url).catch((error: unknown) => {
      if (error instanceof LexletError) throw error;
      throw new LexletError('catalog-invalid', `Cannot read the catalog at ${displayLocation(url)}.`, {
        cause: error,
      });
    });
    if (command === 'models') {
      process.stdout.write(`${await listModels(engine, catalog)}\n`);
      return 0;
    }
    if (command === 'tag' && isTagTask(values.task)) {
      const model = taggingModel(catalog, values.task, values.catalog !== undefined, values.model);
      if (!model) {
        process.stderr.write(
          `lexlet tag --task ${values.task} is not available yet: the catalog has no model for it.\n`,
        );
        return 2;
      }
      await runTag({
        engine,
        model,
        ...(values.model === undefined
          ? { modelsByLanguage: taggingModelsByLanguage(catalog, values.task) }
          : {}),
        task: values.task,
        file,
        input: process.stdin,
        output: process.stdout,
        signal: controller.signal,
      });
      return 0;
    }
    if (!values.model && (!values.from || !values.to))
      throw new UsageError('translate needs --from and --to (or --model).');
    const glossary = values.glossary === undefined ? undefined : await readGlossaryFile(values.glossary);
    const source =
      values.from === 'auto'
        ? await detectInputLanguage(process.stdin, process.stderr, values.quiet ?? false)
        : { from: values.from, input: process.stdin };
    const locales = chooseLocales(source.from, values.to);
    const route = pickTranslationRoute(catalog, url, {
      from: locales.from,
      to: locales.to,
      model: values.model,
      allowFixtures: values.catalog !== undefined,
    });
    const numBeams = beamOption(values.beam);
    await runTranslate({
      engine,
      route,
      options: numBeams === undefined ? {} : { numBeams },
      glossary,
      targetLocale: locales.targetLocale,
      input: source.input,
      output: process.stdout,
      errors: process.stderr,
      quiet: values.quiet ?? false,
      signal: controller.signal,
    });
    return 0;
  } catch (error) {
    // Whatever broke after Ctrl-C (e.g. the destroyed input stream) is the cancellation.
    throw controller.signal.aborted ? abortError() : error;
  } finally {
    process.off('SIGINT', onSignal);
    await engine.dispose();
  }
}

function describe(error: unknown): string {
  if (error instanceof LexletError) {
    const cause =
      error.cause instanceof Error && error.code !== 'input-invalid' ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Exit status for an error: 2 for usage, 130 for Ctrl-C, 1 otherwise. */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`lexlet: ${error.message}\nRun "lexlet --help" for usage.\n`);
    return 2;
  }
  if (isAbortError(error)) {
    process.stderr.write('lexlet: cancelled\n');
    return 130;
  }
  process.stderr.write(`lexlet: ${describe(error)}\n`);
  return 1;
}
