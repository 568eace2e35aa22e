/**
 * The browser bench's legal-tagging and Transformers.js sections, driven from Node: the inputs are read here and
 * sent to a page, whose worker runs alternated rounds (bench/browser/legal.ts, bench/browser/compare.ts) and
 * posts the timings and outputs back. Each prints its table and returns what goes into the results file.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine } from '../src/cli/node-engine';
import { formatDocumentTags, formatSentenceTags } from '../src/engine/legal';
import { DEFAULT_GROUP_SIZE } from '../src/engine/translate/document';
import type { BenchMessage, CompareRequest, LegalRequest } from './browser/protocol';
import { compareRows, legalRow } from './browser/report';
import type { PageRunnerRecord } from './browser/rounds';
import { TRANSFORMERS_ORT_DIR } from './browser/vite.config';
import { contractOfWords, countWords, unfairTosSentences } from './legal-data';
import { legalTable, speedDecimals } from './legal-table';
import { machineInfo, range } from './machine';
import { formatTable } from './measure';

export interface PageSession {
  root: string;
  /** A new tab on the bench page, cross-origin isolated. */
  newPage(): Promise<Page>;
  messagesUntil(
    page: Page,
    until: BenchMessage['type'],
    onMessages?: (messages: BenchMessage[]) => void,
  ): Promise<BenchMessage[]>;
  readLines(path: string): string[];
  chromium(): string;
}

const CONTRACT_MODEL = 'lexlet-cuad';
const UNFAIR_TOS_MODELS = ['lexlet-unfair-tos', 'lexlet-unfair-tos-multilingual'];
/** Lines the CLI tags together (src/cli/tag-command.ts), as bench/legal.ts batches them. */
const BATCH_LINES = 64;

const showProgress = (messages: BenchMessage[]) => {
  for (const message of messages) {
    if (message.type === 'progress') process.stderr.write(`${message.text}\n`);
    if (message.type === 'opened')
      process.stderr.write(`${message.name} opened in ${message.seconds.toFixed(2)} s\n`);
  }
};

/** Runs `request` in a new tab's worker; the page's messages until it finishes. */
async function inPage(session: PageSession, request: Parameters<Window['startWorker']>[0]) {
  const page = await session.newPage();
  // Everything must come from the page's own server: nothing else is reachable, offline as the app runs.
  const outside: string[] = [];
  const origin = new URL(page.url()).origin;
  page.on('request', (sent) => {
    if (!sent.url().startsWith(origin) && !sent.url().startsWith('blob:')) outside.push(sent.url());
  });
  await page.evaluate((started) => window.startWorker(started), request);
  const messages = await session.messagesUntil(page, 'finished', showProgress);
  await page.close();
  if (outside.length > 0)
    throw new Error(`The page asked for ${outside.length} outside files: ${outside.join(' ')}`);
  const rounds = (section: string): PageRunnerRecord[] =>
    messages.flatMap((message) =>
      message.type === 'rounds' && message.section === section ? message.records : [],
    );
  const opened = messages.flatMap((message) => (message.type === 'opened' ? [message] : []));
  return { rounds, opened };
}

/** The engine in Node (onnxruntime-node) on the same inputs: the outputs the browser's are compared with. */
async function nodeOutputs(contract: string, sentences: readonly string[]): Promise<Map<string, string[]>> {
  const engine = createNodeEngine('cpu');
  await engine.loadCatalog(catalogUrl(undefined));
  const outputs = new Map<string, string[]>();
  for (const modelId of [CONTRACT_MODEL, ...UNFAIR_TOS_MODELS])
    await engine.downloadModel(modelId, () => undefined);
  const tags = await engine.tagDocument({ modelId: CONTRACT_MODEL, text: contract }, () => undefined);
  outputs.set(CONTRACT_MODEL, [formatDocumentTags(tags)]);
  for (const modelId of UNFAIR_TOS_MODELS) {
    const tagger = await engine.tagger(modelId);
    const lines: string[] = [];
    for (let start = 0; start < sentences.length; start += BATCH_LINES)
      lines.push(
        ...(await tagger.tagSentences(sentences.slice(start, start + BATCH_LINES))).map(formatSentenceTags),
      );
    outputs.set(modelId, lines);
  }
  await engine.dispose();
  return outputs;
}

export async function legalTagging(
  session: PageSession,
  options: { words: number; sentencesFile: string | undefined; rounds: number },
): Promise<object> {
  const legalData = join(session.root, '../shared/data/legal');
  const contract = contractOfWords(join(legalData, 'cuad_v1/full_contract_txt'), options.words);
  // A fixed file: one sentence a line, kept in order with repeats; else the LexGLUE dev sentences.
  const sentences = options.sentencesFile
    ? readFileSync(options.sentencesFile, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : unfairTosSentences(
        readFileSync(join(legalData, 'unfair_tos_lexglue/unfair_tos_validation.csv'), 'utf8'),
      );
  const reference = await nodeOutputs(contract, sentences);
  const loadBefore = loadavg();
  const page = await session.newPage();
  const request: LegalRequest = {
    catalogUrl: new URL('models/catalog.json', page.url()).href,
    contractModelId: CONTRACT_MODEL,
    contract,
    unfairTosModelIds: UNFAIR_TOS_MODELS,
    sentences,
    batchLines: BATCH_LINES,
    rounds: options.rounds,
  };
  await page.close();
  const { rounds, opened } = await inPage(session, { mode: 'legal', request });
  const machine = machineInfo(loadBefore, loadavg());
  const rows = [
    ...rounds('contract').map((record) =>
      legalRow('contract', record, reference.get(record.name) ?? [], sentences.length),
    ),
    ...rounds('unfair-tos').map((record) =>
      legalRow('unfair-tos', record, reference.get(record.name) ?? [], sentences.length),
    ),
  ];
  console.log(
    `\nLegal tagging, Chromium ${session.chromium()}, the app's worker engine on WASM (2 threads): contract of ` +
      `${countWords(contract)} words (${contract.length} characters), ${sentences.length} UNFAIR-ToS sentences in ` +
      `batches of ${BATCH_LINES}; one warm-up pass, then ${options.rounds} rounds, median (min–max); load average ` +
      `${machine.loadAverageBefore.join(' ')} before, ${machine.loadAverageAfter.join(' ')} after`,
  );
  console.log(opened.map((model) => `${model.name} opened in ${model.seconds.toFixed(2)} s`).join('; '));
  console.log(
    legalTable(
      { runner: 'model', more: ['first pass'], reference: 'Node engine' },
      rows.map((row) => ({
        ...row,
        runner: row.model,
        more: [row.firstSpeed.toFixed(speedDecimals(row.task))],
      })),
    ),
  );
  return {
    chromium: session.chromium(),
    contractWords: countWords(contract),
    contractCharacters: contract.length,
    sentences: sentences.length,
    sentencesFile: options.sentencesFile ?? 'unfair_tos_lexglue/unfair_tos_validation.csv',
    rounds: options.rounds,
    machine,
    opened,
    rows,
    wallMs: Object.fromEntries(
      [...rounds('contract'), ...rounds('unfair-tos')].map((r) => [r.name, r.wallMs]),
    ),
  };
}

export async function transformersJsComparison(
  session: PageSession,
  options: { modelId: string; input: string; rounds: number },
): Promise<object> {
  const sentences = session.readLines(join(session.root, options.input));
  const loadBefore = loadavg();
  const page = await session.newPage();
  const base = page.url();
  await page.close();
  const request: CompareRequest = {
    catalogUrl: new URL('models/catalog.json', base).href,
    modelId: options.modelId,
    // A path, not a URL: Transformers.js only looks for local files (the tokenizer among them) at a path.
    modelsUrl: new URL('models/', base).pathname,
    transformersWasm: {
      mjs: new URL(`${TRANSFORMERS_ORT_DIR}/ort-wasm-simd-threaded.asyncify.mjs`, base).href,
      wasm: new URL(`${TRANSFORMERS_ORT_DIR}/ort-wasm-simd-threaded.asyncify.wasm`, base).href,
    },
    sentences,
    // As the app and the CLI decode a document's sentences.
    together: DEFAULT_GROUP_SIZE,
    rounds: options.rounds,
  };
  const { rounds, opened } = await inPage(session, { mode: 'compare', request });
  const machine = machineInfo(loadBefore, loadavg());
  const rows = compareRows(rounds('compare'), sentences.length);
  console.log(
    `\nTransformers.js against Lexlet's engine, Chromium ${session.chromium()}, WASM (2 threads), ` +
      `${options.modelId}, greedy, ${sentences.length} sentences (${options.input}); one warm-up pass each, then ` +
      `${options.rounds} alternated rounds, median (min–max); load average ${machine.loadAverageBefore.join(' ')} ` +
      `before, ${machine.loadAverageAfter.join(' ')} after`,
  );
  console.log(opened.map((runner) => `${runner.name} opened in ${runner.seconds.toFixed(2)} s`).join('; '));
  console.log(
    formatTable(
      ['runner', 'sentences/s', '× Transformers.js', 'identical to Transformers.js'],
      rows.map((row) => [
        row.runner,
        range(row.sentencesPerSecond, 1),
        range(row.timesReference, 2),
        `${row.identical}/${row.outputs}`,
      ]),
    ),
  );
  return {
    chromium: session.chromium(),
    model: options.modelId,
    input: options.input,
    sentences: sentences.length,
    rounds: options.rounds,
    machine,
    opened,
    rows,
    records: rounds('compare'),
  };
}
