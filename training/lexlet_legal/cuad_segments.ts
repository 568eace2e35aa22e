/**
 * Segments every CUAD contract with the engine's own segmenter, so training units are exactly the units the app
 * tags, each with the context the app gives it (`clause-context.ts`). Reads work/legal/cuad/contracts.jsonl,
 * writes work/legal/cuad/segments.jsonl: per contract, [start, end, isHeading, heading, lead] per segment.
 *
 *   node --import tsx training/lexlet_legal/cuad_segments.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseContexts } from '../../src/engine/legal/clause-context';
import { segmentClauses } from '../../src/engine/legal/segment';
import { sharedData } from './shared_data';

const work = new URL('../work/legal/cuad/', import.meta.url);
const txtDir = sharedData('legal/cuad_v1/full_contract_txt');
const out: string[] = [];
for (const line of readFileSync(new URL('contracts.jsonl', work), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { file } = JSON.parse(line) as { file: string };
  const text = readFileSync(join(txtDir, file), 'utf8');
  const segments = segmentClauses(text);
  const contexts = clauseContexts(text, segments);
  const rows = segments.map((s, i) => [
    s.start,
    s.end,
    s.kind === 'heading' ? 1 : 0,
    contexts[i]?.heading ?? '',
    contexts[i]?.lead ?? '',
  ]);
  out.push(JSON.stringify({ file, segments: rows }));
}
writeFileSync(new URL('segments.jsonl', work), out.join('\n') + '\n');
console.log(`${out.length} contracts segmented`);
