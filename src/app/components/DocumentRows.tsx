import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { RunningParagraph } from '../documents/use-document-translation';
import { languageName } from '../format';

/**
 * Source and translation side by side, one row per paragraph. Only the rows in view are rendered, so a book-length
 * document scrolls as smoothly as a short one.
 */
export function DocumentRows({
  paragraphs,
  translations,
  running,
  source,
  target,
}: {
  paragraphs: readonly string[];
  translations: readonly (string | undefined)[];
  running: RunningParagraph | null;
  source: string;
  target: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // Row heights vary with the text; rows are measured once rendered and this is only the first guess.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 8,
  });

  return (
    <div
      className="document-table"
      role="table"
      aria-label="Paragraphs and their translations"
      aria-rowcount={paragraphs.length + 1}
    >
      <div className="document-head" role="row" aria-rowindex={1}>
        <span role="columnheader">Original ({languageName(source)})</span>
        <span role="columnheader">Translation ({languageName(target)})</span>
      </div>
      <div className="document-rows" ref={scroller} data-testid="document-rows">
        <div className="document-rows-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const translation = translations[item.index];
            const live = running?.index === item.index ? running : null;
            const state = translation !== undefined ? 'done' : live ? 'running' : 'pending';
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                className={`document-row document-row-${state}`}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                data-state={state}
                data-testid="document-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <div className="document-cell" role="cell" lang={source} data-testid="document-source">
                  {paragraphs[item.index]}
                </div>
                <div
                  className="document-cell document-translation"
                  role="cell"
                  lang={target}
                  aria-busy={state === 'running'}
                  data-testid="document-translation"
                >
                  {translation ?? live?.partial ?? ''}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
