import { describe, expect, it } from 'vitest';
import { pageParagraphs, pdfParagraphs, textRunsFromItems, type PdfTextRun } from './pdf-paragraphs';

/** A line of text as one run; 6 points per character approximates Helvetica at 12 points. */
function line(
  str: string,
  y: number,
  options: { x?: number; size?: number; eol?: boolean } = {},
): PdfTextRun {
  const size = options.size ?? 12;
  return {
    str,
    x: options.x ?? 72,
    y,
    width: str.length * size * 0.5,
    fontSize: size,
    hasEOL: options.eol ?? true,
  };
}

const FULL = 'x'.repeat(80);

describe('pageParagraphs', () => {
  it('joins wrapped lines and splits at wider gaps', () => {
    const runs = [
      line('The parties agree to the', 700),
      line('following terms.', 686),
      line('Payment is due within', 658),
      line('thirty days.', 644),
    ];
    expect(pageParagraphs(runs)).toEqual([
      'The parties agree to the following terms.',
      'Payment is due within thirty days.',
    ]);
  });

  it('joins runs of one line, adding spaces only where the gap shows one', () => {
    const runs: PdfTextRun[] = [
      { str: 'Hello', x: 72, y: 700, width: 30, fontSize: 12, hasEOL: false },
      { str: 'world', x: 106, y: 700, width: 30, fontSize: 12, hasEOL: false },
      { str: 'wide', x: 136, y: 700, width: 24, fontSize: 12, hasEOL: true },
    ];
    expect(pageParagraphs(runs)).toEqual(['Hello worldwide']);
  });

  it('ends a line where the baseline moves even without an end-of-line mark', () => {
    const runs = [line('One line', 700, { eol: false }), line('goes on.', 686, { eol: false })];
    expect(pageParagraphs(runs)).toEqual(['One line goes on.']);
  });

  it('keeps superscripts on their line', () => {
    const runs: PdfTextRun[] = [
      { str: 'Clause 1', x: 72, y: 700, width: 48, fontSize: 12, hasEOL: false },
      { str: '2', x: 120, y: 704, width: 4, fontSize: 7, hasEOL: true },
    ];
    expect(pageParagraphs(runs)).toEqual(['Clause 12']);
  });

  it('removes a line-end hyphen only when the joined word occurs elsewhere', () => {
    const runs = [
      line(`${FULL} A transla-`, 700),
      line(`tion by Jean-`, 686),
      line(`Pierre ${FULL} during COVID-`, 672),
      line(`19 ${FULL} was well-`, 658),
      line(`known; the translation ${FULL}`, 644),
    ];
    expect(pageParagraphs(runs)).toEqual([
      `${FULL} A translation by Jean-Pierre ${FULL} during COVID-19 ${FULL} was well-known; ` +
        `the translation ${FULL}`,
    ]);
  });

  it('keeps a line-end hyphen inside a compound word and a dash apart from the next word', () => {
    const runs = [line(`${FULL} a well-`, 700), line(`known fact -`, 686), line('and more.', 672)];
    expect(pageParagraphs(runs)).toEqual([`${FULL} a well-known fact - and more.`]);
  });

  it('drops soft hyphens', () => {
    const runs = [line(`${FULL} agree\u00ad`, 700), line('ment', 686)];
    expect(pageParagraphs(runs)).toEqual([`${FULL} agreement`]);
  });

  it('starts a paragraph at a first-line indent, a size change and after a short finished line', () => {
    const runs = [
      line('Terms', 760, { size: 18 }),
      line(`${FULL} the first`, 730),
      line('paragraph ends here.', 716),
      line(`${FULL} the second`, 702),
      line(`${FULL} continues`, 688),
      line('and the third', 674, { x: 96 }),
      line('follows.', 660),
    ];
    expect(pageParagraphs(runs)).toEqual([
      'Terms',
      `${FULL} the first paragraph ends here.`,
      `${FULL} the second ${FULL} continues`,
      'and the third follows.',
    ]);
  });

  it('starts a paragraph after a line ending well short of the margin, even after a comma', () => {
    const runs = [line('Dear Ms. Smith,', 700), line(`We ${FULL} agree to`, 686), line('the terms.', 672)];
    expect(pageParagraphs(runs)).toEqual(['Dear Ms. Smith,', `We ${FULL} agree to the terms.`]);
  });

  it('keeps a short line ending in a comma with a lower-case line after it', () => {
    const runs = [line(FULL, 700), line('apples, pears,', 686), line('and plums.', 672)];
    expect(pageParagraphs(runs)).toEqual([`${FULL} apples, pears, and plums.`]);
  });

  it('takes the right margin from the page box when the widest line falls short of it', () => {
    // 40 characters at 6 points each end at 312, far from the margin at 523 that the page box implies.
    const runs = [line(`${'y'.repeat(39)}.`, 700), line('The next one.', 686)];
    expect(pageParagraphs(runs)).toEqual([`${'y'.repeat(39)}. The next one.`]);
    expect(pageParagraphs(runs, { left: 0, right: 595 })).toEqual([`${'y'.repeat(39)}.`, 'The next one.']);
  });

  it('splits at sentence ends when every gap on the page is a blank line wide', () => {
    const runs = [line(`${FULL}.`, 700), line(`${FULL}.`, 672), line(`${FULL} and`, 644), line('more.', 616)];
    expect(pageParagraphs(runs)).toEqual([`${FULL}.`, `${FULL}.`, `${FULL} and more.`]);
  });

  it('starts a paragraph when text moves up the page (a new column)', () => {
    const runs = [line('Left column.', 200), line('Right column.', 700, { x: 320 })];
    expect(pageParagraphs(runs)).toEqual(['Left column.', 'Right column.']);
  });

  it('ignores blank runs and collapses spaces', () => {
    const runs = [line('  ', 710), line('Too   many  spaces ', 700), line('', 690)];
    expect(pageParagraphs(runs)).toEqual(['Too many spaces']);
    expect(pageParagraphs([line(' ', 700)])).toEqual([]);
  });
});

describe('pdfParagraphs', () => {
  it('never runs a paragraph across pages', () => {
    const pages = [[line('The end of a page', 60)], [], [line('and the next page.', 780)]];
    expect(pdfParagraphs(pages.map((runs) => ({ runs })))).toEqual([
      { text: 'The end of a page' },
      { text: 'and the next page.' },
    ]);
  });
});

describe('textRunsFromItems', () => {
  it('reads position and size from the transform and skips marked content', () => {
    expect(
      textRunsFromItems([
        { type: 'beginMarkedContent' },
        { str: 'Hi', transform: [10, 0, 0, 10, 50, 600], width: 11, height: 10, hasEOL: true },
      ]),
    ).toEqual([{ str: 'Hi', x: 50, y: 600, width: 11, fontSize: 10, hasEOL: true }]);
  });
});
