import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { largestProbabilityGap, nodeTagger } from './node-tagger.test-support';
import { tagDocument } from './document-tagger';
import { formatSentenceTags } from './format';

interface Expected {
  model_dir: string;
  cases: { text: string; gold: number[]; probs: number[] }[];
}

// Probabilities of the float PyTorch model, written by training/lexlet_legal/export_onnx.py.
const expected = JSON.parse(
  readFileSync(new URL('./__fixtures__/lexlet-unfair-tos-expected.json', import.meta.url), 'utf8'),
) as Expected;
const shippedTagger = () => nodeTagger(expected.model_dir);

describe('shipped UNFAIR-ToS model on onnxruntime-node', () => {
  it('reproduces the training-side probabilities (int8 table within 0.02)', async () => {
    expect(await largestProbabilityGap(await shippedTagger(), expected.cases)).toBeLessThan(0.02);
  });

  it('tags clear unfair clauses and leaves a neutral one untagged', async () => {
    const tagger = await shippedTagger();
    const tags = await tagger.tagSentences([
      'Any dispute arising out of these terms shall be resolved exclusively by binding individual arbitration, and you waive any right to a jury trial or class action.',
      'These Terms shall be governed by and construed in accordance with the laws of the State of California.',
      'Our office is open from nine to five on weekdays.',
    ]);
    expect(tags[0]?.labels).toContain('Arbitration');
    expect(tags[1]?.labels).toContain('Choice of law');
    expect(tags[2]?.labels).toEqual([]);
    const neutral = tags[2];
    expect(neutral && JSON.parse(formatSentenceTags(neutral))).toEqual({
      labels: [],
      ids: [],
      scores: neutral?.scores,
    });
  });

  it('tags a document with spans that slice back to the original text', async () => {
    const tagger = await shippedTagger();
    const text =
      'TERMS OF SERVICE\r\n\r\n1. Changes. We may modify these Terms at any time without notice; your continued use ' +
      'of the Service means you accept the changes.\r\n\r\n2. Law. These Terms are governed by the laws of England.\r\n';
    const { spans } = await tagDocument(text, tagger);
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(spans.map((s) => s.label)).toContain('Unilateral change');
  });
});
