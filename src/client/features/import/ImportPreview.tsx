import { useState } from 'preact/hooks';
import type { RowResult } from '../../../shared/import/check-sheet';
import { useImportWords } from './import-words';
import { PreviewRow } from './PreviewRow';
import { ReadyRows } from './ReadyRows';
import type { ImportReview } from './use-import-review';

/** Cards shown at a time: a file of 2,000 wrong rows (a wrong mapping) stays quick to show. */
const PAGE = 25;

/**
 * The count of rows ready and rows with problems; a card, open, for each row with a
 * problem, each row the user corrected (so it stays while they type) and each row of a
 * NIK listed twice (so the choice of which to keep can be changed); then every other
 * row, ready, behind a disclosure. Both lists are paged: 5,000 rows never render at once.
 */
export function ImportPreview({ review }: { review: ImportReview }) {
  const w = useImportWords();
  const [limit, setLimit] = useState(PAGE);
  const { results, rows, mapping, edited, editCell, confirmNik, keepRow } = review;
  const valid = results.filter((result) => result.person !== null).length;
  const invalid = results.length - valid;
  const duplicated = duplicateGroups(results);
  const open: number[] = [];
  const ready: number[] = [];
  for (const [index, result] of results.entries()) {
    if (result.person === null || edited.has(index) || duplicated.has(result.number)) open.push(index);
    else ready.push(index);
  }
  return (
    <section class="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{w('preview.title')}</h2>
      {review.encoding === 'windows-1252' && <p class="notice">{w('preview.windows1252')}</p>}
      <p role="status">{invalid === 0 ? w('preview.allValid', { valid }) : w('preview.summary', { valid, invalid })}</p>
      {open.length > 0 && <p class="muted">{w('preview.fixIntro')}</p>}
      <ol class="import-rows" aria-label={w('preview.problemRows')}>
        {open.slice(0, limit).map((index) => {
          const result = results[index];
          const row = rows[index];
          if (result === undefined || row === undefined) return null;
          const keep = duplicated.get(result.number);
          return (
            <PreviewRow
              key={row.number}
              result={result}
              cells={row.cells}
              mapping={mapping}
              keep={keep === undefined ? null : { group: keep.group, kept: keep.kept === result.number }}
              onCell={(column, value) => editCell(index, column, value)}
              onConfirmNik={() => confirmNik(index)}
              onKeep={() => keepRow(index)}
            />
          );
        })}
      </ol>
      {open.length > limit && (
        <button type="button" class="button button--secondary" onClick={() => setLimit(limit + PAGE)}>
          {w('preview.more', { count: Math.min(PAGE, open.length - limit) })}
        </button>
      )}
      {ready.length > 0 && <ReadyRows review={review} indexes={ready} />}
    </section>
  );
}

/**
 * The rows of each NIK listed more than once, by row number: a name for their radio
 * group (the kept row's number, or else the smallest) and the row kept, if the clerk chose one.
 */
function duplicateGroups(results: readonly RowResult[]): Map<number, { group: string; kept: number | null }> {
  const groups = new Map<number, { group: string; kept: number | null }>();
  for (const result of results) {
    for (const problem of result.problems) {
      if (problem.code !== 'duplicate-in-file' && problem.code !== 'duplicate-left-out') continue;
      const members = [result.number, ...(problem.rows ?? [])];
      const kept = problem.code === 'duplicate-left-out' ? (problem.rows?.[0] ?? null) : null;
      // Before a choice every row names all the others; after it, each left-out row names the kept one.
      const group = `keep-${kept ?? Math.min(...members)}`;
      for (const number of members) groups.set(number, { group, kept });
    }
  }
  return groups;
}
