import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { largestProbabilityGap, nodeTagger } from './node-tagger.test-support';

interface Expected {
  model_dir: string;
  cases: { text: string; gold: number[]; probs: number[] }[];
}

// Probabilities of the float PyTorch model, written by training/lexlet_legal/export_onnx.py.
const expected = JSON.parse(
  readFileSync(
    new URL('./__fixtures__/lexlet-unfair-tos-multilingual-expected.json', import.meta.url),
    'utf8',
  ),
) as Expected;

describe('shipped multilingual UNFAIR-ToS model on onnxruntime-node', () => {
  it('reproduces the training-side probabilities (int8 table within 0.02)', async () => {
    expect(await largestProbabilityGap(await nodeTagger(expected.model_dir), expected.cases)).toBeLessThan(
      0.02,
    );
  });

  it('tags unfair terms written in German and Italian, and leaves a neutral sentence untagged', async () => {
    const tagger = await nodeTagger(expected.model_dir);
    expect(Object.keys(tagger.config.thresholdsByLanguage ?? {}).sort()).toEqual(['de', 'it', 'pl']);
    const tags = await tagger.tagSentences(
      [
        'Wir können Ihr Konto jederzeit ohne Angabe von Gründen kündigen.',
        'Wir haften nicht für Schäden, die durch die Nutzung des Dienstes entstehen.',
        'Possiamo modificare questi termini in qualsiasi momento.',
        'Unser Büro ist werktags von neun bis fünf geöffnet.',
      ],
      ['de', 'de', 'it', 'de'],
    );
    expect(tags[0]?.labels).toContain('Unilateral termination');
    expect(tags[1]?.labels).toContain('Limitation of liability');
    expect(tags[2]?.labels).toContain('Unilateral change');
    expect(tags[3]?.labels).toEqual([]);
  });
});
