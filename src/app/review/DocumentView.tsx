import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Fact } from '../../engine/types';
import type { Clause } from './clauses';
import { hueStyle } from './hue-style';
import { blockIndexAt, runsIn, splitIntoBlocks, type TextBlock } from './text-blocks';

/** Where to scroll: a character offset; `seq` changes on every request so the same place can be asked twice. */
export interface ScrollRequest {
  offset: number;
  seq: number;
}

interface DocumentViewProps {
  text: string;
  clauses: Clause[];
  facts: Fact[];
  hueOf(label: string): number;
  selected: number | null;
  onSelect(index: number): void;
  scrollRequest: ScrollRequest | null;
  /** The card of the selected clause, shown under the paragraph where the clause ends. */
  card: ReactNode;
}

/** Rough height of a block before it is measured: about 90 characters a line. */
function estimateHeight(block: TextBlock | undefined): number {
  if (!block) return 32;
  return Math.ceil((block.end - block.start) / 90) * 26 + 14;
}

function BlockText(props: {
  text: string;
  block: TextBlock;
  clauses: Clause[];
  facts: Fact[];
  hueOf(label: string): number;
  selected: number | null;
  onSelect(index: number): void;
}) {
  const { text, block, clauses, facts, hueOf, selected, onSelect } = props;
  const runs = runsIn(block.start, block.end, clauses, facts);
  return runs.map((run) => {
    const piece = text.slice(run.start, run.end);
    const inner = run.marks.length > 0 ? <span className="review-fact">{piece}</span> : piece;
    const index = run.clauses[0];
    const clause = index === undefined ? undefined : clauses[index];
    if (index === undefined || !clause) return <span key={run.start}>{inner}</span>;
    const [first, second] = clause.labels;
    const names = clause.labels.map((item) => `${item.label} (${item.score.toFixed(2)})`).join(', ');
    const opensClause = run.start === Math.max(clause.start, block.start);
    const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onSelect(index);
    };
    return (
      <mark
        key={run.start}
        className={`review-mark${second ? ' review-mark-multi' : ''}${selected === index ? ' is-selected' : ''}`}
        style={hueStyle(hueOf(first?.label ?? ''), second ? hueOf(second.label) : undefined)}
        title={names}
        data-testid="clause-highlight"
        data-clause={index}
        data-labels={clause.labels.map((item) => item.label).join('|')}
        onClick={() => onSelect(index)}
        // The first piece of each clause is a keyboard stop; the rest are reached through it.
        {...(opensClause ? { tabIndex: 0, role: 'button', 'aria-label': `Clause: ${names}`, onKeyDown } : {})}
      >
        {inner}
      </mark>
    );
  });
}

/**
 * The reviewed text with each tagged clause highlighted in its category colour. Only the paragraphs on screen
 * are rendered (virtualised), and each as a few runs of text, so a long contract stays responsive.
 */
export function DocumentView(props: DocumentViewProps) {
  const { text, clauses, facts, hueOf, selected, onSelect, scrollRequest, card } = props;
  const blocks = useMemo(() => splitIntoBlocks(text), [text]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimateHeight(blocks[index]),
    overscan: 8,
  });
  const selectedClause = selected === null ? undefined : clauses[selected];
  const cardBlock = selectedClause ? blockIndexAt(blocks, selectedClause.end - 1) : -1;

  useEffect(() => {
    if (!scrollRequest || blocks.length === 0) return;
    virtualizer.scrollToIndex(blockIndexAt(blocks, scrollRequest.offset), { align: 'start' });
    // A jump from far down the category list may have scrolled the page past the document's top edge.
    scroller.current?.scrollIntoView({ block: 'nearest' });
  }, [scrollRequest, blocks, virtualizer]);

  return (
    <div
      ref={scroller}
      className="review-document"
      tabIndex={0}
      aria-label="Reviewed document"
      data-testid="review-document"
    >
      <div className="review-document-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const block = blocks[item.index];
          if (!block) return null;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="review-block-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <p className={`review-block${block.continues ? ' review-block-continues' : ''}`}>
                <BlockText
                  text={text}
                  block={block}
                  clauses={clauses}
                  facts={facts}
                  hueOf={hueOf}
                  selected={selected}
                  onSelect={onSelect}
                />
              </p>
              {item.index === cardBlock ? card : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
