/**
 * How much of a text a model's phrasebook answers: each line cut into sentences and clauses as the engine cuts
 * it (the passes included, the model replaced by one that copies its input), and the pieces found in the
 * phrasebook counted, whole or by their opening phrase ("Hello, …"). A set it reaches nowhere is translated
 * exactly as by the model alone.
 *
 *   node --import tsx bench/phrasebook-reach.ts --model lexlet-en-es --source FILE [--limit 1000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { translateDocument } from '../src/engine/translate/document';
import { PHRASEBOOK_FILE, Phrasebook } from '../src/engine/translate/phrasebook';
import type { Catalog } from '../src/engine/types';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'lexlet-en-es' },
    source: {
      type: 'string',
      default: join(root, '../shared/data/translation/tatoeba-unseen-dev/eng-spa/eng.txt'),
    },
    limit: { type: 'string', default: '1000' },
  },
});

const models = join(root, 'public/models');
const catalog = JSON.parse(readFileSync(join(models, 'catalog.json'), 'utf8')) as Catalog;
const model = catalog.models.find((entry) => entry.id === values.model);
if (!model) throw new Error(`${values.model} is not in public/models/catalog.json`);
const book = await Phrasebook.fromFile(readFileSync(join(models, model.baseUrl, PHRASEBOOK_FILE)));
const lines = readFileSync(values.source ?? '', 'utf8')
  .split('\n')
  .slice(0, Number(values.limit))
  .filter((line) => line.trim());

let pieces = 0;
const answered: string[] = [];
const opened: string[] = [];
let wholeLines = 0;
for (const line of lines) {
  if (book.translation(line.trim()) !== undefined) wholeLines += 1;
  await translateDocument(line, {
    locale: model.source,
    targetLocale: model.target,
    splitSentencesOverWords: model.splitSentencesOverWords,
    translateSentences: async (sentences) => {
      pieces += sentences.length;
      for (const sentence of sentences) {
        if (book.translation(sentence) !== undefined) answered.push(sentence);
        else if (book.opening(sentence)) opened.push(sentence);
      }
      return sentences.map((text) => ({ text, tokens: 1 }));
    },
  });
}
console.log(
  `${values.model}, ${lines.length} lines of ${values.source}: ${pieces} pieces sent to the model, ` +
    `${answered.length} of them in the phrasebook (${wholeLines} whole lines), ` +
    `${opened.length} more opening with a phrase of it`,
);
for (const piece of answered.slice(0, 20)) console.log(`  ${piece} → ${book.translation(piece)}`);
for (const piece of opened.slice(0, 20)) console.log(`  ${piece} → ${book.opening(piece)?.translation}, …`);
