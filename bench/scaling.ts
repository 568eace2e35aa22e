/**
 * How Lexlet's engine scales in Node (onnxruntime-node): sentences/s, target tokens/s and peak memory against
 * sentence length and the number of sentences decoded together, greedy, with the sentence translator alone (what
 * the model decodes, as in bench/translate.ts). Every configuration is a runner of alternated rounds
 * (bench/rounds.ts). Then one run over 1,000 dev lines, 8 together as the app decodes them, for peak memory.
 * Prints the table, writes JSON to bench/results/ and the plot to bench/scaling.svg.
 *
 *   node --import tsx bench/scaling.ts [--model lexlet-en-es] [--input FILE] [--lengths 5,20,50,100]
 *     [--batches 1,4,8,16] [--sentences 32] [--rounds 3] [--long-run 1000] [--svg bench/scaling.svg]
 *     [--out bench/results]
 *
 * Texts of each length are real lines of the input joined with a space (bench/scaling-inputs.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine } from '../src/cli/node-engine';
import { DEFAULT_GROUP_SIZE } from '../src/engine/translate/document';
import { translateOneByOne, translateTogether } from './lexlet-runners';
import { formatTable } from './measure';
import { alternatedRounds, spread, type Runner } from './rounds';
import { runCommand } from './run-command';
import { maxRssMiB, rssMiB, withPeakRss } from './rss-sampler';
import type { ConfigurationMemory } from './scaling-memory';
import { textsOfLength, type LengthInputs } from './scaling-inputs';
import { scalingSvg, scalingTable, type ScalingRow } from './scaling-report';
import { translationBenchOptions } from './options';
import { writeResults } from './write-results';
import { machineInfo } from './machine';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    ...translationBenchOptions,
    lengths: { type: 'string', default: '5,20,50,100' },
    batches: { type: 'string', default: '1,4,8,16' },
    sentences: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    'long-run': { type: 'string', default: '1000' },
    svg: { type: 'string', default: join(root, 'bench/scaling.svg') },
  },
});

function positiveIntegers(flag: string, text: string): number[] {
  const numbers = text.split(',').map(Number);
  if (numbers.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`--${flag} takes positive whole numbers separated by commas, not "${text}"`);
  }
  return numbers;
}

const modelId = values.model;
const inputPath = values.input;
const lengths = positiveIntegers('lengths', values.lengths ?? '');
const batches = positiveIntegers('batches', values.batches ?? '');
const [perConfiguration] = positiveIntegers('sentences', values.sentences ?? '');
const [rounds] = positiveIntegers('rounds', values.rounds ?? '');
const [longRunSize] = positiveIntegers('long-run', values['long-run'] ?? '');
const lines = readFileSync(inputPath, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
const loadBefore = loadavg();

const engine = createNodeEngine('cpu');
await engine.loadCatalog(catalogUrl(undefined));
await engine.downloadModel(modelId, () => undefined);
const translator = await engine.translator(modelId, 'cpu');
const countTokens = (text: string) => translator.countPieces([text])[0] as number;
const startRssMiB = rssMiB();

// Peak memory over a long run first, while the process's high-water mark still belongs to it alone.
const longRunLines = lines.slice(0, longRunSize);
const longRunStarted = performance.now();
const longRun = await withPeakRss(() => translateTogether(translator, longRunLines, 1, DEFAULT_GROUP_SIZE));
const longRunSeconds = (performance.now() - longRunStarted) / 1000;
const longRunRecord = {
  sentences: longRunLines.length,
  together: DEFAULT_GROUP_SIZE,
  seconds: Number(longRunSeconds.toFixed(2)),
  sentencesPerSecond: Number((longRunLines.length / longRunSeconds).toFixed(1)),
  startRssMiB: Math.round(startRssMiB),
  peakRssMiB: Math.round(longRun.peakMiB),
  endRssMiB: Math.round(rssMiB()),
  processMaxRssMiB: Math.round(maxRssMiB()),
};
process.stderr.write(`long run: ${JSON.stringify(longRunRecord)}\n`);

const inputs: LengthInputs[] = lengths.map((target) =>
  textsOfLength(lines, target, perConfiguration as number, countTokens),
);
const runners: Runner[] = inputs.flatMap(({ target, texts }) =>
  batches.map((batch) => ({
    name: `${target} tokens, batch ${batch}`,
    pass: () =>
      batch === 1 ? translateOneByOne(translator, texts, 1) : translateTogether(translator, texts, 1, batch),
  })),
);
const records = await alternatedRounds(runners, rounds as number, (runner, round, timing) =>
  process.stderr.write(`round ${round + 1}/${rounds}: ${runner} ${timing.wallMs.toFixed(0)} ms\n`),
);
// Memory per configuration, each in a fresh process (bench/scaling-memory.ts), one after the other.
const memories: ConfigurationMemory[] = [];
for (const { target } of inputs) {
  for (const batch of batches) {
    const stdout = await runCommand(process.execPath, [
      '--import',
      'tsx',
      join(root, 'bench/scaling-memory.ts'),
      `--model=${modelId}`,
      `--input=${inputPath}`,
      `--length=${target}`,
      `--batch=${batch}`,
      `--sentences=${perConfiguration}`,
    ]);
    const memory = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ConfigurationMemory;
    process.stderr.write(`memory: ${target} tokens, batch ${batch}: ${JSON.stringify(memory)}\n`);
    memories.push(memory);
  }
}
const rows: ScalingRow[] = records.map((record, index) => {
  const memory = memories[index] as ConfigurationMemory;
  const lengthInputs = inputs[Math.floor(index / batches.length)] as LengthInputs;
  const count = lengthInputs.texts.length;
  return {
    targetTokens: lengthInputs.target,
    meanSourceTokens: lengthInputs.tokens.reduce((sum, tokens) => sum + tokens, 0) / count,
    batch: batches[index % batches.length] as number,
    sentencesPerSecond: spread(record.passes.map((pass) => count / (pass.wallMs / 1000))),
    targetTokensPerSecond: spread(record.passes.map((pass) => pass.tokens / (pass.wallMs / 1000))),
    loadedRssMiB: memory.loadedRssMiB,
    peakRssMiB: memory.peakRssMiB,
  };
});
const processMaxRssMiB = Math.round(maxRssMiB());
const loadAfter = loadavg();
await engine.dispose();

const machine = machineInfo(loadBefore, loadAfter);
const input = relative(root, inputPath);
const summary =
  `${modelId}, greedy, ${perConfiguration} texts per length from ${input}, ${rounds} alternated rounds; ` +
  `${machine.cores} cores, load ${machine.loadAverageBefore[0]} before, ${machine.loadAverageAfter[0]} after`;
console.log(summary);
console.log(
  `Long run: ${longRunRecord.sentences} lines, ${longRunRecord.together} together, ${longRunRecord.seconds} s ` +
    `(${longRunRecord.sentencesPerSecond} sentences/s); RSS ${longRunRecord.startRssMiB} MiB before, peak ` +
    `${longRunRecord.peakRssMiB} MiB, ${longRunRecord.endRssMiB} MiB after; process high-water mark at the end ` +
    `${processMaxRssMiB} MiB`,
);
console.log(
  formatTable(
    ['target tokens', 'mean tokens', 'batch', 'sentences/s', 'tokens/s', 'loaded MiB', 'peak MiB'],
    rows.map((row) => [
      String(row.targetTokens),
      row.meanSourceTokens.toFixed(1),
      String(row.batch),
      `${row.sentencesPerSecond.median.toFixed(1)} (${row.sentencesPerSecond.min.toFixed(1)}–${row.sentencesPerSecond.max.toFixed(1)})`,
      `${row.targetTokensPerSecond.median.toFixed(0)}`,
      row.loadedRssMiB.toFixed(0),
      row.peakRssMiB.toFixed(0),
    ]),
  ),
);
console.log(`\n${scalingTable(rows)}`);
const svgPath = values.svg ?? join(root, 'bench/scaling.svg');
writeFileSync(svgPath, scalingSvg(rows, summary));
const written = writeResults(
  'scaling',
  {
    model: modelId,
    input,
    textsPerLength: perConfiguration,
    rounds,
    machine,
    longRun: longRunRecord,
    processMaxRssMiB,
    lengths: inputs.map(({ target, tokens }) => ({ target, tokens })),
    rows,
  },
  values.out,
);
console.log(`\nWritten to ${written} and ${relative(root, svgPath)}`);
process.exit(0);
