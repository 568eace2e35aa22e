/**
 * Speed of legal tagging: seconds per contract of 10,000 words (`lexlet tag --task contract FILE`) and UNFAIR-ToS
 * sentences/s (`lexlet tag --task unfair-tos`, one sentence a line on stdin), each measured three ways side by
 * side in alternated rounds: the CLI as a whole process (Node start, model loading, tagging), and the engine in
 * this process with its model already open, on onnxruntime-node and on onnxruntime-web's WebAssembly build
 * (2 threads, the backend a browser without WebGPU uses; here in Node, not in a browser). Every runner's output is
 * checked against the CLI's. Prints a table and writes it as JSON to bench/results/.
 *
 *   node --import tsx bench/legal.ts [--words 10000] [--rounds 5] [--out bench/results]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine, type CliBackend } from '../src/cli/node-engine';
import { taggingModel, type TagTask } from '../src/cli/tag-command';
import type { Engine } from '../src/engine/engine';
import { formatDocumentTags, formatSentenceTags } from '../src/engine/legal';
import { contractOfWords, countWords, unfairTosSentences } from './legal-data';
import { labelsOf } from './legal-output';
import { legalTable, type LegalTask } from './legal-table';
import { alternatedRounds, identicalCount, spread, type Runner, type Spread } from './rounds';
import { outputLines, runCommand } from './run-command';
import { RESULTS_DIR, writeResults } from './write-results';
import { machineInfo, range } from './machine';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
    out: { type: 'string', default: RESULTS_DIR },
  },
});
const rounds = Math.max(1, Number(values.rounds));
const legalData = join(root, '../shared/data/legal');
const contract = contractOfWords(join(legalData, 'cuad_v1/full_contract_txt'), Number(values.words));
const sentences = unfairTosSentences(
  readFileSync(join(legalData, 'unfair_tos_lexglue/unfair_tos_validation.csv'), 'utf8'),
);
// The CLI reads both from files: the contract as its FILE argument, the sentences on stdin.
const scratch = mkdtempSync(join(tmpdir(), 'lexlet-bench-'));
const contractFile = join(scratch, 'contract.txt');
const sentencesFile = join(scratch, 'unfair-tos.txt');
writeFileSync(contractFile, contract);
writeFileSync(sentencesFile, sentences.map((sentence) => `${sentence}\n`).join(''));

/** Lines the CLI tags together (src/cli/tag-command.ts); the engine runners batch the same way. */
const CLI_BATCH_LINES = 64;
const url = catalogUrl(undefined);

/** An engine on `backend` with the task's model open, as the CLI picks it. */
async function openEngine(backend: CliBackend, task: TagTask): Promise<{ engine: Engine; modelId: string }> {
  const engine = createNodeEngine(backend);
  const model = taggingModel(await engine.loadCatalog(url), task, false);
  if (!model) throw new Error(`The catalog has no ${task} model.`);
  await engine.downloadModel(model.id, () => undefined);
  await engine.tagger(model.id);
  return { engine, modelId: model.id };
}

const BACKENDS: { backend: CliBackend; label: string }[] = [
  { backend: 'cpu', label: 'engine, onnxruntime-node' },
  { backend: 'wasm', label: 'engine, onnxruntime-web WASM (2 threads, in Node)' },
];
const engines: Engine[] = [];

/**
 * The engine on onnxruntime-node, its model reopened (untimed) before each pass: the tagger's caches (feature
 * hashes) start empty, as for the first document after the model is opened, not the same text tagged again.
 */
function reopenedEngineRunner(
  task: TagTask,
  pass: (engine: Engine, modelId: string) => Promise<string[]>,
): Runner {
  let opened: { engine: Engine; modelId: string } | undefined;
  return {
    name: 'engine, onnxruntime-node, model reopened before each pass',
    prepare: async () => {
      if (opened) {
        engines.splice(engines.indexOf(opened.engine), 1);
        await opened.engine.dispose();
      }
      opened = await openEngine('cpu', task);
      engines.push(opened.engine);
    },
    pass: async () => {
      if (!opened) throw new Error('The engine was not opened before the pass.');
      return { texts: await pass(opened.engine, opened.modelId), tokens: 0 };
    },
  };
}

async function contractRunners(): Promise<Runner[]> {
  const command = 'lexlet tag --task contract FILE';
  const runners: Runner[] = [
    {
      name: command,
      pass: async () => {
        const args = ['bin/lexlet.js', 'tag', '--task', 'contract', contractFile];
        const stdout = await runCommand(process.execPath, args, { cwd: root });
        return { texts: outputLines(stdout, 1, command), tokens: 0 };
      },
    },
  ];
  const tagContract = async (engine: Engine, modelId: string) => [
    formatDocumentTags(await engine.tagDocument({ modelId, text: contract }, () => undefined)),
  ];
  for (const { backend, label } of BACKENDS) {
    const { engine, modelId } = await openEngine(backend, 'contract');
    engines.push(engine);
    runners.push({
      name: label,
      pass: async () => ({ texts: await tagContract(engine, modelId), tokens: 0 }),
    });
  }
  runners.push(reopenedEngineRunner('contract', tagContract));
  return runners;
}

async function unfairTosRunners(): Promise<Runner[]> {
  const command = 'lexlet tag --task unfair-tos';
  const runners: Runner[] = [
    {
      name: command,
      pass: async () => {
        const args = ['bin/lexlet.js', 'tag', '--task', 'unfair-tos'];
        const stdout = await runCommand(process.execPath, args, { cwd: root, inputFile: sentencesFile });
        return { texts: outputLines(stdout, sentences.length, command), tokens: 0 };
      },
    },
  ];
  const tagSentences = async (engine: Engine, modelId: string) => {
    const tagger = await engine.tagger(modelId);
    const texts: string[] = [];
    for (let start = 0; start < sentences.length; start += CLI_BATCH_LINES) {
      const tags = await tagger.tagSentences(sentences.slice(start, start + CLI_BATCH_LINES));
      texts.push(...tags.map(formatSentenceTags));
    }
    return texts;
  };
  for (const { backend, label } of BACKENDS) {
    const { engine, modelId } = await openEngine(backend, 'unfair-tos');
    engines.push(engine);
    runners.push({
      name: label,
      pass: async () => ({ texts: await tagSentences(engine, modelId), tokens: 0 }),
    });
  }
  runners.push(reopenedEngineRunner('unfair-tos', tagSentences));
  return runners;
}

interface Row {
  task: LegalTask;
  runner: string;
  wallSeconds: Spread;
  /** Seconds per contract for `contract`, sentences/s for `unfair-tos`. */
  speed: Spread;
  cpuSeconds: Spread;
  /** Outputs identical to the CLI's (the contract: 1 document; UNFAIR-ToS: one per sentence). */
  identicalToCli: number;
  /** Outputs with the CLI's labels (and, for the contract, the same spans), whatever the scores' last digit. */
  sameLabelsAsCli: number;
  outputs: number;
}
const rows: Row[] = [];
const loadBefore = loadavg();
for (const task of ['contract', 'unfair-tos'] as const) {
  const runners = task === 'contract' ? await contractRunners() : await unfairTosRunners();
  const records = await alternatedRounds(runners, rounds, (runner, round, timing) =>
    process.stderr.write(`${task} round ${round + 1}/${rounds}: ${runner} ${timing.wallMs.toFixed(0)} ms\n`),
  );
  const cli = records[0]?.texts ?? [];
  for (const record of records) {
    rows.push({
      task,
      runner: record.name,
      wallSeconds: spread(record.passes.map((pass) => pass.wallMs / 1000)),
      speed: spread(
        record.passes.map((pass) =>
          task === 'contract' ? pass.wallMs / 1000 : sentences.length / (pass.wallMs / 1000),
        ),
      ),
      cpuSeconds: spread(record.passes.map((pass) => pass.cpuMs / 1000)),
      identicalToCli: identicalCount(record.texts, cli),
      sameLabelsAsCli: identicalCount(record.texts.map(labelsOf), cli.map(labelsOf)),
      outputs: cli.length,
    });
  }
}
const loadAfter = loadavg();
await Promise.all(engines.map((engine) => engine.dispose()));
rmSync(scratch, { recursive: true });

const machine = machineInfo(loadBefore, loadAfter);
const contractWords = countWords(contract);
console.log(
  `contract: ${contractWords} words (${contract.length} characters) of CUAD contracts; unfair-tos: ` +
    `${sentences.length} LexGLUE dev sentences; ${rounds} alternated rounds, median (min–max)`,
);
console.log(
  `${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverageBefore.join(' ')} before, ` +
    `${machine.loadAverageAfter.join(' ')} after; Node ${machine.node}`,
);
console.log(
  legalTable(
    { runner: 'runner', more: ['CPU s'], reference: 'CLI' },
    rows.map((row) => ({
      ...row,
      more: [range(row.cpuSeconds, 2)],
      identical: row.identicalToCli,
      sameLabels: row.sameLabelsAsCli,
    })),
  ),
);
const written = writeResults(
  'legal',
  { contractWords, contractCharacters: contract.length, sentences: sentences.length, rounds, machine, rows },
  values.out,
);
console.log(`\nWritten to ${written}`);
process.exit(0);
