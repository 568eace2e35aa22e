/**
 * How well the decoder's confidence (the mean log-probability of its tokens) finds the translations worth a
 * second look: each dev line translated through the whole pipeline, scored with sentence chrF by the training's
 * scorer, and the mean chrF of the marked lines set against the rest, at the shipped threshold and at the
 * thresholds that would mark the least sure 10%, 15% and 20%.
 *
 *   node --import tsx bench/confidence.ts [--model lexlet-en-es] [--source FILE --reference FILE] [--limit 1000]
 *
 * Without --source, the Tatoeba dev set no model was trained on (../shared/data/translation/tatoeba-unseen-dev).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { catalogUrl } from '../src/cli/catalog-location';
import { createNodeEngine } from '../src/cli/node-engine';
import { UNSURE_BELOW } from '../src/engine/translate/confidence';
import type { TranslateEvent } from '../src/engine/types';
import { CLI_LINES_PER_REQUEST } from './lexlet-runners';
import { lineConfidences, markedVersusRest, quantile } from './confidence-stats';
import { runCommand } from './run-command';

const root = fileURLToPath(new URL('..', import.meta.url));
const TATOEBA = join(root, '../shared/data/translation/tatoeba-unseen-dev/eng-spa');
const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'lexlet-en-es' },
    source: { type: 'string', default: join(TATOEBA, 'eng.txt') },
    reference: { type: 'string', default: join(TATOEBA, 'spa.txt') },
    limit: { type: 'string', default: '1000' },
  },
});

const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, Number(values.limit));
const sources = readLines(values.source ?? '');
const references = readLines(values.reference ?? '');
const kept = sources.flatMap((source, i) => (source.trim() && references[i]?.trim() ? [i] : []));
const lines = kept.map((i) => (sources[i] as string).trim());
const refs = kept.map((i) => (references[i] as string).trim());

const modelId = values.model ?? 'lexlet-en-es';
const engine = createNodeEngine('cpu');
await engine.loadCatalog(catalogUrl(undefined));
await engine.downloadModel(modelId, () => undefined);

const hypotheses: string[] = [];
const confidences: (number | undefined)[] = [];
for (let start = 0; start < lines.length; start += CLI_LINES_PER_REQUEST) {
  const chunk = lines.slice(start, start + CLI_LINES_PER_REQUEST);
  const segments: { source: string; confidence?: number }[] = [];
  const onEvent = (event: TranslateEvent) => {
    if (event.type === 'segment') segments[event.segment] = event;
  };
  const result = await engine.translate({ modelId, text: chunk.join('\n') }, onEvent);
  hypotheses.push(...result.text.split('\n'));
  confidences.push(...lineConfidences(chunk, segments));
  process.stderr.write(`\r${hypotheses.length}/${lines.length}`);
}
process.stderr.write('\n');

const SENTENCE_CHRF = `
import json, sys
from lexlet_mt.metrics import corpus_chrf
data = json.load(sys.stdin)
print(json.dumps([corpus_chrf([h], [r]) for h, r in zip(data["hypotheses"], data["references"])]))
`;
const chrf = JSON.parse(
  await runCommand('/usr/bin/python3', ['-c', SENTENCE_CHRF], {
    cwd: join(root, 'training'),
    input: JSON.stringify({ hypotheses, references: refs }),
  }),
) as number[];

const scored = confidences.flatMap((confidence) => (confidence === undefined ? [] : [confidence]));
const rows = [
  { label: `shipped (${UNSURE_BELOW})`, threshold: UNSURE_BELOW },
  ...[0.1, 0.15, 0.2].map((share) => {
    const threshold = quantile(scored, share);
    return { label: `least sure ${share * 100}% (${threshold.toFixed(3)})`, threshold };
  }),
];
console.log(`${modelId}: ${lines.length} lines of ${relative(root, values.source ?? '')}`);
console.log('threshold | marked | chrF marked | chrF unmarked');
for (const { label, threshold } of rows) {
  const row = markedVersusRest(confidences, chrf, threshold);
  console.log(
    `${label} | ${row.marked} (${((100 * row.marked) / lines.length).toFixed(1)}%) | ` +
      `${row.markedChrf.toFixed(1)} | ${row.restChrf.toFixed(1)}`,
  );
}
