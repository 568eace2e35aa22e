/**
 * Peak memory of one scaling configuration, in a process of its own: freed memory stays resident, so in a shared
 * process a configuration would inherit the peak of the one before it. Loads the model, translates the texts of
 * one length once in batches of one size, and prints the process's resident memory after loading and its
 * high-water mark (process.resourceUsage().maxRSS) as JSON. bench/scaling.ts runs it once per configuration.
 *
 *   node --import tsx bench/scaling-memory.ts --input FILE --length 20 --batch 8 --sentences 32 [--model lexlet-en-es]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine } from '../src/cli/node-engine';
import { translateOneByOne, translateTogether } from './lexlet-runners';
import { maxRssMiB, rssMiB } from './rss-sampler';
import { textsOfLength } from './scaling-inputs';

export interface ConfigurationMemory {
  /** Resident memory once the model is loaded, before any translation (MiB). */
  loadedRssMiB: number;
  /** The process's resident high-water mark after translating (MiB). */
  peakRssMiB: number;
}

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'lexlet-en-es' },
    input: { type: 'string' },
    length: { type: 'string' },
    batch: { type: 'string' },
    sentences: { type: 'string' },
  },
});
const [length, batch, sentences] = [values.length, values.batch, values.sentences].map(Number);
if (!values.input || !(length && batch && sentences)) {
  throw new Error('scaling-memory needs --input FILE, --length, --batch and --sentences (positive numbers)');
}
const lines = readFileSync(values.input, 'utf8').split('\n');
const engine = createNodeEngine('cpu');
await engine.loadCatalog(catalogUrl(undefined));
const modelId = values.model ?? 'lexlet-en-es';
await engine.downloadModel(modelId, () => undefined);
const translator = await engine.translator(modelId, 'cpu');
const { texts } = textsOfLength(
  lines,
  length,
  sentences,
  (text) => translator.countPieces([text])[0] as number,
);
const loadedRssMiB = rssMiB();
await (batch === 1
  ? translateOneByOne(translator, texts, 1)
  : translateTogether(translator, texts, 1, batch));
const memory: ConfigurationMemory = { loadedRssMiB, peakRssMiB: maxRssMiB() };
console.log(JSON.stringify(memory));
await engine.dispose();
process.exit(0);
