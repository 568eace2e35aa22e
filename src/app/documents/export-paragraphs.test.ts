import { describe, expect, it } from 'vitest';
import { exportParagraphs, partialExportNote } from './export-paragraphs';

describe('exportParagraphs', () => {
  it('keeps untranslated paragraphs in the original, in place, with their headings', () => {
    const document = {
      paragraphs: ['Rent', 'The tenant pays.', 'Repairs'],
      headings: [1, undefined, 1] as const,
    };
    expect(exportParagraphs({ ...document, headings: [...document.headings] }, ['Renta'])).toEqual([
      { text: 'Renta', translated: true, heading: 1 },
      { text: 'The tenant pays.', translated: false },
      { text: 'Repairs', translated: false, heading: 1 },
    ]);
  });

  it('exports a paragraph translated out of order where it belongs', () => {
    expect(exportParagraphs({ paragraphs: ['One.', 'Two.'] }, [undefined, 'Dos.'])).toEqual([
      { text: 'One.', translated: false },
      { text: 'Dos.', translated: true },
    ]);
  });
});

describe('partialExportNote', () => {
  it('says how much is translated and that the rest stays in the original', () => {
    expect(partialExportNote(12, 40)).toBe(
      '12 of 40 paragraphs translated; the rest are kept in the original.',
    );
    expect(partialExportNote(1_200, 4_000)).toBe(
      '1,200 of 4,000 paragraphs translated; the rest are kept in the original.',
    );
  });

  it('says nothing when nothing or everything is translated', () => {
    expect(partialExportNote(0, 40)).toBeNull();
    expect(partialExportNote(40, 40)).toBeNull();
  });
});
