import { useState } from 'preact/hooks';
import { useImportWords } from './import-words';
import { PreviewRow } from './PreviewRow';
import type { ImportReview } from './use-import-review';

/** Cards shown at a time: a file of 2,000 wrong rows (a wrong mapping) stays quick to show. */
const PAGE = 25;

/**
 * The count of rows ready and rows with problems, and a card for each row with a
 * problem (and each row the user corrected, so it stays while they type).
 */
export function ImportPreview({ review }: { review: ImportReview }) {
  const w = useImportWords();
  const [limit, setLimit] = useState(PAGE);
  const { results, rows, mapping, edited, editCell, confirmNik } = review;
  const valid = results.filter((result) => result.person !== null).length;
  const invalid = results.length - valid;
  const shown = results.flatMap((result, index) => (result.person === null || edited.has(index) ? [index] : []));
  return (
    <section class="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{w('preview.title')}</h2>
      {review.encoding === 'windows-1252' && <p class="notice">{w('preview.windows1252')}</p>}
      <p role="status">{invalid === 0 ? w('preview.allValid', { valid }) : w('preview.summary', { valid, invalid })}</p>
      {shown.length > 0 && <p class="muted">{w('preview.fixIntro')}</p>}
      <ol class="import-rows">
        {shown.slice(0, limit).map((index) => {
          const result = results[index];
          const row = rows[index];
          return result === undefined || row === undefined ? null : (
            <PreviewRow key={row.number} result={result} cells={row.cells} mapping={mapping} onCell={(column, value) => editCell(index, column, value)} onConfirmNik={() => confirmNik(index)} />
          );
        })}
      </ol>
      {shown.length > limit && (
        <button type="button" class="button button--secondary" onClick={() => setLimit(limit + PAGE)}>
          {w('preview.more', { count: Math.min(PAGE, shown.length - limit) })}
        </button>
      )}
    </section>
  );
}
