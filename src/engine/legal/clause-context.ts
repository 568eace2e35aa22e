import { paragraphBlocks, type TextSegment } from './segment';

/**
 * What a clause's own words often leave out: the title of the section it sits in, and how the paragraph it was
 * cut from opens. "12. Governing Law." is the strongest cue a contract gives, but once a long section is split into
 * sentences, or a lead-in "Licensee shall not:" into its "(a) ...; (b) ..." items, only the first piece carries it.
 */
export interface ClauseContext {
  /** The nearest heading above the clause ("GOVERNING LAW", "ARTICLE 9 INDEMNIFICATION"), or ''. */
  heading: string;
  /** The first words of the paragraph the clause was cut from, when the clause does not start it; else ''. */
  lead: string;
  /** The text of the clause before it (headings skipped), or '' for the first: a clause often continues it. */
  previous: string;
}

/** Words of a paragraph's opening kept as context: enough for "12.3 Limitation of Liability. In no event". */
const LEAD_WORDS = 12;

function openingWords(text: string): string {
  let end = 0;
  let count = 0;
  for (const m of text.matchAll(/\S+/g)) {
    end = m.index + m[0].length;
    if (++count === LEAD_WORDS) break;
  }
  return text.slice(0, end);
}

/** A line that recurs this often is a running page header or footer, not the title of what follows it. */
const RUNNING_LINE_REPEATS = 3;

/** Heading blocks without running headers and footers ("Source: ACME INC, 10-K, 3/1/2020", "Page 4 of 20"). */
function sectionHeadings(text: string, blocks: readonly TextSegment[]): TextSegment[] {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const shape = (h: TextSegment) => text.slice(h.start, h.end).toLowerCase().replace(/\d+/g, '#');
  const counts = new Map<string, number>();
  for (const h of headings) counts.set(shape(h), (counts.get(shape(h)) ?? 0) + 1);
  // A title has a word: "ii", "-iii-" and "th" are page numbers and scraps of a line break.
  const hasWord = (h: TextSegment) =>
    /\p{L}{3,}/u.test(text.slice(h.start, h.end).replace(/\b[ivxlc]+\b/gi, ''));
  return headings.filter((h) => (counts.get(shape(h)) ?? 0) < RUNNING_LINE_REPEATS && hasWord(h));
}

/**
 * The context of each segment of `segments` (as returned by `segmentClauses(text)`, in document order, headings
 * included or not), in the same order. Headings themselves get the heading above them and the clause before them.
 */
export function clauseContexts(text: string, segments: readonly TextSegment[]): ClauseContext[] {
  const blocks = paragraphBlocks(text);
  const headings = sectionHeadings(text, blocks);
  // Segments, blocks and headings all run in document order: one pass with two cursors.
  let nextHeading = 0;
  let heading = '';
  let blockAt = 0;
  let previous = '';
  return segments.map((segment) => {
    while (nextHeading < headings.length && (headings[nextHeading]?.start ?? Infinity) < segment.start) {
      const h = headings[nextHeading++] as TextSegment;
      heading = text.slice(h.start, h.end);
    }
    while (blockAt < blocks.length && (blocks[blockAt]?.end ?? Infinity) <= segment.start) blockAt++;
    const block = blocks[blockAt];
    const inside = block !== undefined && block.start < segment.start && segment.start < block.end;
    const context = {
      heading,
      lead: inside ? openingWords(text.slice(block.start, block.end)) : '',
      previous,
    };
    if (segment.kind !== 'heading') previous = text.slice(segment.start, segment.end);
    return context;
  });
}
