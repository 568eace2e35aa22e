/**
 * Lexlet against Transformers.js in Node (onnxruntime-node), on the same ONNX files and sentences, greedy and beam
 * search: sentences/s, target tokens/s, CPU time, and how many translations are identical to Transformers.js's.
 * Runners alternate within each round (the machine is shared and noisy); ratios are per round, then summarised.
 * Prints one table and writes it as JSON to bench/results/.
 *
 *   node --import tsx bench/translate.ts [--model lexlet-en-es] [--input FILE] [--limit 150] [--beams 1,4]
 *     [--rounds 5] [--together 8] [--out bench/results]
 *
 * The default input is the Tatoeba dev set no model was trained on (../shared/data/translation/tatoeba-unseen-dev).
 * bench/backends.ts compares onnxruntime-node with onnxruntime-web's WebAssembly build.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine } from '../src/cli/node-engine';
import { DEFAULT_GROUP_SIZE } from '../src/engine/translate/document';
import { forgetTranslations, translateAsCli, translateOneByOne, translateTogether } from './lexlet-runners';
import { formatTable } from './measure';
import { translationBenchOptions } from './options';
import { writeResults } from './write-results';
import { alternatedRounds, identicalCount, roundRatios, spread, type Runner, type Spread } from './rounds';
import { openTransformersJs } from './transformers-js';
import { range } from './machine';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    ...translationBenchOptions,
    limit: { type: 'string', default: '150' },
    beams: { type: 'string', default: '1,4' },
    rounds: { type: 'string', default: '5' },
    together: { type: 'string', default: String(DEFAULT_GROUP_SIZE) },
  },
});

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

const modelId = values.model;
const inputPath = values.input;
const sentences = readFileSync(inputPath, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .slice(0, Number(values.limit));
const rounds = Math.max(1, Number(values.rounds));
const together = Math.max(2, Number(values.together));
const loadBefore = loadavg();

const url = catalogUrl(undefined);
const engine = createNodeEngine('cpu');
await engine.loadCatalog(url);
await engine.downloadModel(modelId, () => undefined);
const translator = await engine.translator(modelId, 'cpu');
// The pipeline runs on its own engine: each pass reloads it to forget the translations of the one before.
const pipelineEngine = createNodeEngine('cpu');
const transformersJs = await openTransformersJs(join(root, 'public/models/'), modelId);
const transformersJsQuiet = await openTransformersJs(join(root, 'public/models/'), modelId, false);

const TRANSFORMERS_JS = 'Transformers.js';
interface Row {
  beams: number;
  runner: string;
  sentencesPerSecond: Spread;
  tokensPerSecond: Spread;
  cpuMsPerSentence: Spread;
  /** Sentences/s over those of Transformers.js with its default session options, per round. */
  speedupOverTransformersJs: Spread | null;
  /** Sentences/s over those of Transformers.js with spinning threads turned off, per round. */
  speedupOverTransformersJsNoSpinning: Spread | null;
  identicalToTransformersJs: number;
}
const rows: Row[] = [];
const notes: string[] = [];
let transformersJsGreedy: string[] | undefined;

for (const numBeams of (values.beams ?? '1').split(',').map(Number)) {
  const runners: Runner[] = [
    { name: TRANSFORMERS_JS, pass: () => transformersJs.translateAll(sentences, numBeams) },
    {
      name: `${TRANSFORMERS_JS}, no spinning`,
      pass: () => transformersJsQuiet.translateAll(sentences, numBeams),
    },
    { name: 'Lexlet engine, 1 at a time', pass: () => translateOneByOne(translator, sentences, numBeams) },
    {
      name: `Lexlet engine, ${together} together`,
      pass: () => translateTogether(translator, sentences, numBeams, together),
    },
    {
      name: 'Lexlet full pipeline (CLI)',
      prepare: () => forgetTranslations(pipelineEngine, url, modelId),
      pass: () => translateAsCli(pipelineEngine, modelId, sentences, numBeams),
    },
  ];
  const records = await alternatedRounds(runners, rounds, (runner, round, timing) =>
    process.stderr.write(
      `beams ${numBeams} round ${round + 1}/${rounds}: ${runner} ${timing.wallMs.toFixed(0)} ms\n`,
    ),
  );
  const [reference, quietReference] = records as [(typeof records)[number], (typeof records)[number]];
  if (numBeams === 1) transformersJsGreedy = reference.texts;
  else if (transformersJsGreedy) {
    const same = identicalCount(reference.texts, transformersJsGreedy);
    notes.push(
      same === sentences.length
        ? `Transformers.js with num_beams ${numBeams} gave its greedy output for all ${same} sentences: its ` +
            `generate() keeps one candidate per step, so the beam ${numBeams} rows compare Lexlet's beam search ` +
            `with Transformers.js decoding greedily`
        : `Transformers.js with num_beams ${numBeams}: ${same}/${sentences.length} outputs identical to its greedy ones`,
    );
  }
  for (const record of records) {
    const perSecond = (count: (pass: (typeof record.passes)[number]) => number) =>
      spread(record.passes.map((pass) => count(pass) / (pass.wallMs / 1000)));
    rows.push({
      beams: numBeams,
      runner: record.name,
      sentencesPerSecond: perSecond(() => sentences.length),
      tokensPerSecond: perSecond((pass) => pass.tokens),
      cpuMsPerSentence: spread(record.passes.map((pass) => pass.cpuMs / sentences.length)),
      speedupOverTransformersJs:
        record === reference ? null : spread(roundRatios(record.passes, reference.passes)),
      speedupOverTransformersJsNoSpinning:
        record === quietReference ? null : spread(roundRatios(record.passes, quietReference.passes)),
      identicalToTransformersJs: identicalCount(record.texts, reference.texts),
    });
  }
}
const loadAfter = loadavg();
await engine.dispose();
await pipelineEngine.dispose();
await transformersJs.dispose();
await transformersJsQuiet.dispose();

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  loadAverageBefore: loadBefore.map((load) => Number(load.toFixed(2))),
  loadAverageAfter: loadAfter.map((load) => Number(load.toFixed(2))),
  node: process.version,
  onnxruntimeNode: packageVersion('onnxruntime-node'),
  transformersJs: packageVersion('@huggingface/transformers'),
};
const input = relative(root, inputPath);
console.log(
  `${modelId}, ${sentences.length} sentences of ${input}, ${rounds} alternated rounds: median (min–max); ` +
    `× = sentences/s over Transformers.js's (default session options / spinning off), within each round; ` +
    `identical = outputs equal to Transformers.js's (default options)`,
);
console.log(
  `${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverageBefore.join(' ')} before, ` +
    `${machine.loadAverageAfter.join(' ')} after; Node ${machine.node}, onnxruntime-node ${machine.onnxruntimeNode}, ` +
    `Transformers.js ${machine.transformersJs}`,
);
console.log(
  formatTable(
    [
      'beams',
      'runner',
      'sentences/s',
      'tokens/s',
      'CPU ms/sentence',
      '× Transformers.js',
      '× no spinning',
      'identical',
    ],
    rows.map((row) => [
      String(row.beams),
      row.runner,
      range(row.sentencesPerSecond, 1),
      range(row.tokensPerSecond, 0),
      range(row.cpuMsPerSentence, 1),
      row.speedupOverTransformersJs ? range(row.speedupOverTransformersJs, 2) : '1',
      row.speedupOverTransformersJsNoSpinning ? range(row.speedupOverTransformersJsNoSpinning, 2) : '1',
      `${row.identicalToTransformersJs}/${sentences.length}`,
    ]),
  ),
);
for (const note of notes) console.log(note);

const written = writeResults(
  'translate-node',
  { model: modelId, input, sentences: sentences.length, rounds, machine, rows, notes },
  values.out,
);
console.log(`\nWritten to ${written}`);
process.exit(0);
