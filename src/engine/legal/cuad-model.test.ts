import { describe, expect, it } from 'vitest';
import { tagDocument } from './document-tagger';
import { formatDocumentTags } from './format';
import { nodeTagger } from './node-tagger.test-support';

const shippedTagger = () => nodeTagger('public/models/lexlet-cuad');

describe('shipped CUAD clause model on onnxruntime-node', () => {
  it('has the 36 clause categories and one threshold each', async () => {
    const tagger = await shippedTagger();
    expect(tagger.config.labels).toHaveLength(36);
    expect(tagger.config.labels).toContain('Governing Law');
    expect(tagger.config.labels).not.toContain('Parties');
  });

  it('tags a contract: clause spans slice back to the text and key facts come with it', async () => {
    const tagger = await shippedTagger();
    const text = [
      'SUPPLY AGREEMENT',
      '',
      'This Supply Agreement is made as of March 1, 2010 by and between Acme Widgets, Inc. ("Acme") and Beta Labs LLC ("Beta").',
      '',
      '12. Governing Law. This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws principles.',
      '',
      '13. Assignment. Neither party may assign this Agreement or any rights hereunder without the prior written consent of the other party.',
      '',
      '14. Counterparts. This Agreement may be executed in counterparts.',
    ].join('\n');
    const tags = await tagDocument(text, tagger);
    for (const span of tags.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    const labelsOf = (needle: string) =>
      tags.spans.filter((s) => s.text.includes(needle)).map((s) => s.label);
    expect(labelsOf('governed by')).toContain('Governing Law');
    expect(labelsOf('assign this Agreement')).toContain('Anti-Assignment');
    expect(labelsOf('counterparts')).toEqual([]);
    expect(tags.facts.parties.map((p) => p.text)).toEqual(['Acme Widgets, Inc.', 'Beta Labs LLC']);
    const printed = JSON.parse(formatDocumentTags(tags)) as { spans: object[]; facts: object };
    expect(Object.keys(printed)).toEqual(['spans', 'facts']);
    expect(Object.keys(printed.spans[0] ?? {})).toEqual(['label', 'start', 'end', 'score', 'text']);
  });
});
