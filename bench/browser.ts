/**
 * Translation in the browser: sentences/s and tokens/s for greedy and beam search on WASM (Debian Chromium,
 * headless, cross-origin isolated so WASM uses 2 threads), then the renderer's memory while one model translates
 * a long run of sentences (the page, its workers and the WASM heap all live in the renderer process), then cold
 * starts: a new tab, the model already in Cache Storage, until its first sentence is translated, phase by phase,
 * in a browser profile that has visited before (`persistent`, as a user's: Chromium keeps the compiled WebAssembly)
 * or an off-the-record one (`incognito`: compiled anew in every tab).
 *
 * Legal tagging (`--sections legal`): seconds per 10,000-word contract (`lexlet-cuad`, the engine's tagDocument)
 * and UNFAIR-ToS sentences/s per model, in the app's worker engine on WASM, outputs checked against the engine in
 * Node. Transformers.js (`--sections transformers-js`): its `pipeline('translation')` on the same model files
 * against Lexlet's engine one at a time and 8 together, greedy, alternated rounds in one page.
 *
 *   node --import tsx bench/browser.ts [--sections throughput,cold-start,legal,transformers-js]
 *     [--model lexlet-en-es] [--input FILE] [--beams 1,4] [--together 1,8] [--repeats 3]
 *     [--long-input FILE] [--long-lines 1000] [--cold-starts 5] [--variants app,webgpu-build,opened-ahead] [--linger-ms 0]
 *     [--profiles persistent,incognito]
 *     [--words 10000] [--legal-sentences FILE] [--legal-rounds 5] [--compare-input FILE] [--compare-rounds 5]
 *     [--skip-throughput] [--skip-build]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import type { BenchMessage, BenchRequest, ColdStartVariant } from './browser/protocol';
import { askedToTranslated, coldStartPhases } from './browser/phases';
import { coldStartRuns, EARLIER_VISIT_MS, parseProfiles, type BrowserProfile } from './browser/profiles';
import { formatTable } from './measure';
import { writeResults } from './write-results';
import { median } from './measure';
import { legalTagging, transformersJsComparison, type PageSession } from './browser-sections';
import { PHRASEBOOK_FILE, Phrasebook } from '../src/engine/translate/phrasebook';
import type { Catalog } from '../src/engine/types';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = 4175;

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'lexlet-en-es' },
    input: { type: 'string', default: 'e2e/fixtures/sentences/dev-en-50.txt' },
    beams: { type: 'string', default: '1,4' },
    together: { type: 'string', default: '1,8' },
    repeats: { type: 'string', default: '3' },
    'long-input': { type: 'string' },
    'long-lines': { type: 'string', default: '1000' },
    'cold-starts': { type: 'string', default: '5' },
    variants: { type: 'string', default: 'app,webgpu-build,opened-ahead' },
    'linger-ms': { type: 'string', default: '0' },
    profiles: { type: 'string', default: 'persistent' },
    sections: { type: 'string', default: 'throughput,cold-start,legal,transformers-js' },
    words: { type: 'string', default: '10000' },
    'legal-sentences': { type: 'string' },
    'legal-rounds': { type: 'string', default: '5' },
    'compare-input': { type: 'string', default: 'e2e/fixtures/sentences/dev-en-50.txt' },
    'compare-rounds': { type: 'string', default: '5' },
    'skip-throughput': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return [...new Set(lines)];
}

/** `count` lines: distinct dev sentences when the training split is on disk, else the input cycled. */
function longRunLines(count: number, fallback: string[]): string[] {
  const candidates = [values['long-input'], join(root, 'training/work/en-es/dev.src')].filter(
    (path): path is string => Boolean(path && existsSync(path)),
  );
  const source = candidates[0] ? readLines(candidates[0]) : fallback;
  return Array.from({ length: count }, (_, i) => source[i % source.length] as string);
}

function processCmdlines(): Map<string, string> {
  const cmdlines = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/u.test(name))) {
    try {
      cmdlines.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // The process ended while being read.
    }
  }
  return cmdlines;
}

/** Marks this benchmark's browser so its renderers can be told apart from any other Chromium running here. */
const MARKER = `--lexlet-bench=${process.pid}`;

/**
 * Resident memory (MiB) of this browser's renderer processes: the page, its workers and WebAssembly memory.
 * Renderers share the browser's --user-data-dir, which the marked browser process names.
 */
function rendererRssMiB(): number {
  const cmdlines = processCmdlines();
  const main = [...cmdlines.values()].find((cmdline) => cmdline.includes(MARKER));
  const profile = main ? /--user-data-dir=(\S+)/u.exec(main)?.[1] : undefined;
  if (!profile) return 0;
  let kib = 0;
  for (const [pid, cmdline] of cmdlines) {
    if (!cmdline.includes('--type=renderer') || !cmdline.includes(`--user-data-dir=${profile}`)) continue;
    try {
      kib += Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended while being read.
    }
  }
  return kib / 1024;
}

if (!values['skip-build']) await build({ configFile: join(root, 'bench/browser/vite.config.ts') });
const server = spawn(process.execPath, ['scripts/serve.js', '--dir', 'dist-bench', '--port', String(PORT)], {
  cwd: root,
  stdio: 'ignore',
});
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, MARKER] });

/** Reads the page's benchmark messages until one of type `until` arrives; `onMessages` sees each batch. */
async function messagesUntil(
  page: Page,
  until: BenchMessage['type'],
  onMessages: (messages: BenchMessage[]) => void = () => undefined,
): Promise<BenchMessage[]> {
  const all: BenchMessage[] = [];
  for (;;) {
    const messages = (await page.evaluate(
      (from) => window.benchMessages.slice(from),
      all.length,
    )) as BenchMessage[];
    all.push(...messages);
    const failed = messages.find((message) => message.type === 'error');
    if (failed?.type === 'error') throw new Error(failed.message);
    onMessages(messages);
    if (messages.some((message) => message.type === until)) return all;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function open(page: Page, path: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://127.0.0.1:${PORT}/${path}`);
      return;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** What this run measured, written to bench/results/ at the end. */
const results: Record<string, unknown> = {};

async function throughput(): Promise<void> {
  const page = await browser.newPage();
  await open(page, '');
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('page is not cross-origin isolated');
  const sentences = readLines(join(root, values.input ?? ''));
  const request: BenchRequest = {
    catalogUrl: new URL('models/catalog.json', page.url()).href,
    modelId: values.model ?? 'lexlet-en-es',
    sentences,
    beams: (values.beams ?? '1').split(',').map(Number),
    together: (values.together ?? '1').split(',').map(Number),
    repeats: Math.max(1, Number(values.repeats)),
    longRun: longRunLines(Number(values['long-lines']), sentences),
    longRunEvery: 100,
  };
  await page.evaluate((started) => window.startBench(started), request);

  let seen = 0;
  let peak = 0;
  let longRunStartRss = 0;
  const rows: string[][] = [];
  const memoryRows: string[][] = [];
  let backend = '';
  for (;;) {
    const rss = rendererRssMiB();
    peak = Math.max(peak, rss);
    const messages = await page.evaluate((from) => window.benchMessages.slice(from), seen);
    seen += messages.length;
    for (const message of messages as BenchMessage[]) {
      if (message.type === 'error') throw new Error(message.message);
      if (message.type === 'loaded')
        backend = `${message.backend}, model opened in ${message.loadSeconds.toFixed(2)} s`;
      if (message.type === 'throughput') {
        const { row } = message;
        rows.push([
          String(row.beams),
          String(row.together),
          row.sentencesPerSecond.toFixed(2),
          row.tokensPerSecond.toFixed(1),
          row.msPerSentence.toFixed(1),
        ]);
        // The long run starts after the last throughput row: memory is measured from here.
        if (rows.length === request.beams.length * request.together.length) {
          longRunStartRss = rss;
          peak = rss;
        }
      }
      if (message.type === 'long-run') {
        memoryRows.push([
          String(message.done),
          message.seconds.toFixed(1),
          (message.done / message.seconds).toFixed(2),
          (message.tokens / message.seconds).toFixed(1),
          rss.toFixed(0),
          peak.toFixed(0),
        ]);
      }
    }
    if ((messages as BenchMessage[]).some((message) => message.type === 'finished')) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  console.log(`Chromium ${browser.version()}, ${request.modelId}: ${backend}`);
  console.log(`${sentences.length} sentences (${values.input}), ${request.repeats} passes, medians`);
  console.log(formatTable(['beams', 'together', 'sentences/s', 'tokens/s', 'ms/sentence'], rows));
  console.log(
    `\nLong run: ${request.longRun.length} sentences, default generation settings; renderer RSS before: ${longRunStartRss.toFixed(0)} MiB`,
  );
  console.log(
    formatTable(['sentences', 'seconds', 'sentences/s', 'tokens/s', 'RSS MiB', 'peak MiB'], memoryRows),
  );
  results.throughput = {
    chromium: browser.version(),
    model: request.modelId,
    backend,
    input: values.input,
    sentences: sentences.length,
    passes: request.repeats,
    rows: rows.map(([beams, together, sentencesPerSecond, tokensPerSecond, msPerSentence]) => ({
      beams: Number(beams),
      together: Number(together),
      sentencesPerSecond: Number(sentencesPerSecond),
      tokensPerSecond: Number(tokensPerSecond),
      msPerSentence: Number(msPerSentence),
    })),
    longRun: { sentences: request.longRun.length, startRssMiB: longRunStartRss, rows: memoryRows },
  };
  await page.close();
}

/** A browser context of `profile`, and how to close it (a persistent profile's folder removed with it). */
async function openProfile(
  profile: BrowserProfile,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (profile === 'incognito') {
    const context = await browser.newContext();
    return { context, close: () => context.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lexlet-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a cold-start tab of `variant`, waits for its first sentence and returns its result. */
async function coldStartTab(context: BrowserContext, variant: ColdStartVariant, sentence: string) {
  const page = await context.newPage();
  const query = new URLSearchParams({
    'cold-start': '',
    model: values.model ?? 'lexlet-en-es',
    sentence,
    variant,
  });
  await open(page, `?${query}`);
  const navigationStart = await page.evaluate(() => performance.timeOrigin);
  const messages = await messagesUntil(page, 'finished');
  const result = messages.find((message) => message.type === 'cold-start');
  if (result?.type !== 'cold-start') throw new Error('the cold start reported nothing');
  return { page, phases: coldStartPhases(navigationStart, result.marks), translation: result.translation };
}

/**
 * Cold starts in tabs of each browser profile: a first tab downloads the model into Cache Storage; in a
 * persistent profile one earlier visit per variant then translates a sentence and stays open long enough for
 * Chromium to keep its compiled WebAssembly, as a user's earlier visit would. Each measured tab opens the page,
 * which starts the worker at once, and the worker opens the model and translates a sentence.
 */
/**
 * The first of `lines` that the model's phrasebook answers neither whole nor by its opening phrase: a cold start
 * is timed to a sentence the model translates.
 */
async function modelledSentence(lines: readonly string[], modelId: string): Promise<string | undefined> {
  const models = join(root, 'public/models');
  const catalog = JSON.parse(readFileSync(join(models, 'catalog.json'), 'utf8')) as Catalog;
  const model = catalog.models.find((entry) => entry.id === modelId);
  const path = model && join(models, model.baseUrl, PHRASEBOOK_FILE);
  const book = path && existsSync(path) ? await Phrasebook.fromFile(readFileSync(path)) : undefined;
  return lines.find((line) => !book || (book.translation(line) === undefined && !book.opening(line)));
}

async function coldStarts(count: number): Promise<void> {
  const sentence =
    (await modelledSentence(readLines(join(root, values.input ?? '')), values.model ?? 'lexlet-en-es')) ??
    'The meeting starts at nine tomorrow morning.';
  console.log(`cold start sentence: ${sentence}`);
  const variants = (values.variants ?? 'app').split(',') as ColdStartVariant[];
  const profiles = parseProfiles(values.profiles ?? 'persistent');
  const contexts = new Map<BrowserProfile, Awaited<ReturnType<typeof openProfile>>>();
  try {
    for (const profile of profiles) {
      const opened = await openProfile(profile);
      contexts.set(profile, opened);
      const first = await opened.context.newPage();
      await open(first, '');
      await first.evaluate((modelId) => window.prepareModel(modelId), values.model ?? 'lexlet-en-es');
      await messagesUntil(first, 'finished');
      await first.close();
      if (profile === 'persistent') {
        for (const variant of variants) {
          const { page } = await coldStartTab(opened.context, variant, sentence);
          await page.waitForTimeout(EARLIER_VISIT_MS);
          await page.close();
        }
      }
    }
    const order = coldStartRuns(profiles, variants, count);
    const labels = [...new Set(order.map((run) => run.label))];
    const runs = new Map<string, { name: string; ms: number }[][]>(labels.map((label) => [label, []]));
    let translation = '';
    for (const run of order) {
      const context = contexts.get(run.profile)?.context;
      if (!context) throw new Error(`no context for ${run.profile}`);
      const tab = await coldStartTab(context, run.variant, sentence);
      // Every variant must translate alike: one that does not is no faster way to the same result.
      if (translation && tab.translation !== translation) {
        throw new Error(`${run.label} translated "${tab.translation}", another tab "${translation}"`);
      }
      translation = tab.translation;
      runs.get(run.label)?.push(tab.phases);
      // A tab left open a while, as a user's is: the browser may keep the compiled WebAssembly for later visits.
      await tab.page.waitForTimeout(Number(values['linger-ms']));
      await tab.page.close();
    }
    reportColdStarts(count, sentence, translation, labels, runs, profiles);
  } finally {
    for (const opened of contexts.values()) await opened.close();
  }
}

function reportColdStarts(
  count: number,
  sentence: string,
  translation: string,
  variants: string[],
  runs: Map<string, { name: string; ms: number }[][]>,
  profiles: BrowserProfile[],
): void {
  results.coldStart = {
    model: values.model,
    sentence,
    translation,
    tabs: count,
    profiles,
    ms: Object.fromEntries(runs),
  };
  console.log(
    `\nCold start, model in Cache Storage: new tab → first sentence, ms (median of ${count} tabs, each tab),` +
      ` variants taking turns: ${variants.join(', ')}; profile: ${profiles.join(', ')}`,
  );
  console.log(`"${sentence}" → "${translation}"`);
  // Phases are matched by name: overlapping steps may end in another order from tab to tab.
  const names = [...new Set([...runs.values()].flat(2).map((phase) => phase.name))];
  const total = names.find((name) => name.startsWith('total'));
  const ordered = [...names.filter((name) => name !== total), ...(total ? [total] : [])];
  const column = (variant: string, name: string) =>
    (runs.get(variant) ?? []).map((phases) => phases.find((phase) => phase.name === name)?.ms ?? Number.NaN);
  const asked = (variant: string) => (runs.get(variant) ?? []).map(askedToTranslated);
  const cell = (values: number[]) => [median(values).toFixed(0), values.map((ms) => ms.toFixed(0)).join(' ')];
  const rows = ordered.map((name) => {
    const cells = variants.map((variant) => cell(column(variant, name)));
    return [name, ...cells.map(([med]) => med ?? ''), ...cells.map(([, each]) => each ?? '')];
  });
  const askedCells = variants.map((variant) => cell(asked(variant)));
  rows.push([
    'translation asked for → first sentence',
    ...askedCells.map(([med]) => med ?? ''),
    ...askedCells.map(([, each]) => each ?? ''),
  ]);
  console.log(
    formatTable(['phase', ...variants, ...variants.map((variant) => `${variant}, each tab`)], rows),
  );
  results.coldStart = {
    ...(results.coldStart as object),
    askedToTranslated: Object.fromEntries(variants.map((variant) => [variant, asked(variant)])),
  };
}

const sections = new Set((values.sections ?? '').split(','));
/** What the legal and comparison sections need of this driver. */
const session: PageSession = {
  root,
  newPage: async () => {
    const page = await browser.newPage();
    await open(page, '');
    if (!(await page.evaluate(() => crossOriginIsolated)))
      throw new Error('page is not cross-origin isolated');
    return page;
  },
  messagesUntil,
  readLines,
  chromium: () => browser.version(),
};
try {
  if (sections.has('throughput') && !values['skip-throughput']) await throughput();
  if (sections.has('cold-start') && Number(values['cold-starts']) > 0)
    await coldStarts(Number(values['cold-starts']));
  if (sections.has('legal')) {
    results.legal = await legalTagging(session, {
      words: Number(values.words),
      sentencesFile: values['legal-sentences'],
      rounds: Math.max(1, Number(values['legal-rounds'])),
    });
  }
  if (sections.has('transformers-js')) {
    results.transformersJs = await transformersJsComparison(session, {
      modelId: values.model ?? 'lexlet-en-es',
      input: values['compare-input'] ?? '',
      rounds: Math.max(1, Number(values['compare-rounds'])),
    });
  }
  console.log(`\nWritten to ${writeResults('browser', results)}`);
} finally {
  await browser.close();
  server.kill();
}
process.exit(0);
