import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Clause } from './clauses';

interface ClauseListProps {
  clauses: Clause[];
  selected: number | null;
  /** Renders one clause's card. */
  renderClause(clause: Clause, index: number): ReactNode;
}

/** Every visible clause as a card, one after another; virtualised, as a long contract has hundreds. */
export function ClauseList({ clauses, selected, renderClause }: ClauseListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: clauses.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => {
      const clause = clauses[index];
      return 150 + (clause ? Math.ceil((clause.end - clause.start) / 90) * 24 : 0);
    },
    overscan: 4,
  });

  useEffect(() => {
    if (selected !== null && selected < clauses.length)
      virtualizer.scrollToIndex(selected, { align: 'start' });
  }, [selected, clauses.length, virtualizer]);

  if (clauses.length === 0) {
    return (
      <p className="muted review-empty" data-testid="clause-list-empty">
        No clause is shown with these settings.
      </p>
    );
  }
  return (
    <div ref={scroller} className="review-document" data-testid="clause-list">
      <div className="review-document-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const clause = clauses[item.index];
          if (!clause) return null;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="review-block-row review-list-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {renderClause(clause, item.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
