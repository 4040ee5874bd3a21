import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { groupByKecamatan, type DueBucket, type WorklistRow } from '../../../shared/domain/worklist';
import { useWorklistWords } from './worklist-words';
import { WorklistRowCard } from './WorklistRowCard';

/**
 * Rows rendered per step. Thousands can be due at once; a cheap phone lays out fifty
 * cards quickly, and nobody scrolls past fifty before choosing a filter.
 */
export const ROWS_PER_STEP = 50;

type Props = {
  bucket: DueBucket;
  rows: readonly WorklistRow[];
  /** null: only the first rows are known yet, so no count is shown. */
  total?: number | null;
  /** Under one heading per kecamatan, for planning a day of visits. */
  byKecamatan?: boolean;
};

/** One heading of the list (overdue, this week, later), its first rows and a button for more. */
export function WorklistGroup({ bucket, rows, total = rows.length, byKecamatan = false }: Props) {
  const w = useWorklistWords();
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [shown, setShown] = useState(ROWS_PER_STEP);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const rest = rows.length - shown;

  // The button moves below the rows it revealed: keyboard and screen-reader users go on
  // from the first of them instead of finding themselves past them.
  useEffect(() => {
    if (focusFrom === null) return;
    sectionRef.current?.querySelectorAll('.worklist-rows > li')[focusFrom]?.querySelector('a')?.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  return (
    <section class="worklist-group" aria-labelledby={headingId} ref={sectionRef}>
      <div class="section-head">
        <h2 id={headingId}>{w(`bucket.${bucket}`)}</h2>
        {total !== null && <span class={`badge worklist-group__count worklist-group__count--${bucket}`}>{w('bucket.count', { count: total })}</span>}
      </div>
      {byKecamatan ? <KecamatanGroups rows={rows} shown={shown} /> : <RowList rows={rows.slice(0, shown)} />}
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

function RowList({ rows }: { rows: readonly WorklistRow[] }) {
  return (
    <ol class="worklist-rows">
      {rows.map((row) => (
        <WorklistRowCard key={row.alumnus.id} row={row} />
      ))}
    </ol>
  );
}

/**
 * The first `shown` rows under their kecamatan, kecamatan by name; each heading counts
 * all of its people, also those below "show more".
 */
function KecamatanGroups({ rows, shown }: { rows: readonly WorklistRow[]; shown: number }) {
  const w = useWorklistWords();
  let left = shown;
  return (
    <>
      {groupByKecamatan(rows).map((group) => {
        const visible = group.rows.slice(0, Math.max(left, 0));
        left -= visible.length;
        if (visible.length === 0) return null;
        const name = group.kecamatan ?? w('kecamatan.none');
        return (
          <div key={name} class="worklist-kecamatan">
            <h3 class="worklist-kecamatan__heading">
              {name} <span class="badge">{w('bucket.count', { count: group.rows.length })}</span>
            </h3>
            <RowList rows={visible} />
          </div>
        );
      })}
    </>
  );
}
