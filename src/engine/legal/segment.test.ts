import { describe, expect, it } from 'vitest';
import { segmentBlocks, segmentClauses, splitSentences, type TextSegment } from './segment';

const slices = (text: string, segments: TextSegment[]): string[] =>
  segments.map((s) => text.slice(s.start, s.end));

describe('segmentBlocks', () => {
  const contract = [
    'MASTER SERVICES AGREEMENT',
    '',
    'This Agreement is made between Acme Inc. and Beta LLC.',
    '',
    'ARTICLE I',
    'DEFINITIONS',
    '1.1 "Services" means the services',
    '    described in Exhibit A.',
    '1.2 "Term" has the meaning in Section 5.',
    '',
    'Section 5. Term and Termination',
    '(a) Either party may terminate this Agreement on thirty days notice.',
    '(iv) Survival. Sections 3 and 4 survive.',
    '',
    '12.3.4 Notices shall be in writing.',
  ].join('\n');

  it('finds headings, numbered clauses and paragraphs with their markers', () => {
    const blocks = segmentBlocks(contract);
    expect(blocks.map((b) => [b.kind, b.marker ?? ''])).toEqual([
      ['heading', ''],
      ['paragraph', ''],
      ['heading', 'ARTICLE I'],
      ['heading', ''],
      ['clause', '1.1'],
      ['clause', '1.2'],
      ['heading', 'Section 5.'],
      ['clause', '(a)'],
      ['clause', '(iv)'],
      ['clause', '12.3.4'],
    ]);
  });

  it('returns offsets into the original text, keeping hard-wrapped lines in one clause', () => {
    const blocks = segmentBlocks(contract);
    expect(slices(contract, blocks)[4]).toBe(
      '1.1 "Services" means the services\n    described in Exhibit A.',
    );
    for (const b of blocks) {
      const s = contract.slice(b.start, b.end);
      expect(s).toBe(s.trim());
    }
  });

  it('splits inline enumerations after a colon into sub-clauses', () => {
    const text = 'The Licensee shall not: (a) copy the Software; (b) sell it; or (c) reverse engineer it.';
    const blocks = segmentBlocks(text);
    expect(slices(text, blocks)).toEqual([
      'The Licensee shall not:',
      '(a) copy the Software;',
      // "; or" closes (b) in legal drafting, so it stays with (b).
      '(b) sell it; or',
      '(c) reverse engineer it.',
    ]);
    expect(blocks.map((b) => b.marker)).toEqual([undefined, '(a)', '(b)', '(c)']);
  });

  it('handles CRLF line endings and leading indentation', () => {
    const text = '  1. First clause.\r\n  2. Second clause.\r\n';
    expect(slices(text, segmentBlocks(text))).toEqual(['1. First clause.', '2. Second clause.']);
  });

  it('returns nothing for blank text', () => {
    expect(segmentBlocks('  \n\n \t ')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations, initials or list numbers', () => {
    const text =
      'Acme Inc. shall pay the fees. See Sec. 4 for details. J. Smith signs for the U.S. entity. It ends here!';
    expect(splitSentences(text, 0, text.length).map(([s, e]) => text.slice(s, e))).toEqual([
      'Acme Inc. shall pay the fees.',
      'See Sec. 4 for details.',
      'J. Smith signs for the U.S. entity.',
      'It ends here!',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    const text = 'It is called the "Service." The Service (as defined.) Is provided.';
    expect(splitSentences(text, 0, text.length).map(([s, e]) => text.slice(s, e))).toEqual([
      'It is called the "Service."',
      'The Service (as defined.)',
      'Is provided.',
    ]);
  });
});

describe('segmentClauses', () => {
  it('splits long blocks into sentences and keeps short ones whole', () => {
    const long = `1. ${'The Provider may change these terms at any time. '.repeat(15)}`;
    const text = `TERMS\n\n${long}\n\n2. Short clause.`;
    const segments = segmentClauses(text, { maxChars: 200 });
    expect(segments[0]).toMatchObject({ kind: 'heading' });
    expect(segments.filter((s) => s.marker === '1.')).toHaveLength(1);
    expect(segments).toHaveLength(1 + 15 + 1);
    const last = segments.at(-1);
    expect(last && text.slice(last.start, last.end)).toBe('2. Short clause.');
    for (const s of segments) expect(s.end).toBeGreaterThan(s.start);
  });
});
