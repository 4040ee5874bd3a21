import { useState } from 'preact/hooks';
import { useImportWords } from './import-words';
import { useProblemWords } from './problem-text';
import type { ImportReview } from './use-import-review';

/** Ready rows shown per page: a table of 100 rows renders in a few milliseconds. */
const PAGE = 100;

/**
 * The rows ready to import, collapsed until asked for ("Tampilkan 4,980 baris siap"),
 * then as a table of their file row number and mapped cells, a page at a time, so the
 * clerk can check them without 5,000 rows ever being rendered.
 */
export function ReadyRows({ review, indexes }: { review: ImportReview; indexes: readonly number[] }) {
  const w = useImportWords();
  const words = useProblemWords();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const columns = review.mapping.flatMap((field, column) => (field === null ? [] : [{ field, column }]));
  return (
    <div class="import-ready">
      <button type="button" class="button button--secondary" aria-expanded={open} aria-controls="import-ready-rows" onClick={() => setOpen(!open)}>
        {open ? w('preview.hideReady') : w('preview.showReady', { count: indexes.length })}
      </button>
      {open && (
        // Wider than a phone: focusable, so the table can be scrolled sideways from the keyboard.
        <div id="import-ready-rows" class="import-ready__scroll" tabIndex={0} role="region" aria-label={w('preview.ready')}>
          <table class="import-ready__table">
            <caption>{w('preview.ready')}</caption>
            <thead>
              <tr>
                <th scope="col">{w('preview.rowNumber')}</th>
                {columns.map(({ field, column }) => (
                  <th key={column} scope="col">{words.field(field)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {indexes.slice(0, limit).map((index) => {
                const row = review.rows[index];
                return row === undefined ? null : (
                  <tr key={row.number}>
                    <th scope="row">{row.number}</th>
                    {columns.map(({ column }) => (
                      <td key={column}>{row.cells[column]}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {indexes.length > limit && (
            <button type="button" class="button button--secondary" onClick={() => setLimit(limit + PAGE)}>
              {w('preview.moreReady', { count: Math.min(PAGE, indexes.length - limit) })}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
