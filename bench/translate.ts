/**
 * Translation throughput in Node: sentences/s and generated tokens/s, greedy and beam search, on onnxruntime-node
 * (cpu) and onnxruntime-web's WebAssembly build (wasm). Prints medians over repeated passes.
 *
 *   node --import tsx bench/translate.ts [--catalog PATH|URL] [--model ID | --from en --to es]
 *     [--input FILE] [--backends cpu,wasm] [--beams 1,4] [--repeats 5] [--limit 20]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine, type CliBackend } from '../src/cli/node-engine';
import { pickTranslationModel } from '../src/cli/pick-model';

/** Plain sentences of everyday length, for when no --input is given. */
const SAMPLES: Record<string, string[]> = {
  en: [
    'The meeting starts at nine tomorrow morning.',
    'Please send me the signed contract by Friday.',
    'I would like a cup of coffee.',
    'The weather is nice today.',
    'Where is the nearest train station?',
    'We have read and accept the terms of service.',
    'My brother lives in a small house near the sea.',
    'Can you help me carry these boxes?',
    'The company may change these terms at any time.',
    'She reads a book every week.',
    'This agreement is governed by the laws of Spain.',
    'They arrived late because of the rain.',
  ],
  es: [
    'La reunión empieza mañana a las nueve.',
    'Por favor, envíame el contrato firmado antes del viernes.',
    'Me gustaría una taza de café.',
    'Hoy hace buen tiempo.',
    '¿Dónde está la estación de tren más cercana?',
    'Hemos leído y aceptamos las condiciones del servicio.',
    'Mi hermano vive en una casa pequeña cerca del mar.',
    '¿Puedes ayudarme a llevar estas cajas?',
    'La empresa puede cambiar estas condiciones en cualquier momento.',
    'Ella lee un libro cada semana.',
    'Este contrato se rige por las leyes de España.',
    'Llegaron tarde por la lluvia.',
  ],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const { values } = parseArgs({
  options: {
    catalog: { type: 'string', default: 'e2e/fixtures/models/catalog.json' },
    model: { type: 'string' },
    from: { type: 'string', default: 'en' },
    to: { type: 'string', default: 'es' },
    input: { type: 'string' },
    backends: { type: 'string', default: 'cpu,wasm' },
    beams: { type: 'string', default: '1,4' },
    repeats: { type: 'string', default: '5' },
    limit: { type: 'string', default: '20' },
  },
});

const url = catalogUrl(values.catalog);
const repeats = Math.max(1, Number(values.repeats));
const rows: string[][] = [];
let modelLabel = '';

for (const backend of (values.backends ?? '').split(',') as CliBackend[]) {
  const engine = createNodeEngine(backend);
  const catalog = await engine.loadCatalog(url);
  const model = pickTranslationModel(catalog, url, { ...values, allowFixtures: true });
  modelLabel = `${model.id} (${model.source}→${model.target})`;
  const sentences = (
    values.input
      ? readFileSync(values.input, 'utf8')
          .split('\n')
          .filter((line) => line.trim())
      : (SAMPLES[model.source ?? 'en'] ?? SAMPLES.en ?? [])
  ).slice(0, Number(values.limit));
  const info = await engine.getBackend();
  const loadStarted = performance.now();
  const translator = await engine.translator(model.id, info.active);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  for (const numBeams of (values.beams ?? '').split(',').map(Number)) {
    // One unmeasured pass: WebAssembly code is tiered up while it runs hot, so early passes are slower.
    for (const sentence of sentences) await translator.translate(sentence, { numBeams });
    const sentenceRates: number[] = [];
    const tokenRates: number[] = [];
    const latencies: number[] = [];
    for (let pass = 0; pass < repeats; pass++) {
      let tokens = 0;
      const started = performance.now();
      for (const sentence of sentences) {
        const sentenceStarted = performance.now();
        tokens += (await translator.translate(sentence, { numBeams })).tokens;
        latencies.push(performance.now() - sentenceStarted);
      }
      const seconds = (performance.now() - started) / 1000;
      sentenceRates.push(sentences.length / seconds);
      tokenRates.push(tokens / seconds);
    }
    rows.push([
      info.reason,
      String(numBeams),
      median(sentenceRates).toFixed(2),
      median(tokenRates).toFixed(1),
      median(latencies).toFixed(1),
      loadSeconds.toFixed(2),
    ]);
  }
  await engine.dispose();
}

const header = ['backend', 'beams', 'sentences/s', 'tokens/s', 'ms/sentence', 'load s'];
const widths = header.map((_, column) =>
  Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
);
console.log(`model ${modelLabel}, ${repeats} passes, medians`);
for (const row of [header, ...rows])
  console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
process.exit(0);
