/**
 * The command-line options the Node translation benches share (bench/translate.ts, bench/scaling.ts): which model
 * translates, the lines it reads, and where the results go. Each bench adds its own to these.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseArgsConfig } from 'node:util';
import { RESULTS_DIR } from './write-results';

const root = fileURLToPath(new URL('..', import.meta.url));

export const translationBenchOptions = {
  model: { type: 'string', default: 'lexlet-en-es' },
  // The English side of the Tatoeba dev set no model was trained on.
  input: {
    type: 'string',
    default: join(root, '../shared/data/translation/tatoeba-unseen-dev/eng-spa/eng.txt'),
  },
  out: { type: 'string', default: RESULTS_DIR },
} satisfies ParseArgsConfig['options'];
