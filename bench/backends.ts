/**
 * Translation throughput in Node: sentences/s and generated tokens/s, greedy and beam search, on onnxruntime-node
 * (cpu) and onnxruntime-web's WebAssembly build (wasm). Prints medians over repeated passes and writes them to
 * bench/results/.
 *
 *   node --import tsx bench/backends.ts [--catalog PATH|URL] [--model ID | --from en --to es]
 *     [--input FILE] [--backends cpu,wasm] [--beams 1,4] [--together 1,8] [--repeats 5] [--limit 20]
 * `--together` lists how many sentences are decoded together (1: one at a time; the app and the CLI use 8).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine, type CliBackend } from '../src/cli/node-engine';
import { pickTranslationRoute } from '../src/cli/pick-model';
import { formatTable, measureThroughput, SAMPLE_SENTENCES } from './measure';
import { writeResults } from './write-results';

const { values } = parseArgs({
  options: {
    catalog: { type: 'string', default: 'e2e/fixtures/models/catalog.json' },
    model: { type: 'string' },
    from: { type: 'string', default: 'en' },
    to: { type: 'string', default: 'es' },
    input: { type: 'string' },
    backends: { type: 'string', default: 'cpu,wasm' },
    beams: { type: 'string', default: '1,4' },
    together: { type: 'string', default: '1,8' },
    repeats: { type: 'string', default: '5' },
    limit: { type: 'string', default: '20' },
  },
});

const url = catalogUrl(values.catalog);
const repeats = Math.max(1, Number(values.repeats));
const rows: string[][] = [];
const header = ['backend', 'beams', 'together', 'sentences/s', 'tokens/s', 'ms/sentence', 'load s'];
let modelLabel = '';

for (const backend of (values.backends ?? '').split(',') as CliBackend[]) {
  const engine = createNodeEngine(backend);
  const catalog = await engine.loadCatalog(url);
  const route = pickTranslationRoute(catalog, url, { ...values, allowFixtures: true });
  const [model] = route.models;
  // Through English would time two models at once; the benchmark measures one.
  if (!model || route.models.length > 1)
    throw new Error(`no single model translates ${values.from}→${values.to}`);
  modelLabel = `${model.id} (${model.source}→${model.target})`;
  const sentences = (
    values.input
      ? readFileSync(values.input, 'utf8')
          .split('\n')
          .filter((line) => line.trim())
      : (SAMPLE_SENTENCES[model.source ?? 'en'] ?? SAMPLE_SENTENCES.en ?? [])
  ).slice(0, Number(values.limit));
  const info = await engine.getBackend();
  const loadStarted = performance.now();
  const translator = await engine.translator(model.id, info.active);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  for (const numBeams of (values.beams ?? '').split(',').map(Number)) {
    // Side by side in one run: the ratio between rows is what to quote, the machines are noisy.
    for (const together of (values.together ?? '1').split(',').map(Number)) {
      const row = await measureThroughput(translator, sentences, numBeams, repeats, together);
      rows.push([
        info.reason,
        String(numBeams),
        String(row.together),
        row.sentencesPerSecond.toFixed(2),
        row.tokensPerSecond.toFixed(1),
        row.msPerSentence.toFixed(1),
        loadSeconds.toFixed(2),
      ]);
    }
  }
  await engine.dispose();
}

console.log(`model ${modelLabel}, ${repeats} passes, medians`);
console.log(formatTable(header, rows));
const table = rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
console.log(`\nWritten to ${writeResults('backends', { model: modelLabel, repeats, rows: table })}`);
process.exit(0);
