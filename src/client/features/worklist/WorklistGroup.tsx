import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { DueBucket, WorklistRow } from '../../../shared/domain/worklist';
import { useWorklistWords } from './worklist-words';
import { WorklistRowCard } from './WorklistRowCard';

/**
 * Rows rendered per step. Thousands can be due at once; a cheap phone lays out fifty
 * cards quickly, and nobody scrolls past fifty before choosing a filter.
 */
export const ROWS_PER_STEP = 50;

/** One heading of the list (overdue, this week, later), its first rows and a button for more. */
/** `total` null: only the first rows are known yet, so no count is shown. */
export function WorklistGroup({ bucket, rows, total = rows.length }: { bucket: DueBucket; rows: readonly WorklistRow[]; total?: number | null }) {
  const w = useWorklistWords();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const [shown, setShown] = useState(ROWS_PER_STEP);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const rest = rows.length - shown;

  // The button moves below the rows it revealed: keyboard and screen-reader users go on
  // from the first of them instead of finding themselves past them.
  useEffect(() => {
    if (focusFrom === null) return;
    listRef.current?.children[focusFrom]?.querySelector('a')?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  return (
    <section class="worklist-group" aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId}>{w(`bucket.${bucket}`)}</h2>
        {total !== null && <span class={`badge worklist-group__count worklist-group__count--${bucket}`}>{w('bucket.count', { count: total })}</span>}
      </div>
      <ol class="worklist-rows" ref={listRef}>
        {rows.slice(0, shown).map((row) => (
          <WorklistRowCard key={row.alumnus.id} row={row} />
        ))}
      </ol>
      {rest > 0 && (
        <button
          type="button"
          class="button button--secondary worklist-group__more"
          onClick={() => {
            setFocusFrom(shown);
            setShown(shown + ROWS_PER_STEP);
          }}
        >
          {w('showMore', { count: Math.min(rest, ROWS_PER_STEP) })}
        </button>
      )}
    </section>
  );
}
