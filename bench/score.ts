/**
 * Corpus BLEU (sacreBLEU's 13a tokenizer, its `zh` one for Chinese output) and chrF2, computed by the training's
 * scorer (training/lexlet_mt/metrics.py), so that the bench's scores and the model cards' are the same numbers.
 */
import { fileURLToPath } from 'node:url';
import { runCommand } from './run-command';

const TRAINING_DIR = fileURLToPath(new URL('../training', import.meta.url));
const PYTHON = '/usr/bin/python3';

const SCORER = `
import json, sys
from lexlet_mt.metrics import bleu_tokenizer, corpus_bleu, corpus_chrf
data = json.load(sys.stdin)
hyp, ref = data["hypotheses"], data["references"]
# Two decimals, as the training's evaluation reports them.
print(json.dumps({"bleu": round(corpus_bleu(hyp, ref, tokenize=bleu_tokenizer(data["targetLanguage"])), 2),
                  "chrf": round(corpus_chrf(hyp, ref), 2)}))
`;

export interface Scores {
  bleu: number;
  chrf: number;
}

export async function scoreTranslations(
  hypotheses: readonly string[],
  references: readonly string[],
  targetLanguage: string,
): Promise<Scores> {
  if (hypotheses.length !== references.length)
    throw new Error(`${hypotheses.length} translations for ${references.length} references.`);
  const stdout = await runCommand(PYTHON, ['-c', SCORER], {
    cwd: TRAINING_DIR,
    input: JSON.stringify({ hypotheses, references, targetLanguage }),
  });
  return JSON.parse(stdout) as Scores;
}
